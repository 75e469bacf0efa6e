#!/usr/bin/env node
// Runs every bench/*.bench.mjs (or those named on the command line) against
// the built dist/, and writes bench/results.md with the numbers and how to
// reproduce them. Each bench module exports:
//   export default async function bench(ctx) -> { title: string, markdown: string }
// where ctx = { root, dist, tmp, cores } and markdown is a section body (tables as ratios vs peers).
// Each bench file runs in a process of its own, so that one bench's heap,
// caches and compiled code do not weigh on the next.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = join(here, '..')

// Child mode: `run.mjs --one FILE TMP` runs one bench and prints its section as JSON.
if (process.argv[2] === '--one') {
  const [file, tmp] = process.argv.slice(3)
  const { default: bench } = await import(pathToFileURL(join(here, file)).href)
  const section = await bench({ root, dist: join(root, 'dist'), tmp, cores: cpus().length })
  process.stdout.write(`\n${JSON.stringify(section)}\n`)
  process.exit(0)
}

const only = process.argv.slice(2)
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => f.includes(o)))).sort()
const tmp = await mkdtemp(join(tmpdir(), 'docmend-bench-'))
const sections = []
try {
  for (const file of files) {
    process.stderr.write(`bench: ${file}\n`)
    const started = Date.now()
    // The section is the child's last line of output; anything before it (peers' set-up) passes through.
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file, tmp], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024
    })
    const lines = out.trimEnd().split('\n')
    process.stderr.write(lines.slice(0, -1).join('\n'))
    const { title, markdown } = JSON.parse(lines[lines.length - 1])
    sections.push(`## ${title}\n\n${markdown.trim()}\n\n_(${file}, ${((Date.now() - started) / 1000).toFixed(1)} s)_\n`)
  }
} finally {
  await rm(tmp, { recursive: true, force: true })
}
const header = `# docmend benchmark results

Reproduce with \`npm run bench\` (or \`npm run bench -- <name>\` for one bench file).
Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Ratios compare docmend with its peers measured in the same run on the same files.
`
const out = `${header}\n${sections.join('\n')}`
if (only.length === 0) await writeFile(join(here, 'results.md'), out)
process.stdout.write(out)
