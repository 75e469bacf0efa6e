/**
 * The PDF reader end to end, on PDFs drawn with pdfkit in the test itself:
 * what a user gets back from `readDocument` for tables, columns, headings,
 * lists, running heads, CJK text and page ranges.
 */
import type { Heading, List, Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { tableToGrid } from '../src/ast/table.js'
import { CJK_BOLD_FONT_FILE, CJK_FONT_FILE, LOREM, cjk, drawJustified, drawTable, makePdf } from './helpers/pdf-fixtures.js'

async function read(bytes: Uint8Array, options: Parameters<typeof readDocument>[1] = {}) {
  const { doc, messages } = await readDocument(bytes, options)
  return { tree: doc.tree, messages }
}

const tables = (tree: Root) => tree.children.filter((n): n is Table => n.type === 'table')
const headings = (tree: Root) => tree.children.filter((n): n is Heading => n.type === 'heading')

/** A table as rows of `text[rowSpan x colSpan]` strings, covered slots as '·'. */
function layoutOf(table: Table): string[][] {
  return table.children.map((row) =>
    row.children.map((cell) => {
      if (cell.data?.covered) return '·'
      const spans = (cell.data?.rowSpan ?? 1) > 1 || (cell.data?.colSpan ?? 1) > 1 ? `[${cell.data?.rowSpan ?? 1}x${cell.data?.colSpan ?? 1}]` : ''
      return toString(cell) + spans
    })
  )
}

describe('ruled tables', () => {
  let tree: Root
  beforeAll(async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(16).text('Regional sales', 56, 60)
      doc.font('Helvetica').fontSize(10).text('Figures in thousands, as reported by each office.', 56, 90)
      drawTable(
        doc,
        [
          [{ text: 'Region', rowSpan: 2, bold: true }, { text: 'Sales', colSpan: 2, bold: true }, { text: 'Staff', rowSpan: 2, bold: true }],
          [{ text: '2023', bold: true }, { text: '2024', bold: true }],
          [{ text: 'North', rowSpan: 2 }, { text: '120' }, { text: '130' }, { text: '14' }],
          [{ text: '125' }, { text: '128' }, { text: '15' }],
          [{ text: 'South' }, { text: '95' }, { text: '101' }, { text: '9' }]
        ],
        { x: 56, y: 120, colWidths: [140, 90, 90, 80], rowHeight: 22, ruled: true, alignNumbers: true }
      )
      doc.font('Helvetica').fontSize(10).text('The North office reports twice a year.', 56, 260)
    })
    tree = (await read(pdf)).tree
  })

  it('rebuilds a drawn table with its rowspans, colspans and two header rows', () => {
    const [table] = tables(tree)
    expect(layoutOf(table)).toEqual([
      ['Region[2x1]', 'Sales[1x2]', '·', 'Staff[2x1]'],
      ['·', '2023', '2024', '·'],
      ['North[2x1]', '120', '130', '14'],
      ['·', '125', '128', '15'],
      ['South', '95', '101', '9']
    ])
    expect(table.data?.headerRows).toBe(2)
    expect(table.data?.origin?.layout).toBe('pdf-ruled')
  })

  it('keeps the text around the table in order, with the bold title as a heading', () => {
    const kinds = tree.children.map((n) => n.type)
    expect(kinds).toEqual(['heading', 'paragraph', 'table', 'paragraph'])
    expect(toString(tree.children[0])).toBe('Regional sales')
    expect(toString(tree.children[3])).toBe('The North office reports twice a year.')
  })

  it('lands in the same canonical grid model as any other table', () => {
    const [table] = tables(tree)
    const { grid, fixes } = tableToGrid(table)
    expect(fixes).toEqual({ clamped: 0, overlaps: 0, padded: 0 })
    expect(grid.cells.filter((c) => c.rowSpan > 1).map((c) => [c.row, c.col, c.rowSpan])).toEqual([
      [0, 0, 2],
      [0, 3, 2],
      [2, 0, 2]
    ])
  })
})

describe('unruled tables', () => {
  it('finds a table from columns of aligned text, with its header row', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).text(LOREM[0], 56, 60, { width: 480 })
      const rows = [
        ['Office', 'Budget', 'Spent', 'Share'],
        ['Harbour', '1,200', '1,050', '87.5%'],
        ['Airport', '950', '990', '104.2%'],
        ['Station', '400', '310', '77.5%'],
        ['Market', '275', '260', '94.5%']
      ]
      rows.forEach((row, r) => {
        row.forEach((text, c) => {
          doc.font(r === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10)
          doc.text(text, 56 + c * 110, 120 + r * 16, { width: 90, align: c === 0 ? 'left' : 'right', lineBreak: false })
        })
      })
      doc.font('Helvetica').fontSize(10).text(LOREM[1], 56, 220, { width: 480 })
    })
    const { tree } = await read(pdf)
    const [table] = tables(tree)
    expect(table.data?.origin?.layout).toBe('pdf-aligned')
    expect(layoutOf(table)).toEqual([
      ['Office', 'Budget', 'Spent', 'Share'],
      ['Harbour', '1,200', '1,050', '87.5%'],
      ['Airport', '950', '990', '104.2%'],
      ['Station', '400', '310', '77.5%'],
      ['Market', '275', '260', '94.5%']
    ])
    expect(table.data?.headerRows).toBe(1)
    expect(toString(tree.children[0])).toBe(LOREM[0])
    expect(toString(tree.children[2])).toBe(LOREM[1])
  })
})

describe('text flow', () => {
  it('reads a two-column page column by column, joining a paragraph across the column break', async () => {
    const paragraph = `${LOREM[0]} ${LOREM[1]}`
    let rest = ''
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text('Two columns', 56, 56, { width: 480, align: 'center' })
      doc.font('Helvetica').fontSize(10)
      doc.text(LOREM[2], 56, 100, { width: 225, align: 'justify' })
      // The paragraph fills the foot of the left column and goes on at the head of the right one.
      rest = drawJustified(doc, paragraph, 56, 160, 225, 3)
      doc.text(rest, 311, 100, { width: 225, align: 'justify' })
      doc.text(LOREM[3], 311, 160, { width: 225, align: 'justify' })
    })
    const { tree } = await read(pdf)
    expect(rest.length).toBeGreaterThan(20)
    expect(tree.children.map((n) => toString(n))).toEqual(['Two columns', LOREM[2], paragraph, LOREM[3]])
    expect(tree.children[0].type).toBe('heading')
  })
})

describe('headings and lists', () => {
  it('takes headings from type size, weight and report numbering, and lists from their markers', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(20).text('Annual report', 56, 56)
      doc.font('Helvetica-Bold').fontSize(14).text('1. Overview', 56, 100)
      doc.font('Helvetica').fontSize(10).text(LOREM[0], 56, 125, { width: 480 })
      doc.font('Helvetica-Bold').fontSize(10).text('Main results', 56, 170)
      doc.font('Helvetica').fontSize(10)
      doc.text('• Offices met their targets', 56, 190)
      doc.text('• Costs fell because purchases were postponed until the spring, which', 56, 204)
      doc.text('freed money for repairs', 66, 218)
      doc.text('– Roofs first', 76, 232)
      doc.text('1. Publish the accounts', 56, 252)
      doc.text('2. Review the targets', 56, 266)
      doc.font('Helvetica-Bold').fontSize(14).text('2. Outlook', 56, 300)
      doc.font('Helvetica').fontSize(10).text(LOREM[3], 56, 325, { width: 480 })
    })
    const { tree } = await read(pdf)
    expect(headings(tree).map((h) => [h.depth, toString(h)])).toEqual([
      [1, 'Annual report'],
      [2, '1. Overview'],
      [3, 'Main results'],
      [2, '2. Outlook']
    ])
    const lists = tree.children.filter((n): n is List => n.type === 'list')
    expect(lists.map((l) => [l.ordered, l.children.map((i) => toString(i.children[0]))])).toEqual([
      [false, ['Offices met their targets', 'Costs fell because purchases were postponed until the spring, which freed money for repairs']],
      [true, ['Publish the accounts', 'Review the targets']]
    ])
    const nested = lists[0].children[1].children[1] as List
    expect(nested.type).toBe('list')
    expect(toString(nested)).toBe('Roofs first')
  })
})

describe('pages', () => {
  let pdf: Uint8Array
  const body = [LOREM[0], LOREM[1], LOREM[2]]
  const openers = ['The harbour works began in March.', 'The airport works began in May.', 'The station works began in June.']
  beforeAll(async () => {
    pdf = await makePdf((doc) => {
      for (let page = 1; page <= 3; page++) {
        if (page > 1) doc.addPage()
        doc.font('Helvetica').fontSize(8).text('Harbour Board — Annual Report 2024', 56, 30)
        doc.font('Helvetica').fontSize(8).text(`Page ${page} of 3`, 56, 800, { width: 480, align: 'center' })
        doc.font('Helvetica').fontSize(10).text(openers[page - 1], 56, 80)
      }
      // A paragraph running from the foot of page 1 to the head of page 2.
      doc.switchToPage(0)
      doc.font('Helvetica').fontSize(10)
      const rest = drawJustified(doc, `${body[0]} ${body[1]}`, 56, 760, 480, 2)
      doc.switchToPage(1)
      doc.text(rest, 56, 60, { width: 480 })
      doc.switchToPage(2)
      doc.text(body[2], 56, 120, { width: 480 })
    })
  })

  it('leaves out running headers and page numbers, and joins a paragraph across the page break', async () => {
    const { tree } = await read(pdf)
    const text = tree.children.map((n) => toString(n))
    expect(text).toEqual([openers[0], `${body[0]} ${body[1]}`, openers[1], openers[2], body[2]])
  })

  it('reads only the pages asked for', async () => {
    const { tree } = await read(pdf, { pages: { from: 3, to: 3 } })
    expect(tree.children.map((n) => toString(n))).toEqual([openers[2], body[2]])
  })

  it('says so when the range starts past the last page', async () => {
    await expect(read(pdf, { pages: { from: 5, to: 7 } })).rejects.toThrow(/page 5 is past the end: the PDF has 3 pages/)
  })
})

describe('CJK', () => {
  it('joins one-glyph-per-item Chinese text without spaces and reads a Chinese table', async () => {
    const title = '二〇二四年政府信息公开工作年度报告'
    const para = '本报告所列数据的统计时间自2024年1月1日到2024年12月31日。如对本报告有疑问，请与本机关联系。'
    const pdf = await makePdf((doc) => {
      cjk(doc, 18, true).text(title, 56, 56, { width: 480, align: 'center' })
      // Glyph by glyph, as many PDF producers write Chinese.
      cjk(doc, 10)
      let x = 56
      let y = 100
      for (const ch of para) {
        const w = doc.widthOfString(ch)
        if (x + w > 56 + 200) {
          x = 56
          y += 14
        }
        doc.text(ch, x, y, { lineBreak: false })
        x += w
      }
      drawTable(
        doc,
        [
          [{ text: '信息内容', rowSpan: 2, bold: true }, { text: '本年处理决定数量', colSpan: 2, bold: true }],
          [{ text: '许可', bold: true }, { text: '处罚', bold: true }],
          [{ text: '行政许可' }, { text: '12' }, { text: '0' }],
          [{ text: '行政强制' }, { text: '3' }, { text: '1' }]
        ],
        { x: 56, y: 200, colWidths: [160, 100, 100], rowHeight: 22, ruled: true, font: CJK_FONT_FILE, boldFont: CJK_BOLD_FONT_FILE }
      )
    })
    const { tree } = await read(pdf)
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'table'])
    expect(toString(tree.children[0])).toBe(title)
    expect(toString(tree.children[1])).toBe(para)
    expect(layoutOf(tables(tree)[0])).toEqual([
      ['信息内容[2x1]', '本年处理决定数量[1x2]', '·'],
      ['·', '许可', '处罚'],
      ['行政许可', '12', '0'],
      ['行政强制', '3', '1']
    ])
    expect(tables(tree)[0].data?.headerRows).toBe(2)
    expect(tree.data?.lang).toBe('zh-CN')
  })
})
