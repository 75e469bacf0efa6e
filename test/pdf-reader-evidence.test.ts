/**
 * Table structure from the evidence a page draws besides rules: shaded
 * rows (striped tables, shaded row by row or cell by cell) and dense,
 * unruled numeric columns. The PDFs are drawn with pdfkit here and read
 * end to end, as a user reads them.
 */
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { makePdf } from './helpers/pdf-fixtures.js'

type Doc = PDFKit.PDFDocument

const tables = (tree: Root) => tree.children.filter((n): n is Table => n.type === 'table')
const rowsOf = (table: Table) => table.children.map((row) => row.children.map((cell) => toString(cell)))

const COLS = [50, 170, 260, 350, 440]
const HEAD = ['Region', 'Wheat', 'Barley', 'Maize']
const body = (n: number) => Array.from({ length: n }, (_, i) => [`Region ${String.fromCharCode(65 + i)}`, (1000 + i * 37.5).toFixed(1), (200 + i * 11.25).toFixed(2), String(300 + i * 7)])

/** A table whose header sits on one dark fill and whose odd rows are shaded (by row or cell by cell); no rules. */
function drawStriped(doc: Doc, rows: string[][], shade: 'row' | 'cell', rowHeight = 16): void {
  doc.font('Helvetica-Bold').fontSize(14).text('Farm output by region', 50, 60)
  const top = 100
  ;[HEAD, ...rows].forEach((row, r) => {
    const y = top + r * rowHeight
    if (r === 0) doc.rect(COLS[0], y, COLS[4] - COLS[0], rowHeight).fill('#1f4e79')
    else if (r % 2 === 1) {
      if (shade === 'cell') for (let c = 0; c < 4; c++) doc.rect(COLS[c] + 0.5, y, COLS[c + 1] - COLS[c] - 1, rowHeight).fill('#dce6f1')
      else doc.rect(COLS[0], y, COLS[4] - COLS[0], rowHeight).fill('#dce6f1')
    }
    row.forEach((text, c) => {
      doc
        .fillColor(r === 0 ? 'white' : 'black')
        .font(r === 0 ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .text(text, COLS[c] + 4, y + 4, { width: COLS[c + 1] - COLS[c] - 8, align: c === 0 ? 'left' : 'right', lineBreak: false })
    })
  })
  doc
    .fillColor('black')
    .font('Helvetica')
    .fontSize(10)
    .text('Source: a made-up survey.', 50, top + (rows.length + 1) * rowHeight + 20)
}

describe('striped tables', () => {
  for (const shade of ['row', 'cell'] as const) {
    it(`reads a table shaded ${shade} by ${shade} as one table, white rows cell by cell`, async () => {
      // 22 body rows: the table ends on a white row, which draws nothing at all.
      const rows = body(22)
      const pdf = await makePdf((doc) => drawStriped(doc, rows, shade))
      const { doc } = await readDocument(pdf, { from: 'pdf' })
      const found = tables(doc.tree)
      expect(found).toHaveLength(1)
      expect(rowsOf(found[0])).toEqual([HEAD, ...rows])
      expect(toString(doc.tree)).toContain('Source: a made-up survey.')
    })
  }
})

describe('dense unruled numeric columns', () => {
  it('keeps every row of a statistical table set with tight leading', async () => {
    const rows = Array.from({ length: 33 }, (_, i) => [`${1990 + i}`, (11062.6 + i * 123.4).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }), `${(2.5 + (i % 7) * 0.3).toFixed(1)}`, `${(i * 17) % 101}`])
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(12).text('Table 4. Output, 1990 to 2022', 50, 50)
      const heads = ['Year', 'Output', 'Growth', 'Index']
      heads.forEach((t, c) => doc.font('Helvetica-Bold').fontSize(8).text(t, COLS[c], 80, { width: 80, align: c === 0 ? 'left' : 'right', lineBreak: false }))
      rows.forEach((row, r) => {
        row.forEach((t, c) => doc.font('Helvetica').fontSize(8).text(t, COLS[c], 94 + r * 9.5, { width: 80, align: c === 0 ? 'left' : 'right', lineBreak: false }))
      })
    })
    const { doc } = await readDocument(pdf, { from: 'pdf' })
    const found = tables(doc.tree)
    expect(found).toHaveLength(1)
    expect(rowsOf(found[0])).toEqual([['Year', 'Output', 'Growth', 'Index'], ...rows])
  })
})

describe('slanted text', () => {
  it('keeps a label drawn at a slant, apart from the lines, with a warning', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(11).text('The body of the page, set on ordinary lines.', 50, 80, { lineBreak: false })
      doc.save().rotate(-30, { origin: [300, 400] }).font('Helvetica-Bold').fontSize(40).text('DRAFT COPY', 200, 380, { lineBreak: false }).restore()
    })
    const { doc, messages } = await readDocument(pdf, { from: 'pdf' })
    const text = toString(doc.tree)
    expect(text).toContain('The body of the page, set on ordinary lines.')
    expect(text).toContain('DRAFT COPY')
    expect(messages.some((m) => /at a slant/.test(m.text))).toBe(true)
  })
})

/** A grid of `rows` drawn with every rule, cells `width` wide and `height` high, from (50, top). */
function drawGrid(doc: Doc, top: number, heights: number[], widths: number[]): void {
  const xs = widths.reduce((acc, w) => [...acc, acc[acc.length - 1] + w], [50])
  const ys = heights.reduce((acc, h) => [...acc, acc[acc.length - 1] + h], [top])
  doc.lineWidth(0.5)
  for (const y of ys) doc.moveTo(xs[0], y).lineTo(xs[xs.length - 1], y).stroke()
  for (const x of xs) doc.moveTo(x, ys[0]).lineTo(x, ys[ys.length - 1]).stroke()
}

describe('rotated text', () => {
  it('keeps column heads turned a quarter in their cells', async () => {
    const heads = ['*JOBCTL', 'SECADM', 'No Authority']
    const rows = [
      ['SET DEGREE', 'X', '', 'X'],
      ['CHGQRYA', 'X', 'X', ''],
      ['STRDBMON', '', 'X', 'X']
    ]
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).text('Who may run each action.', 50, 60, { lineBreak: false })
      drawGrid(doc, 100, [70, 16, 16, 16], [120, 30, 30, 30])
      // Heads read upwards, from the foot of the head row.
      heads.forEach((t, c) => doc.save().rotate(-90, { origin: [180 + c * 30, 166] }).font('Helvetica-Bold').fontSize(8).text(t, 180 + c * 30, 166, { lineBreak: false }).restore())
      doc.font('Helvetica-Bold').fontSize(8).text('User action', 54, 158, { lineBreak: false })
      rows.forEach((row, r) => row.forEach((t, c) => doc.font('Helvetica').fontSize(8).text(t, (c === 0 ? 54 : 174 + (c - 1) * 30), 174 + r * 16, { lineBreak: false })))
    })
    const { doc } = await readDocument(pdf, { from: 'pdf' })
    const found = tables(doc.tree)
    expect(found).toHaveLength(1)
    expect(rowsOf(found[0])).toEqual([['User action', ...heads], ...rows])
    // Each head is said once, in its cell.
    for (const head of heads) expect(toString(doc.tree).split(head)).toHaveLength(2)
  })
})

describe('rows between fills', () => {
  it('keeps the columns of white rows in a framed table whose only inner lines are the fills’ edges', async () => {
    // A word-processor table: a frame, a title on one fill, a head filled cell by cell, rows shaded in turn
    // (the white ones draw nothing), and a section row on a fill across the width.
    const rows = body(2)
    const more = [['Region X', '1.5', '2.25', '3']]
    const pdf = await makePdf((doc) => {
      const fillRow = (y: number, cells: boolean) => {
        if (cells) for (let c = 0; c < 4; c++) doc.rect(COLS[c], y, COLS[c + 1] - COLS[c] - 0.1, 18).fill('#dce6f1')
        else doc.rect(COLS[0], y, COLS[4] - COLS[0], 18).fill('#9bbb59')
      }
      const cells = (row: string[], y: number) => row.forEach((t, c) => doc.fillColor('black').font('Helvetica').fontSize(9).text(t, COLS[c] + 4, y + 5, { lineBreak: false }))
      fillRow(100, false)
      doc.fillColor('white').font('Helvetica-Bold').fontSize(9).text('Farm output', 220, 105, { lineBreak: false })
      fillRow(118, true)
      cells(HEAD, 118)
      // Row A white, row B shaded cell by cell.
      fillRow(154, true)
      rows.forEach((row, r) => cells(row, 136 + r * 18))
      fillRow(172, false)
      doc.fillColor('white').font('Helvetica-Bold').fontSize(9).text('Other regions', 210, 177, { lineBreak: false })
      cells(more[0], 190)
      doc.lineWidth(0.5).strokeColor('#9bbb59')
      doc.moveTo(COLS[0], 100).lineTo(COLS[0], 208).stroke()
      doc.moveTo(COLS[4], 100).lineTo(COLS[4], 208).stroke()
      doc.moveTo(COLS[0], 208).lineTo(COLS[4], 208).stroke()
    })
    const { doc } = await readDocument(pdf, { from: 'pdf' })
    const found = tables(doc.tree)
    expect(found).toHaveLength(1)
    expect(rowsOf(found[0])).toEqual([
      ['Farm output', '', '', ''],
      HEAD,
      ...rows,
      ['Other regions', '', '', ''],
      ...more
    ])
    // The title and the section row stay one cell across the table.
    expect(found[0].children[0].children[0].data?.colSpan).toBe(4)
    expect(found[0].children[4].children[0].data?.colSpan).toBe(4)
  })
})
