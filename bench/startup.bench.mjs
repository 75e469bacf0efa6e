// What a user running one file at a time feels: the wall time of one
// process, against `node -e 0` (the floor for any Node CLI) and pandoc on the
// same file, in the same run. Commands are run in rounds, each round running
// every command once, so that a busy machine weighs on all of them alike;
// each figure is the median over the rounds.
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { docxCorpusFiles } from './lib/corpus.mjs'

const run = promisify(execFile)
const ROUNDS = Number(process.env.DOCMEND_BENCH_ROUNDS ?? 7)

async function wallMs(command, args) {
  const start = process.hrtime.bigint()
  await run(command, args, { maxBuffer: 1 << 28 })
  return Number(process.hrtime.bigint() - start) / 1e6
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Median wall time (ms) per named command, measured round-robin. */
async function medians(commands) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, [command, args]] of Object.entries(commands)) times[name].push(await wallMs(command, args))
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

export default async function bench({ root, dist, tmp }) {
  const cli = join(dist, 'cli.js')
  const node = process.execPath
  const seed = join(root, 'samples/seed-000_e59935bf3fbf3f4b.txt')
  const docx = join(root, 'test/corpus/docx/docling/word_sample.docx')
  const outDir = (name) => join(tmp, `startup-${name}`)
  // A one-line text: no conversion work to speak of, so its time is the start-up floor of any conversion.
  const tiny = join(tmp, 'startup-tiny.txt')
  mkdirSync(tmp, { recursive: true })
  writeFileSync(tiny, 'hello world\n')

  const m = await medians({
    node: [node, ['-e', '0']],
    version: [node, [cli, '--version']],
    help: [node, [cli, '--help']],
    textHtml: [node, [cli, 'convert', seed, '--to', 'html']],
    tinyHtml: [node, [cli, 'convert', tiny, '--to', 'html']],
    pandocText: ['pandoc', ['-f', 'markdown', '-t', 'html', seed]],
    docxHtml: [node, [cli, 'convert', docx, '--to', 'html', '--embed-images']],
    pandocDocx: ['pandoc', ['-f', 'docx', '-t', 'html', docx]],
    textAll: [node, [cli, 'convert', seed, '--to', 'md,html,pdf,txt,json', '--out-dir', outDir('all')]],
    docxAll: [node, [cli, 'convert', docx, '--to', 'md,html,pdf,txt,json', '--out-dir', outDir('docx-all')]]
  })

  // One process per file over the DOCX corpus (files pandoc can read), once each, interleaved.
  let docmendCorpus = 0
  let pandocCorpus = 0
  let corpusFiles = 0
  for (const file of docxCorpusFiles(root)) {
    try {
      await run('pandoc', ['-f', 'docx', '-t', 'html', file], { maxBuffer: 1 << 28 })
    } catch {
      continue
    }
    corpusFiles++
    pandocCorpus += await wallMs('pandoc', ['-f', 'docx', '-t', 'html', file])
    docmendCorpus += await wallMs(node, [cli, 'convert', file, '--to', 'html', '--embed-images'])
  }

  const ms = (x) => `${Math.round(x)} ms`
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`
  const rows = [
    ['`docmend --version`', m.version, '`node -e 0`', m.node, '≤ 1.5×'],
    ['`docmend --help`', m.help, '`node -e 0`', m.node, '≤ 1.5×'],
    ['seed-000 (text) → HTML', m.textHtml, '`pandoc -f markdown -t html`', m.pandocText, '≤ 1.5×'],
    ['one-line text → HTML (start-up floor of a conversion)', m.tinyHtml, '`node -e 0`', m.node, ''],
    ['`word_sample.docx` → HTML', m.docxHtml, '`pandoc -f docx -t html`', m.pandocDocx, '≤ 1.2×'],
    [`DOCX corpus → HTML, one process per file (${corpusFiles} files, total)`, docmendCorpus, '`pandoc -f docx -t html`, same loop', pandocCorpus, '≤ 1.2×'],
    ['seed-000 → all five formats', m.textAll, 'docmend, seed-000 → HTML', m.textHtml, '≤ 3×'],
    ['`word_sample.docx` → all five formats', m.docxAll, 'docmend, `word_sample.docx` → HTML', m.docxHtml, '≤ 3×']
  ]
  return {
    title: 'Start-up: one file, one process',
    markdown: `Wall time of one process, median of ${ROUNDS} rounds (every command once per round); the corpus row is one run per file. Ratio = docmend's time ÷ the peer's (below 1: docmend is faster). \`node -e 0\` is the floor for any Node command.

| docmend | time | peer | peer's time | ratio | goal |
|---|---|---|---|---|---|
${rows.map(([a, ta, b, tb, goal]) => `| ${a} | ${ms(ta)} | ${b} | ${ms(tb)} | ${ratio(ta, tb)} | ${goal} |`).join('\n')}
`
  }
}
