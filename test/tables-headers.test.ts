import { describe, expect, it } from 'vitest'
import { type Grid, type GridCell, type RowCell, placeRows } from '../src/ast/grid.js'
import { type HeaderCue, inferHeaderRows, inferRowHeaders, leadingLabelRows, markStyledBodyHeaders } from '../src/tables/headers.js'

interface Cell {
  text: string
  bold?: boolean
}

/** Rows of `text` or `*bold*` cells; `[text, rowSpan, colSpan]` for merged ones; `<text>` marks a header cell. */
function grid(rows: (string | [string, number, number])[][]): Grid<Cell> {
  const spec: RowCell<Cell>[][] = rows.map((row) =>
    row.map((cell) => {
      const [raw, rowSpan, colSpan] = typeof cell === 'string' ? [cell, 1, 1] : cell
      const bold = /^\*.*\*$/.test(raw)
      const header = /^<.*>$/.test(raw)
      const text = bold || header ? raw.slice(1, -1) : raw
      return { rowSpan, colSpan, header, content: { text, bold } }
    })
  )
  return placeRows(spec, () => ({ text: '' }), 0).grid
}
const bold = ({ content }: GridCell<Cell>): HeaderCue => ({ text: content.text, strong: content.bold === true })
const marked = (cell: GridCell<Cell>): HeaderCue => ({ text: cell.content.text, strong: cell.header })
const plain = ({ content }: GridCell<Cell>): HeaderCue => ({ text: content.text })

describe('inferHeaderRows: one head decision for every reader', () => {
  it('takes leading bold rows above plain ones as the head', () => {
    const g = grid([['*Region*', '*Sales*'], ['North', 'Sunny'], ['South', 'Rainy']])
    expect(inferHeaderRows(g, bold)).toBe(1)
  })

  it('takes leading rows of labels above rows of figures, in English and Chinese', () => {
    expect(inferHeaderRows(grid([['State', 'Revenue', 'Capital'], ['', 'Medical', 'Family'], ['Assam', '10', '(1,491)']]), plain)).toBe(2)
    expect(inferHeaderRows(grid([['项目', '金额', '占比'], ['收入', '１，２３４', '12.5%'], ['支出', '—', '3%']]), plain)).toBe(1)
  })

  it('lets years head the columns of figures below, and reads 2023年度 and FY2023 as years', () => {
    expect(inferHeaderRows(grid([['Item', 'FY2023', '2023年度'], ['Sales', '1,491', '1.393,4']]), plain)).toBe(1)
  })

  it('gives a table of words only no head from content (no header cell everywhere)', () => {
    expect(inferHeaderRows(grid([['Name', 'Role', 'City'], ['Alice', 'Engineer', 'Paris'], ['Bob', 'Manager', 'Lyon']]), plain)).toBe(0)
  })

  it('counts quantities, times and codes as data where they are: a spec sheet and a timetable have one head row', () => {
    expect(inferHeaderRows(grid([['Product', 'Size', 'Rating'], ['Sensor A', '12 mm', 'IP67'], ['Sensor B', '15 mm', 'IP65']]), plain)).toBe(1)
    expect(inferHeaderRows(grid([['Station', 'Train 1', 'Train 2'], ['Aachen', '05:52', '06:10'], ['Köln', '—', '06:58']]), plain)).toBe(1)
  })

  it('falls back on the hint (a rule under the head) when neither style nor content decides', () => {
    expect(inferHeaderRows(grid([['Name', 'Role'], ['Alice', 'Engineer']]), plain, { hint: 1 })).toBe(1)
  })

  it('grows the head over a head cell spanning down', () => {
    const g = grid([[['State', 2, 1], 'Revenue', 'Capital'], ['Medical', 'Family'], ['Assam', '10', '20']])
    expect(inferHeaderRows(g, bold, { hint: 1 })).toBe(2)
  })

  it('with author marks (<th>): every marked leading row, no limit, a table marked throughout has one head row', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [`<h${i}>`, `<g${i}>`])
    expect(inferHeaderRows(grid([...rows, ['a', '1']]), marked, { marked: true })).toBe(5)
    expect(inferHeaderRows(grid([['<a>', '<b>'], ['<c>', '<d>']]), marked, { marked: true })).toBe(1)
    expect(inferHeaderRows(grid([['a', 'b'], ['1', '2']]), marked, { marked: true })).toBe(0)
    // An empty corner cell does not keep a row of <th> out of the head.
    expect(inferHeaderRows(grid([['', '<2023>', '<2024>'], ['<Sales>', '1', '2']]), marked, { marked: true })).toBe(1)
  })
})

describe('leadingLabelRows', () => {
  it('counts rows without data above rows with data, from a start row', () => {
    expect(leadingLabelRows([['a', 'b'], ['c'], ['x', '1'], ['y', '2']])).toBe(2)
    expect(leadingLabelRows([['a', 'b'], ['c'], ['x', '1']], 1)).toBe(1)
    expect(leadingLabelRows([['a', 'b'], ['c', 'd']])).toBe(0)
  })
})

describe('body header cells', () => {
  it('marks bold labels beside plain cells and full-width section rows', () => {
    const g = { ...grid([['*Item*', '*Value*'], [['*Current assets*', 1, 2]], ['*Cash*', '10']]), headerRows: 1 }
    const marked = markStyledBodyHeaders(g, bold)
    expect(marked.cells.filter((c) => c.header).map((c) => c.content.text)).toEqual(['Current assets', 'Cash'])
  })

  it('makes the labels left of a row’s first value its row headers, and value-less rows sub-heads', () => {
    const g = { ...grid([['Item', '2023'], ['Income'], ['Sales', '1,491'], ['Costs', '(12)']]), headerRows: 1 }
    const out = inferRowHeaders(g, (c) => c.text)
    expect(out.cells.filter((c) => c.header && c.content.text).map((c) => c.content.text)).toEqual(['Income', 'Sales', 'Costs'])
  })

  it('leaves a table without values alone', () => {
    const g = { ...grid([['Name', 'Role'], ['Alice', 'Engineer']]), headerRows: 1 }
    expect(inferRowHeaders(g, (c) => c.text).cells.some((c) => c.header)).toBe(false)
  })
})
