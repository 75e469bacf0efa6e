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
 * Packages that read their own files from disk (pdf.js, piscina) and the
 * queue client (bullmq, ioredis, with its optional native parts) stay
 * external and load from node_modules as usual.
 *
 * pdfkit and fontkit are bundled (into the chunk the PDF writer loads), for
 * two reasons measured on one PDF run: resolving their dozen packages one by
 * one, and brotli. fontkit imports brotli's decoder, whose 756 KB dictionary
 * source takes about 40 ms to read and compile, for WOFF2 fonts only; in the
 * bundle fontkit gets it through `lazyBrotli`, which loads the real package
 * the first time a WOFF2 font is decoded. pdfkit finds its data files (AFM
 * metrics, the ICC profile) from `import.meta.url`, which in a bundle would
 * name the chunk: `pdfkitFiles` points it back at its own folder.
 */
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/** fontkit's `import … from 'brotli/decompress.js'`, loaded on first use. */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress\.js$/ }, (args) =>
      args.importer.includes('/fontkit/') ? { path: 'lazy-brotli', namespace: 'docmend' } : undefined
    )
    b.onLoad({ filter: /^lazy-brotli$/, namespace: 'docmend' }, () => ({
      // Resolved from fontkit's folder: brotli is fontkit's dependency, not docmend's.
      contents:
        "let decode\nexport default (buffer, size) => (decode ??= require('node:module').createRequire(require.resolve('fontkit'))('brotli/decompress.js'))(buffer, size)\n",
      loader: 'js'
    }))
  }
}

/** pdfkit's `import.meta.url`, as it would be in node_modules/pdfkit/js/. */
const pdfkitFiles = {
  name: 'pdfkit-files',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.url')) throw new Error('pdfkit no longer uses import.meta.url: check pdfkitFiles in scripts/bundle.mjs')
      const own = "require('node:url').pathToFileURL(require.resolve('pdfkit')).href"
      return { contents: `const __pdfkitUrl = ${own};\n${source.replaceAll('import.meta.url', '__pdfkitUrl')}`, loader: 'js' }
    })
  }
}
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
  external: ['pdfjs-dist', 'piscina', 'brotli', 'bullmq', 'ioredis'],
  plugins: [lazyBrotli, pdfkitFiles],
  // CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __docmendCreateRequire } from 'node:module'; const require = __docmendCreateRequire(import.meta.url);" },
  logLevel: 'warning'
})
chmodSync(join(dist, 'cli.js'), 0o755)
