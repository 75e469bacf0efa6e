import { readFileSync } from 'node:fs'
import type { Table } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../src/check/check-document.js'
import { classifyLabel } from '../src/check/labels.js'
import { parseReportNumber, usesDecimalComma } from '../src/tables/cell-type.js'
import { convert, readDocument } from '../src/convert.js'

// Seed 001's tables as they truly are (the hand-checked ground truth of table repair), and the pasted text itself.
const SEED_001 = new URL('./fixtures/seed-tables/seed-001_3b9deb8741aa9359.html', import.meta.url)
const SEED_001_TEXT = new URL('../samples/seed-001_3b9deb8741aa9359.txt', import.meta.url)
const CROPS = new URL('./fixtures/check/tabula-crops.html', import.meta.url)
const DISCLOSURE = new URL('./fixtures/check/tabula-disclosure.md', import.meta.url)

async function checkText(source: string, options: { tolerance?: number } = {}, from: 'md' | 'html' = 'md') {
  const { doc } = await readDocument(source, { from })
  return checkDocument(doc.tree, options)
}

describe('numbers as reports write them', () => {
  it.each([
    ['1,491', 1491],
    ['(1,491)', -1491],
    ['（1,491）', -1491],
    ['-1,491', -1491],
    ['−1 491', -1491],
    ['１２３', 123],
    ['１，２３４', 1234],
    ['$1,234.50', 1234.5],
    ['($1,234)', -1234],
    ['€ 12', 12],
    ['¥1,000', 1000],
    ['21件', 21],
    ['3.5万元', 3.5],
    ['+7', 7],
    ['1,234*', 1234],
    ['—', 0],
    ['-', 0],
    ['－', 0]
  ])('reads %s as %d', (text, value) => {
    expect(parseReportNumber(text)?.value).toBe(value)
  })

  it('keeps percent signs and written decimals', () => {
    expect(parseReportNumber('12.5%')).toEqual({ value: 12.5, decimals: 1, percent: true, dash: false })
    expect(parseReportNumber('33.30 ％')).toMatchObject({ value: 33.3, decimals: 2, percent: true })
  })

  it('reads decimal commas when the table writes them', () => {
    expect(parseReportNumber('1.393,4', { decimalComma: true })?.value).toBe(1393.4)
    expect(parseReportNumber('( 498,5)', { decimalComma: true })?.value).toBe(-498.5)
    expect(parseReportNumber('1,491', { decimalComma: true })?.value).toBe(1.491)
    expect(usesDecimalComma(['93,9', '1.393,4', '2023', '1,234'])).toBe(true)
    expect(usesDecimalComma(['93.9', '1,393.4', '1,234'])).toBe(false)
  })

  it.each(['2023年', 'n/a', '不适用', '1,23', '12 34', 'Note 5', '1.2.3', ''])('does not take %j for a number', (text) => {
    expect(parseReportNumber(text)).toBeNull()
  })
})

describe('labels', () => {
  it.each([
    ['（七）总计', 'total', 3],
    ['七、总计', 'total', 3],
    ['总 计', 'total', 3],
    ['Grand total', 'total', 3],
    ['合计', 'total', 2],
    ['共计', 'total', 2],
    ['申请总数', 'total', 2],
    ['Total assets', 'total', 2],
    ['Revenue total', 'total', 2],
    ['小计', 'total', 1],
    ['Subtotal', 'total', 1],
    ['Gross profit', 'result', 0],
    ['Net loss for the year', 'result', 0],
    ['利润总额', 'result', 0],
    ['其中：人员经费', 'breakdown', 0],
    ['Of which: online', 'breakdown', 0],
    ['Average', 'derived', 0],
    ['占比', 'derived', 0],
    ['Share of total', 'derived', 0],
    ['Gross margin %', 'derived', 0],
    ['Note', 'index', 0],
    ['序号', 'index', 0],
    ['对外公开总数量', 'plain', 0],
    ['采购总金额', 'plain', 0],
    ['1.属于国家秘密', 'plain', 0],
    ['Less: accumulated depreciation', 'plain', 0]
  ])('classifies %j as %s', (label, role, rank) => {
    expect(classifyLabel(label)).toMatchObject({ role, rank })
  })

  it('marks subtracted lines', () => {
    expect(classifyLabel('减：营业成本').sign).toBe(-1)
    expect(classifyLabel('Less: returns').sign).toBe(-1)
    expect(classifyLabel('营业收入').sign).toBe(1)
  })
})

describe('the seed 001 tables (true structure, values as published)', () => {
  it('reports both cells of the all-zero （七）总计 row that should hold the one request answered', async () => {
    const { doc } = await readDocument(readFileSync(SEED_001))
    const check = checkDocument(doc.tree)
    expect(check.findings.map((f) => [f.title, f.rowHeader, f.colHeader, f.stated, f.computed])).toEqual([
      ['table 2', '三、本年度办理结果 › （七）总计', '申请人情况 › 自然人', 0, 1],
      ['table 2', '三、本年度办理结果 › （七）总计', '申请人情况 › 总计', 0, 1]
    ])
    for (const f of check.findings) {
      expect(f.sums).toBe('rows')
      // Every numbered result line (一)…(六) is summed; the lines above 三 and below it are not.
      expect(f.parts).toHaveLength(21)
      expect(f.parts.map((p) => p.label)).not.toContain('一、本年新收政府信息公开申请数量')
      const counted = f.parts.filter((p) => p.value !== 0)
      expect(counted.map((p) => [p.label, p.text])).toEqual([['（四）无法提供 › 2.没有现成信息需要另行制作', '1']])
    }
  })

  it('finds the same totals in docmend’s own GFM output of those tables, whose merged cells are flattened', async () => {
    const { outputs } = await convert(readFileSync(SEED_001), { to: 'md' })
    const check = await checkText(String(outputs.md))
    expect(check.tables.map((t) => t.totals)).toEqual([0, 2, 3])
    expect(check.findings.map((f) => [f.rowHeader, f.colHeader, f.stated, f.computed])).toEqual([
      ['三、本年度办理结果 › （七）总计', '申请人情况 › 自然人', 0, 1],
      ['三、本年度办理结果 › （七）总计', '申请人情况 › 总计', 0, 1]
    ])
  })

  it('checks the other totals and finds them holding', async () => {
    const { doc } = await readDocument(readFileSync(SEED_001))
    const check = checkDocument(doc.tree)
    expect(check.tables.map((t) => t.totals)).toEqual([0, 2, 3])
    const requests = check.tables[1].notes.join('\n')
    expect(requests).toMatch(/column total "申请人情况 › 总计" = sum of 6 columns .*自然人, 法人或其他组织 › 商业企业.*all hold/)
    expect(check.tables[2].notes.join('\n')).toMatch(/复议后起诉 › 总计" = sum of 4 columns/)
  })
})

const BALANCE_SHEET = `
| | Note | 2024 | 2023 |
|---|---|---:|---:|
| **Current assets** | | | |
| Cash and cash equivalents | 5 | 1,200 | 900 |
| Trade receivables | 6 | 3,400 | 2,800 |
| Total current assets | | 4,600 | 3,700 |
| **Non-current assets** | | | |
| Property, plant and equipment | 7 | 10,000 | 9,500 |
| Less: accumulated depreciation | | (2,500) | (2,000) |
| Total non-current assets | | 7,500 | 7,500 |
| Total assets | | 12,100 | 11,200 |
| Trade payables | | (1,491) | (1,300) |
| Net assets | | 10,609 | 9,900 |
`

const INCOME_STATEMENT = `
| | 2024 | 2023 |
|---|---:|---:|
| Revenue | $12,345 | $11,000 |
| Cost of sales | (7,000) | (6,500) |
| Gross profit | 5,345 | 4,500 |
| Distribution costs | (1,200) | (1,100) |
| Administrative expenses | (1,491) | (1,300) |
| Total operating expenses | (2,691) | (2,400) |
| Operating profit | 2,654 | 2,100 |
| Finance costs | (154) | — |
| Profit before tax | 2,500 | 2,100 |
| Income tax | (500) | (400) |
| Net profit | 2,000 | 1,700 |
| Gross margin % | 43.3% | 40.9% |
`

describe('English financial statements', () => {
  it('finds the subtotals, the grand total and the result lines holding, negatives in parentheses included', async () => {
    const check = await checkText(BALANCE_SHEET + INCOME_STATEMENT)
    expect(check.findings).toEqual([])
    const notes = check.tables.flatMap((t) => t.notes).join('\n')
    expect(notes).toMatch(/row total "Total current assets" = sum of 2 rows/)
    expect(notes).toMatch(/row total "Total non-current assets" = sum of 2 rows .*Property, plant and equipment, −Less: accumulated depreciation/)
    expect(notes).toMatch(/row total "Total assets" = sum of 4 rows .*across section headings/)
    expect(notes).toMatch(/row total "Total operating expenses" = sum of 2 rows \(the items since the previous total/)
    expect(notes).toMatch(/row "Gross profit" is not named a total but equals the sum of 2 rows/)
    expect(notes).toMatch(/row "Gross margin %": an average, ratio or share/)
  })

  it('reports a wrong grand total once, with the four lines it should add up', async () => {
    const check = await checkText(BALANCE_SHEET.replace('| Total assets | | 12,100 |', '| Total assets | | 12,010 |'))
    expect(check.findings).toHaveLength(1)
    const [f] = check.findings
    expect([f.rowHeader, f.colHeader, f.statedText, f.computedText]).toEqual(['Total assets', '2024', '12,010', '12,100'])
    expect(f.parts.map((p) => [p.label, p.text])).toEqual([
      ['Cash and cash equivalents', '1,200'],
      ['Trade receivables', '3,400'],
      ['Property, plant and equipment', '10,000'],
      ['−Less: accumulated depreciation', '(2,500)']
    ])
  })

  it('reports a wrong subtotal of negative amounts, and not the result lines below it', async () => {
    const check = await checkText(INCOME_STATEMENT.replace('| Total operating expenses | (2,691) |', '| Total operating expenses | (2,961) |'))
    expect(check.findings.map((f) => [f.rowHeader, f.colHeader, f.stated, f.computed])).toEqual([['Total operating expenses', '2024', -2961, -2691]])
  })

  it('does not check a result line that is not the sum of the lines above it', async () => {
    const check = await checkText(INCOME_STATEMENT.replace('| Net profit | 2,000 |', '| Net profit | 1,000 |'))
    expect(check.findings).toEqual([])
    expect(check.tables[0].notes.join('\n')).toMatch(/row "Net profit": a result line that is not the sum of the lines before it: not checked/)
  })
})

describe('tables extracted from real PDFs (tabula-java’s expected output)', () => {
  it('reads decimal commas, sums TOTAL rows that come before the crops they name, and leaves percentage changes alone', async () => {
    const source = readFileSync(CROPS, 'utf8')
    const check = await checkText(source, {}, 'html')
    expect(check.findings).toEqual([])
    const notes = check.tables[0].notes.join('\n')
    expect(notes).toMatch(/row total "TOTAL BEANS" = sum of 3 rows \(the items next to it in the table that its label names\): BEANS 1ST CROP, BEANS 2ND CROP, BEANS 3RD CROP; checked in 4 columns: all hold/)
    expect(notes).toMatch(/row total "SUBTOTAL" = sum of 6 rows \(the items since the previous total in the table\): OAT, CANOLA, RYE, BARLEY, WHEAT, TRITICALE/)
    const wrong = await checkText(source.replace('<td>15.686,2</td>', '<td>15.686,9</td>'), {}, 'html')
    expect(wrong.findings.map((f) => [f.rowHeader, f.colHeader, f.computedText, f.parts.map((p) => p.label)])).toEqual([
      ['TOTAL CORN', 'HARVEST › 12/13 › May/2013 (b)', '15,686.2', ['CORN 1ST CROP', 'CORN 2ND CROP']]
    ])
  })

  it('checks each physician’s TOTAL against the payments since the previous TOTAL', async () => {
    const source = readFileSync(DISCLOSURE, 'utf8')
    const check = await checkText(source)
    expect(check.findings).toEqual([])
    expect(check.tables[0].totals).toBe(41)
    const wrong = await checkText(source.replace('| TOTAL |  |  |  | $471.25 |', '| TOTAL |  |  |  | $417.25 |'))
    expect(wrong.findings.map((f) => [f.statedText, f.computedText, f.parts.map((p) => p.text)])).toEqual([['$417.25', '471.25', ['$78.80', '$392.45']]])
  })
})

describe('tables without totals, and figures that are not sums', () => {
  it('reports nothing for tables without totals', async () => {
    const check = await checkText(`
| Name | Age | Score |
|---|---|---|
| Ann | 31 | 88 |
| Bob | 45 | 92 |

| 年份 | 收入 | 支出 |
|---|---|---|
| 2022 | 1,000 | 900 |
| 2023 | 1,100 | 950 |
`)
    expect(check.findings).toEqual([])
    expect(check.tables.map((t) => [t.totals, t.sums, t.notes])).toEqual([
      [0, 0, ['no totals found']],
      [0, 0, ['no totals found']]
    ])
  })

  it('sums a 合计 row put first, leaves 其中 breakdowns out, and checks a total of shares', async () => {
    const source = `
| 项目 | 合计 | 基本支出 | 项目支出 |
|---|---|---|---|
| 合计 | １,２００ | 800 | 400 |
| 一、一般公共服务 | 500 | 300 | 200 |
| 其中：人员经费 | 200 | 200 | — |
| 二、教育 | 700 | 500 | 200 |

| 类别 | 数量 | 占比 | 增长率 |
|---|---|---|---|
| 甲 | 30 | 30.0% | 5% |
| 乙 | 45 | 45.0% | 2% |
| 丙 | 25 | 25.0% | 1% |
| 总计 | 100 | 100.0% | 3% |
`
    expect((await checkText(source)).findings).toEqual([])
    const wrongShares = await checkText(source.replace('| 丙 | 25 | 25.0% |', '| 丙 | 25 | 35.0% |'))
    expect(wrongShares.findings.map((f) => [f.rowHeader, f.colHeader, f.computedText])).toEqual([['总计', '占比', '110.0%']])
    const wrongFirst = await checkText(source.replace('| 合计 | １,２００ | 800 |', '| 合计 | １,２００ | 900 |'))
    expect(wrongFirst.findings.map((f) => [f.sums, f.rowHeader, f.colHeader, f.stated, f.computed])).toEqual([['rows', '合计', '基本支出', 900, 800]])
  })

  it('allows rounding in decimal figures by default and states the tolerance it used', async () => {
    const source = `
| Segment | Share | Amount (m) |
|---|---|---|
| A | 33.3% | 1.2 |
| B | 33.3% | 2.3 |
| C | 33.3% | 0.6 |
| Total | 100.0% | 4.2 |
`
    const auto = await checkText(source)
    expect(auto.findings).toEqual([])
    const exact = await checkText(source, { tolerance: 0 })
    expect(exact.findings.map((f) => [f.colHeader, f.statedText, f.computedText, f.tolerance])).toEqual([
      ['Share', '100.0%', '99.9%', 0],
      ['Amount (m)', '4.2', '4.1', 0]
    ])
  })

  it('holds whole numbers to the unit: one request missing is a finding', async () => {
    const check = await checkText(`
| Type | Count |
|---|---|
| Received | 3 |
| Answered | 2 |
| Total | 4 |
`)
    expect(check.findings.map((f) => [f.stated, f.computed, f.tolerance])).toEqual([[4, 5, 0]])
  })
})

describe('convert --check', () => {
  const tableCells = (tree: import('mdast').Root) => {
    const tables: Table[] = []
    visit(tree, 'table', (t) => void tables.push(t))
    return tables
  }

  it('adds the findings as warnings, records them on the cells and marks them in HTML', async () => {
    const result = await convert(readFileSync(SEED_001_TEXT), { to: ['html', 'json'], check: true, fragment: true })
    const warnings = result.messages.filter((m) => m.code === 'check-total-mismatch')
    expect(warnings).toHaveLength(2)
    expect(warnings[0].text).toMatch(/^table 2 "收到和处理政府信息公开申请情况": total at row "三、本年度办理结果 › （七）总计", column "申请人情况 › 自然人" states 0 but its 21 part\(s\) add up to 1/)
    const marked = tableCells(result.doc.tree)[1].children[26].children[3].data?.check?.mismatches
    expect(marked).toMatchObject([{ sums: 'rows', stated: 0, computed: 1, tolerance: 0 }])
    expect(marked?.[0].parts).toContainEqual([16, 3])
    const html = String(result.outputs.html)
    const cells = html.match(/<td class="check-mismatch" title="[^"]*"[^>]*>0<\/td>/g) ?? []
    expect(cells).toHaveLength(2)
    expect(cells[0]).toContain('states 0 but its 21 part(s) add up to 1')
    expect(String(result.outputs.json)).toContain('"check"')
  })

  it('marks nothing without --check', async () => {
    const result = await convert(readFileSync(SEED_001_TEXT), { to: 'html', fragment: true })
    expect(String(result.outputs.html)).not.toContain('check-mismatch')
    expect(result.messages.filter((m) => m.code === 'check-total-mismatch')).toEqual([])
  })
})
