// PDF writer throughput: pages per second for a ~200-page, table-heavy
// document built from the samples (the five seed reports plus the seed
// tables with merged cells, repeated), compared with Chromium printing
// docmend's HTML of the same document to PDF (when /usr/bin/chromium exists).
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const TARGET_PAGES = 200

async function pageCount(file) {
  const { stdout } = await run('pdfinfo', [file])
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0)
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export default async function bench({ root, dist, tmp }) {
  const lib = await import(pathToFileURL(join(dist, 'index.js')).href)
  const samples = readdirSync(join(root, 'samples'))
    .filter((f) => /^seed-.*\.txt$/.test(f))
    .sort()
    .map((f) => readFileSync(join(root, 'samples', f)))
  const tables = readFileSync(join(root, 'test/fixtures/pdf-tables/seed-tables.html'))
  const parts = [...(await Promise.all(samples.map((s) => lib.readDocument(s)))), await lib.readDocument(tables, { from: 'html' })]
  const unit = parts.flatMap((p) => p.doc.tree.children)
  const tableCount = unit.filter((n) => n.type === 'table').length
  const makeDoc = (repeats) => ({
    tree: { type: 'root', children: Array.from({ length: repeats }, () => structuredClone(unit)).flat(), data: { title: '基准测试文档', lang: 'zh-CN' } },
    resources: []
  })
  const date = new Date(0)

  // One repetition tells how many are needed for ~200 pages.
  const probe = join(tmp, 'probe.pdf')
  writeFileSync(probe, (await lib.writePdf(makeDoc(1), { pdfDate: date })).data)
  const perUnit = await pageCount(probe)
  const repeats = Math.max(1, Math.round(TARGET_PAGES / perUnit))
  const doc = makeDoc(repeats)

  const times = []
  const cpu = []
  let bytes
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint()
    const cpuStart = process.cpuUsage()
    const { data } = await lib.writePdf(doc, { pdfDate: date })
    times.push(Number(process.hrtime.bigint() - started) / 1e9)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1e6)
    bytes = data
  }
  const out = join(tmp, 'bench.pdf')
  writeFileSync(out, bytes)
  const pages = await pageCount(out)
  const seconds = median(times)
  const cpuSeconds = median(cpu)
  const rows = [['docmend writePdf (pdfkit)', pages, seconds, pages / seconds, bytes.length]]

  const chromium = '/usr/bin/chromium'
  let note = ''
  if (existsSync(chromium)) {
    const { data: html } = await lib.writeHtml(doc, {})
    const htmlFile = join(tmp, 'bench.html')
    writeFileSync(htmlFile, html)
    const pdfFile = join(tmp, 'chromium.pdf')
    const started = process.hrtime.bigint()
    await run(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(htmlFile).href], { timeout: 300_000 })
    const s = Number(process.hrtime.bigint() - started) / 1e9
    const p = await pageCount(pdfFile)
    rows.push(['Chromium print-to-PDF of docmend HTML (incl. start-up)', p, s, p / s, readFileSync(pdfFile).length])
  } else note = '\nChromium was not found, so there is no peer row.\n'

  const base = rows[0][3]
  const table = [
    '| writer | pages | seconds | pages/s | ratio vs docmend | output MB |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(([name, p, s, rate, size]) => `| ${name} | ${p} | ${s.toFixed(2)} | ${rate.toFixed(1)} | ${(rate / base).toFixed(2)} | ${(size / 2 ** 20).toFixed(2)} |`)
  ].join('\n')
  return {
    title: 'PDF writer: pages per second',
    markdown: `A ${pages}-page document: the five seed reports and the seed tables with merged cells (${tableCount} tables per copy), repeated ${repeats} times; docmend's time is the median of 3 runs of \`writePdf\` in one process (fonts embedded and subset, tagged). Wall-clock times are what the table shows; docmend's CPU time was ${cpuSeconds.toFixed(2)} s (${(pages / cpuSeconds).toFixed(1)} pages per CPU-second), so a gap between the two means the machine was busy with other work.\n\n${table}\n${note}`
  }
}
