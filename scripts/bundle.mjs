#!/usr/bin/env node
/**
 * After tsc: one bundle per CLI entry point, so a run loads a handful of
 * files instead of resolving hundreds of ESM modules one by one (that was
 * most of a single conversion's start-up). The library (dist/index.js) stays
 * as tsc wrote it.
 *
 * Every bundle sits where its code expects to find the others: modules find
 * templates/ and package.json as `../` of their own file, and worker entry
 * files as siblings (`./worker.js`, `./direct-worker.js`, `./extract/worker.js`), so bundles and shared chunks live in dist/ itself.
 * Packages that read their own files from disk (pdf.js, pdfkit, fontkit,
 * piscina, brotli) and the queue client (bullmq, ioredis, with its optional
 * native parts) stay external and load from node_modules as usual.
 */
import { chmodSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')

for (const name of readdirSync(dist)) if (/^chunk-.*\.js$/.test(name)) rmSync(join(dist, name))

await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli.ts',
    worker: 'src/sandbox/worker.ts',
    'direct-worker': 'src/sandbox/direct-worker.ts',
    'extract/worker': 'src/ingest/pdf/extract/worker.ts'
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'pdfkit', 'fontkit', 'piscina', 'brotli', 'bullmq', 'ioredis'],
  // CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __docmendCreateRequire } from 'node:module'; const require = __docmendCreateRequire(import.meta.url);" },
  logLevel: 'warning'
})
chmodSync(join(dist, 'cli.js'), 0o755)
