// DOCX → HTML throughput over the corpus (test/corpus/docx), docmend
// against `pandoc -f docx -t html` in the same run, on the same files (those
// both can read). pandoc converts one document per process, so it is timed
// one process per file; docmend is timed that way too, as one process for
// the whole folder (how `docmend convert *.docx --out-dir` runs), and
// in-process through the library (warm, best of 3 rounds).
import { execFile } from 'node:child_process'
import { mkdirSync, statSync, symlinkSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { docxCorpusFiles } from './lib/corpus.mjs'

const run = promisify(execFile)

async function timed(fn) {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e9
}

const MB = 1e6

export default async function bench({ root, dist, tmp }) {
  const all = docxCorpusFiles(root)
  // Files pandoc cannot read are left out of every measurement.
  const readable = []
  for (const file of all) {
    try {
      await run('pandoc', ['-f', 'docx', '-t', 'html', file], { maxBuffer: 1 << 28 })
      readable.push(file)
    } catch {}
  }
  const files = readable
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0)
  const cli = join(dist, 'cli.js')

  const pandocSeconds = await timed(async () => {
    for (const file of files) await run('pandoc', ['-f', 'docx', '-t', 'html', file], { maxBuffer: 1 << 28 })
  })
  const perFileSeconds = await timed(async () => {
    for (const file of files) await run(process.execPath, [cli, 'convert', file, '--to', 'html', '--embed-images'], { maxBuffer: 1 << 28 })
  })
  // The corpus repeats names (mammoth/tables.docx, pandoc/tables.docx) and the CLI refuses to let
  // one output overwrite another: give the batch run uniquely named links to the same files.
  const links = join(tmp, 'docx-inputs')
  mkdirSync(links, { recursive: true })
  const linked = files.map((file, i) => {
    const link = join(links, `${String(i).padStart(3, '0')}-${basename(file)}`)
    symlinkSync(file, link)
    return link
  })
  const batchSeconds = await timed(() => run(process.execPath, [cli, 'convert', ...linked, '--to', 'html', '--out-dir', join(tmp, 'docx-html')], { maxBuffer: 1 << 28 }))

  const { convert } = await import(pathToFileURL(join(dist, 'index.js')).href)
  const inputs = await Promise.all(files.map((f) => readFile(f)))
  const once = async () => {
    for (const input of inputs) await convert(input, { from: 'docx', to: 'html', embedImages: true })
  }
  await once()
  let librarySeconds = Infinity
  for (let round = 0; round < 3; round++) librarySeconds = Math.min(librarySeconds, await timed(once))

  const row = (name, seconds) =>
    `| ${name} | ${(files.length / seconds).toFixed(1)} | ${(bytes / MB / seconds).toFixed(2)} | ${(pandocSeconds / seconds).toFixed(2)}× |`
  return {
    title: 'DOCX → HTML: docmend vs pandoc',
    markdown: `${files.length} .docx files from test/corpus/docx (${(bytes / MB).toFixed(1)} MB; ${all.length - files.length} that pandoc 2.17 cannot read left out).
Ratio = pandoc's time ÷ docmend's time on the same files in this run (above 1: docmend is faster).

| converter | files/s | MB/s | vs pandoc |
|---|---|---|---|
| \`pandoc -f docx -t html\`, one process per file | ${(files.length / pandocSeconds).toFixed(1)} | ${(bytes / MB / pandocSeconds).toFixed(2)} | 1.00× |
${row('`docmend convert --to html`, one process per file', perFileSeconds)}
${row('`docmend convert *.docx --to html --out-dir`, one process', batchSeconds)}
${row('docmend library `convert()`, in-process, warm (best of 3)', librarySeconds)}
`
  }
}
