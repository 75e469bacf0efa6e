/**
 * The Chinese sample report (samples/annual-report.docx, seed 000 as a real
 * Word document): its tables' merged cells and header rows must come out of
 * DOCX → HTML exactly as the script that builds it describes them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { TABLES, buildAnnualReport } from '../scripts/make-annual-report-docx.mjs'
import { ROOT, runCli } from './helpers/cli.js'
import { type HtmlTable, htmlTables } from './helpers/docx.js'
import { readExpectedTables } from './support/html-tables.js'

/** Which cells are header cells, from the hand-written seed fixture (same tables, same spans). */
const fixtureHeaders = readExpectedTables(
  readFileSync(join(ROOT, 'test/fixtures/seed-tables/seed-000_e59935bf3fbf3f4b.html'), 'utf8')
).map(({ grid }) => grid.cells.filter((c) => c.content !== '' || c.header).map((c) => c.header))

const SAMPLE = join(ROOT, 'samples/annual-report.docx')

describe('the sample annual report (DOCX)', () => {
  let html = ''
  let tables: HtmlTable[] = []

  beforeAll(async () => {
    const run = await runCli(['convert', SAMPLE, '--to', 'html'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    html = run.stdout.toString('utf8')
    tables = htmlTables(html)
  })

  it('is exactly what scripts/make-annual-report-docx.mjs builds', async () => {
    const built = await buildAnnualReport()
    expect(Buffer.compare(Buffer.from(built), readFileSync(SAMPLE))).toBe(0)
  })

  it('keeps its three tables', () => {
    expect(tables).toHaveLength(TABLES.length)
  })

  TABLES.forEach((expected, t) => {
    it(`reproduces every cell of table ${t + 1} (${expected.cols} columns): text, rowspan, colspan and header`, () => {
      const actual = tables[t]
      // Header rows come from Word; row labels and in-body header rows are inferred (Word cannot mark them).
      const headers = [...fixtureHeaders[t]]
      const want = expected.rows.map((row) =>
        row.map((cell) => ({ text: cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, th: headers.shift() }))
      )
      expect(actual.rows).toEqual(want)
      expect(actual.headRows).toBe(expected.headerRows)
    })
  })

  it('makes the title and all six sections headings, the Chinese-styled ones and the bold 六、 alike, nested under the title', () => {
    const headings = [...html.matchAll(/<h(\d)[^>]*>([^<]*)<\/h\d>/g)].map((m) => `h${m[1]} ${m[2]}`)
    expect(headings).toEqual([
      'h1 柞水县医疗保障局2024年政府信息公开工作年度报告',
      'h2 总体情况',
      'h2 二、主动公开政府信息情况',
      'h2 三、收到和处理政府信息公开申请情况',
      'h2 四、政府信息公开行政复议、行政诉讼情况',
      'h2 五、存在的主要问题及改进情况',
      'h2 六、其他需要报告的事项'
    ])
  })

  it('keeps paragraphs that open with a bold lead-in as paragraphs', () => {
    expect(html).toContain('<p><strong>(一)主动公开政府信息情况。</strong>通过柞水县人民政府网站')
  })

  it('takes the page title and language from the document', () => {
    expect(html).toContain('<title>柞水县医疗保障局2024年政府信息公开工作年度报告</title>')
    expect(html).toMatch(/<html lang="zh/)
  })
})
