/**
 * The PDF reader's geometry analysis, on plain data written by hand: text
 * runs with positions, rules, operator lists. No PDF files involved.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { rulesFromOperators } from '../src/ingest/pdf/extract/rules.js'
import { runsFromTextItems } from '../src/ingest/pdf/extract/runs.js'
import { findAlignedTables } from '../src/ingest/pdf/layout/aligned-tables.js'
import { readingOrder } from '../src/ingest/pdf/layout/columns.js'
import { joinContinuedTables } from '../src/ingest/pdf/layout/continued-tables.js'
import type { FlowItem } from '../src/ingest/pdf/layout/flow.js'
import { buildFragments } from '../src/ingest/pdf/layout/fragments.js'
import { findFurniture, isPageNumber } from '../src/ingest/pdf/layout/furniture.js'
import { detectHeaderRows } from '../src/ingest/pdf/layout/header-rows.js'
import { joinLines } from '../src/ingest/pdf/layout/join-lines.js'
import { groupLines } from '../src/ingest/pdf/layout/lines.js'
import { findRuledTables } from '../src/ingest/pdf/layout/ruled-tables.js'
import type { CellText, PageTable } from '../src/ingest/pdf/layout/table-types.js'
import { verticalColumns, verticalParagraphs } from '../src/ingest/pdf/layout/vertical.js'
import type { Rule, TextRun } from '../src/ingest/pdf/types.js'
import { type Grid, placeRows } from '../src/ast/grid.js'

/** A run whose glyphs are each half an em wide (an em for CJK). */
function run(text: string, x: number, y: number, extra: Partial<TextRun> = {}): TextRun {
  const size = extra.size ?? 10
  const width = Array.from(text).reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.5), 0)
  return { text, x, y, width, size, font: 'Helvetica', bold: false, italic: false, ...extra }
}

const h = (y: number, x1: number, x2: number): Rule => ({ x1, y1: y, x2, y2: y })
const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 })

function cellsOf(grid: Grid<CellText>): string[] {
  return grid.cells.map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan} ${c.content.text}`)
}

describe('rules from operator lists', () => {
  const page = { width: 600, height: 800 }
  const flip: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 800]

  it('follows the current transform and turns stroked rectangles and thin bars into rules', () => {
    const fnArray = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath]
    const argsArray = [
      null,
      [2, 0, 0, 2, 10, 20],
      // A stroked 50×10 rectangle in a space scaled by 2.
      [OPS.stroke, [new Float32Array([0, 0, 0, 1, 50, 0, 1, 50, 10, 1, 0, 10, 4])], null],
      null,
      // A filled bar 200 wide and 0.5 high: a horizontal rule.
      [OPS.fill, [new Float32Array([0, 100, 400, 1, 300, 400, 1, 300, 400.5, 1, 100, 400.5, 4])], null],
      // A curve is never a rule.
      [OPS.stroke, [new Float32Array([0, 0, 0, 2, 10, 10, 20, 10, 30, 0])], null]
    ]
    const { rules } = rulesFromOperators({ fnArray, argsArray }, OPS, flip, page)
    expect(rules.map((r) => [r.x1, r.y1, r.x2, r.y2].map((n) => Math.round(n * 10) / 10))).toEqual([
      [10, 780, 110, 780],
      [110, 760, 110, 780],
      [10, 760, 110, 760],
      [10, 760, 10, 780],
      [100, 399.8, 300, 399.8]
    ])
  })

  it('skips a filled background as large as the page and paths that only clip', () => {
    const fnArray = [OPS.constructPath, OPS.constructPath]
    const argsArray = [
      [OPS.fill, [new Float32Array([0, 0, 0, 1, 600, 0, 1, 600, 800, 1, 0, 800, 4])], null],
      [OPS.endPath, [new Float32Array([0, 0, 0, 1, 600, 0])], null]
    ]
    expect(rulesFromOperators({ fnArray, argsArray }, OPS, flip, page).rules).toEqual([])
  })
})

describe('text runs from pdf.js items', () => {
  it('places runs on the displayed page, names their fonts, sees bold in the name and keeps slanted text apart', () => {
    const { runs, slanted } = runsFromTextItems(
      [
        { str: 'Total', transform: [12, 0, 0, 12, 72, 700], width: 30, height: 12, fontName: 'f1' },
        { str: 'DRAFT', transform: [30, 30, -30, 30, 200, 400], width: 100, height: 42, fontName: 'f1' }
      ],
      {},
      new Map([['f1', 'ABCDEF+Arial-BoldMT']]),
      [1, 0, 0, -1, 0, 842]
    )
    expect(runs).toEqual([{ text: 'Total', x: 72, y: 142, width: 30, size: 12, font: 'Arial-BoldMT', bold: true, italic: false }])
    // The watermark is not on any line, but its text is kept.
    expect(slanted.map((r) => r.text)).toEqual(['DRAFT'])
  })
})

describe('fragments and lines', () => {
  it('joins CJK glyphs without spaces and Latin words with one', () => {
    const runs = [...Array.from('年度报告').map((ch, i) => run(ch, 100 + i * 10, 50)), run('Annual', 100, 80), run('report', 134, 80)]
    expect(buildFragments(runs).map((f) => f.text)).toEqual(['年度报告', 'Annual report'])
  })

  it('splits a baseline at wide gaps and keeps the pieces apart', () => {
    const runs = [run('Region', 50, 100), run('2023', 200, 100), run('2024', 260, 100)]
    expect(buildFragments(runs).map((f) => [f.text, f.x1])).toEqual([
      ['Region', 50],
      ['2023', 200],
      ['2024', 260]
    ])
  })

  it('reads overprinted text (fake bold) once, as bold', () => {
    const runs = [run('Summary', 50, 100), run('Summary', 50.3, 100), run('Summary', 50.6, 100)]
    const [fragment] = buildFragments(runs)
    expect(fragment.text).toBe('Summary')
    expect(fragment.bold).toBe(true)
  })

  it('keeps a footnote mark on the line it is attached to', () => {
    const runs = [run('as reported', 50, 100), run('1', 105, 96, { size: 6 }), run('by each office', 111, 100)]
    const lines = groupLines(buildFragments(runs), 1)
    expect(lines.map((l) => l.text)).toEqual(['as reported1 by each office'])
  })
})

describe('ruled tables', () => {
  // 3 columns × 3 rows; no rule between columns 1 and 2 in row 0 (a head cell over two columns),
  // no rule between rows 1 and 2 in column 0 (a label over two rows).
  const rules = [
    h(100, 50, 350),
    h(120, 50, 350),
    h(140, 150, 350),
    h(160, 50, 350),
    v(50, 100, 160),
    v(150, 100, 160),
    v(250, 120, 160),
    v(350, 100, 160)
  ]

  it('turns missing rules into merged cells and puts each run in its cell', () => {
    const runs = [run('Office', 55, 115), run('Sales', 200, 115), run('North', 55, 135), run('120', 155, 135), run('130', 255, 135), run('125', 155, 155), run('128', 255, 155)]
    const { tables, rest } = findRuledTables(rules, [...runs, run('Below the table', 50, 200)])
    expect(rest.map((r) => r.text)).toEqual(['Below the table'])
    expect(cellsOf(tables[0].grid)).toEqual([
      '0,0 1x1 Office',
      '0,1 1x2 Sales',
      '1,0 2x1 North',
      '1,1 1x1 120',
      '1,2 1x1 130',
      '2,1 1x1 125',
      '2,2 1x1 128'
    ])
    expect(tables[0].grid.headerRows).toBe(1)
  })

  it('cuts a run that crosses a drawn column rule', () => {
    const runs = [run('Office', 55, 115), run('Sales', 200, 115), run('North', 55, 135), run('120       130', 200, 135)]
    const { tables } = findRuledTables(rules, runs)
    expect(cellsOf(tables[0].grid).filter((c) => c.startsWith('1,'))).toEqual(['1,0 2x1 North', '1,1 1x1 120', '1,2 1x1 130'])
  })

  it('folds a row that only holds the wrapped end of the label above it', () => {
    const lined = [h(100, 50, 350), h(120, 50, 350), h(132, 50, 150), h(144, 50, 350), v(50, 100, 144), v(150, 100, 144), v(350, 100, 144)]
    const runs = [run('Pollutant', 55, 115), run('Threshold', 155, 115), run('Chlorine compounds', 52, 130), run('10 000', 155, 130), run('(as HCl)', 55, 142)]
    const { tables } = findRuledTables(lined, runs)
    expect(cellsOf(tables[0].grid)).toEqual(['0,0 1x1 Pollutant', '0,1 1x1 Threshold', '1,0 1x1 Chlorine compounds (as HCl)', '1,1 1x1 10 000'])
  })

  it('folds a row that goes on from a label left with a bracket open', () => {
    const lined = [h(100, 50, 350), h(120, 50, 350), h(132, 50, 150), h(144, 50, 350), v(50, 100, 144), v(150, 100, 144), v(350, 100, 144)]
    const runs = [run('Pollutant', 55, 115), run('Threshold', 155, 115), run('Organic Carbon (as', 52, 130), run('50 000', 155, 130), run('COD/3)', 55, 142)]
    const { tables } = findRuledTables(lined, runs)
    expect(cellsOf(tables[0].grid)).toEqual(['0,0 1x1 Pollutant', '0,1 1x1 Threshold', '1,0 1x1 Organic Carbon (as COD/3)', '1,1 1x1 50 000'])
  })

  it('ignores boxes drawn inset inside cells', () => {
    const inset = [...rules, v(55, 120, 160), v(145, 120, 160)]
    const runs = [run('Office', 60, 115), run('Sales', 200, 115), run('North', 60, 135), run('120', 155, 135), run('130', 255, 135), run('125', 155, 155), run('128', 255, 155)]
    const { tables } = findRuledTables(inset, runs)
    expect(tables[0].grid.cols).toBe(3)
  })

  it('gives each run to one cell when a rule drawn part of the way leaves an L-shaped cell', () => {
    // Rows 0–1 of columns 0–1: no rule under (0,0) and none between (1,0) and (1,1), so they form an L
    // whose bounding box covers (0,1); the text of (0,1) stays in (0,1) only.
    const lshape = [h(100, 50, 350), h(120, 150, 350), h(140, 50, 350), h(160, 50, 350), v(50, 100, 160), v(150, 100, 120), v(150, 140, 160), v(250, 100, 160), v(350, 100, 160)]
    const runs = [run('Alpha', 55, 115), run('Beta', 155, 115), run('Gamma', 255, 115), run('Delta', 155, 135), run('Eps', 255, 135), run('Zeta', 55, 155), run('Eta', 155, 155), run('Theta', 255, 155)]
    const { tables } = findRuledTables(lshape, runs)
    const texts = tables[0].grid.cells.flatMap((c) => c.content.text.split(' ')).filter(Boolean).sort()
    expect(texts).toEqual(['Alpha', 'Beta', 'Delta', 'Eps', 'Eta', 'Gamma', 'Theta', 'Zeta'])
  })

  it('does not take a box drawn around a paragraph for a table', () => {
    const box = [h(100, 50, 350), h(160, 50, 350), v(50, 100, 160), v(350, 100, 160)]
    const { tables, rest } = findRuledTables(box, [run('A note in a frame.', 60, 130)])
    expect(tables).toEqual([])
    expect(rest).toHaveLength(1)
  })
})

describe('unruled tables', () => {
  const line = (y: number, cells: [string, number][], bold = false) => groupLines(buildFragments(cells.map(([t, x]) => run(t, x, y, { bold }))), 1)[0]

  it('finds columns that line up over several lines, with a head cell over two columns', () => {
    const lines = [
      line(100, [['Budget and spending', 160]], true),
      line(114, [['Office', 50], ['Budget', 160], ['Spent', 230]], true),
      line(128, [['Harbour', 50], ['1,200', 160], ['1,050', 230]]),
      line(142, [['Airport', 50], ['950', 165], ['990', 235]]),
      line(156, [['Station', 50], ['400', 165], ['310', 235]])
    ]
    const out = findAlignedTables(lines)
    const table = out.find((o): o is PageTable => o.kind === 'table')
    expect(out.map((o) => o.kind)).toEqual(['line', 'table'])
    expect(cellsOf(table!.grid)).toEqual([
      '0,0 1x1 Office',
      '0,1 1x1 Budget',
      '0,2 1x1 Spent',
      '1,0 1x1 Harbour',
      '1,1 1x1 1,200',
      '1,2 1x1 1,050',
      '2,0 1x1 Airport',
      '2,1 1x1 950',
      '2,2 1x1 990',
      '3,0 1x1 Station',
      '3,1 1x1 400',
      '3,2 1x1 310'
    ])
    expect(table!.grid.headerRows).toBe(1)
  })

  it('folds a wrapped cell line back into its row when the head leaves its corner empty', () => {
    const lines = [
      line(100, [['Food', 160], ['Calories', 300]], true),
      line(130, [['Leaves', 50], ['Ash, Elm, Maple', 160], ['50', 300]]),
      line(160, [['Berries', 50], ['Blueberry, Strawberry,', 160], ['150', 300]]),
      line(171, [['Cranberry', 160]]),
      line(201, [['Grain', 50], ['Corn, Barley', 160], ['200', 300]])
    ]
    const table = findAlignedTables(lines).find((o): o is PageTable => o.kind === 'table')
    expect(cellsOf(table!.grid).filter((c) => c.startsWith('2,'))).toEqual(['2,0 1x1 Berries', '2,1 1x1 Blueberry, Strawberry, Cranberry', '2,2 1x1 150'])
    expect(table!.grid.rows).toBe(4)
  })

  it('reads a long table set in two blocks side by side as two tables, left first', () => {
    // Columns at 50, 90, 130 and, past a wide gutter, at 230, 270, 310; the right block ends two rows higher.
    const row = (y: number, k: number, right: boolean) => [[String(k), 50], [String(100 + k), 90], [String(200 + k), 130], ...(right ? [[String(k + 6), 230], [String(106 + k), 270], [String(206 + k), 310]] : [])] as [string, number][]
    const lines = [0, 1, 2, 3, 4, 5].map((k) => line(100 + k * 14, row(100 + k * 14, k, k < 4)))
    const tables = findAlignedTables(lines).filter((o): o is PageTable => o.kind === 'table')
    expect(tables.map((t) => t.grid.cells.filter((c) => c.col === 0).map((c) => c.content.text))).toEqual([
      ['0', '1', '2', '3', '4', '5'],
      ['6', '7', '8', '9']
    ])
    // Where both blocks end together, the rows are one table's.
    const even = [0, 1, 2, 3, 4, 5].map((k) => line(100 + k * 14, row(100 + k * 14, k, true)))
    expect(findAlignedTables(even).filter((o) => o.kind === 'table').map((t) => (t as PageTable).grid.cols)).toEqual([6])
  })

  it('reads head cells wrapped over several tight lines as one head row', () => {
    const lines = [
      line(100, [['Percentage of', 160], ['Weighted', 260]]),
      line(109, [['desired', 160], ['response', 260]]),
      line(118, [['Country', 50], ['coverage', 160], ['rate', 260]]),
      ...[['Alberta', '100', '95'], ['Ontario', '100', '96'], ['Quebec', '89', '96'], ['Florida', '89', '95']].map((r, k) => line(132 + k * 14, [[r[0], 50], [r[1], 160], [r[2], 260]]))
    ]
    const table = findAlignedTables(lines).find((o): o is PageTable => o.kind === 'table')
    expect(cellsOf(table!.grid).filter((c) => c.startsWith('0,'))).toEqual(['0,0 1x1 Country', '0,1 1x1 Percentage of desired coverage', '0,2 1x1 Weighted response rate'])
    expect(table!.grid.headerRows).toBe(1)
    expect(table!.grid.rows).toBe(5)
  })

  it('leaves a list whose markers stand apart from the text as lines', () => {
    const lines = [100, 114, 128].map((y, i) => line(y, [[`${i + 1}.`, 50], [`Item number ${i + 1} of the list`, 80]]))
    expect(findAlignedTables(lines).map((o) => o.kind)).toEqual(['line', 'line', 'line'])
  })
})

describe('reading order', () => {
  it('reads the left column before the right one, after a title across both', () => {
    const box = (x1: number, y: number, x2: number, name: string) => ({ name, x1, x2, y1: y - 8, y2: y + 2 })
    const items = [box(150, 40, 450, 'title')]
    for (let k = 0; k < 5; k++) items.push(box(50, 100 + k * 12, 290, `L${k}`), box(310, 100 + k * 12, 550, `R${k}`))
    const order = readingOrder(items, (b) => b).flat().map((b) => b.name)
    expect(order).toEqual(['title', 'L0', 'L1', 'L2', 'L3', 'L4', 'R0', 'R1', 'R2', 'R3', 'R4'])
  })

  it('keeps a single column in top-to-bottom order', () => {
    const items = [0, 1, 2, 3, 4, 5, 6].map((k) => ({ name: `P${k}`, x1: 50, x2: 550 - (k % 2) * 100, y1: 100 + k * 12, y2: 110 + k * 12 }))
    expect(readingOrder(items, (b) => b).flat().map((b) => b.name)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6'])
  })
})

describe('page furniture', () => {
  const page = (n: number, body: string) => ({
    height: 800,
    fragments: buildFragments([run('City of Harbour — Annual Report', 50, 30), run(body, 50, 120), run(`Page ${n} of 3`, 280, 780)])
  })

  it('finds running heads and page numbers that come back on every page', () => {
    const pages = [page(1, 'First page text'), page(2, 'Second page text'), page(3, 'Third page text')]
    const found = findFurniture(pages)
    expect([...found].map((f) => f.text).sort()).toEqual([
      'City of Harbour — Annual Report',
      'City of Harbour — Annual Report',
      'City of Harbour — Annual Report',
      'Page 1 of 3',
      'Page 2 of 3',
      'Page 3 of 3'
    ])
  })

  it('recognises the usual shapes of page numbers', () => {
    expect(['7', '- 7 -', 'Page 7 of 9', '第 7 页', 'vii', '7/9'].every(isPageNumber)).toBe(true)
    expect(['Total 7', 'Page layout', '7 apples'].some(isPageNumber)).toBe(false)
  })
})

describe('header rows', () => {
  const grid = (rows: [string, boolean][][]) =>
    placeRows(
      rows.map((r) => r.map(([text, bold]) => ({ content: { text, bold } }))),
      () => ({ text: '', bold: false })
    ).grid

  it('counts the leading bold rows', () => {
    expect(detectHeaderRows(grid([[['Item', true], ['Amount', true]], [['Fees', false], ['12', false]]]))).toBe(1)
  })

  it('takes labels above rows of numbers as the head when nothing is bold, years included', () => {
    const years = grid([
      [['Office', false], ['2023', false], ['2024', false]],
      [['North', false], ['120', false], ['130', false]],
      [['South', false], ['95', false], ['101', false]]
    ])
    expect(detectHeaderRows(years)).toBe(1)
    const words = grid([
      [['Office', false], ['Contact', false]],
      [['North', false], ['Ann Lee', false]],
      [['South', false], ['Bo Chan', false]]
    ])
    expect(detectHeaderRows(words)).toBe(0)
  })
})

describe('joining', () => {
  it('undoes hyphenation but keeps hyphens before capitals and digits', () => {
    expect(joinLines('the exam-', 'ple')).toBe('the example')
    expect(joinLines('Trace-', 'Monkey')).toBe('Trace-Monkey')
    expect(joinLines('Table 3-', '5 shows')).toBe('Table 3-5 shows')
    expect(joinLines('年度', '报告')).toBe('年度报告')
  })

  it('reads vertical writing right to left, a lower start beginning a paragraph', () => {
    const col = (text: string, x: number, y: number) => run(text, x, y, { width: 10, length: Array.from(text).length * 10 })
    const columns = verticalColumns([col('第一段的', 200, 50), col('文字。', 185, 50), col('第二段。', 170, 60)])
    expect(verticalParagraphs(columns)).toEqual(['第一段的文字。', '第二段。'])
  })

  it('joins a table continued on the next page and drops its repeated head', () => {
    const table = (page: number, rows: string[][]): FlowItem => {
      const g = placeRows(rows.map((r, i) => r.map((text) => ({ content: { text, bold: i === 0 } }))), () => ({ text: '', bold: false }), 1).grid
      return { kind: 'table', layout: 'pdf-ruled', confidence: 0.9, box: { x1: 50, x2: 350, y1: 100, y2: 200 }, columns: [50, 150, 350], grid: g, page }
    }
    const flow = joinContinuedTables([
      table(1, [['Office', 'Sales'], ['North', '120']]),
      { kind: 'break', page: false },
      { kind: 'break', page: true },
      table(2, [['Office', 'Sales'], ['South', '95']])
    ])
    expect(flow).toHaveLength(1)
    const joined = flow[0] as PageTable
    expect(cellsOf(joined.grid)).toEqual(['0,0 1x1 Office', '0,1 1x1 Sales', '1,0 1x1 North', '1,1 1x1 120', '2,0 1x1 South', '2,1 1x1 95'])
  })

  const table = (page: number, rows: string[][], y1: number, y2: number): FlowItem => {
    const g = placeRows(rows.map((r, i) => r.map((text) => ({ content: { text, bold: i === 0 } }))), () => ({ text: '', bold: false }), 1).grid
    return { kind: 'table', layout: 'pdf-ruled', confidence: 0.9, box: { x1: 50, x2: 350, y1, y2 }, columns: [50, 150, 350], grid: g, page }
  }
  const pageEnd: FlowItem[] = [
    { kind: 'break', page: false },
    { kind: 'break', page: true }
  ]

  it('makes a row the page end cut in two whole again', () => {
    const flow = joinContinuedTables(
      [table(1, [['Feature', 'Action'], ['Ordering', 'Reorganize into the'], ['Profiles', 'Remove the table of']], 500, 780), ...pageEnd, table(2, [['', 'mandatory clauses'], ['Foreword', 'Replace']], 60, 120)],
      [],
      842
    )
    expect(flow).toHaveLength(1)
    expect(cellsOf((flow[0] as PageTable).grid)).toEqual([
      '0,0 1x1 Feature',
      '0,1 1x1 Action',
      '1,0 1x1 Ordering',
      '1,1 1x1 Reorganize into the',
      '2,0 1x1 Profiles',
      '2,1 1x1 Remove the table of mandatory clauses',
      '3,0 1x1 Foreword',
      '3,1 1x1 Replace'
    ])
  })

  it('does not join a table that ends high on its page with a table of its own heading the next page', () => {
    const flow = joinContinuedTables([table(1, [['Office', 'Sales'], ['North', '120']], 100, 300), ...pageEnd, table(2, [['Region', 'Budget'], ['South', '95']], 60, 120)], [], 842)
    expect(flow.filter((item) => item.kind === 'table')).toHaveLength(2)
    // A repeated head says the table goes on, however high the first part ends (rows kept together).
    const repeated = joinContinuedTables([table(1, [['Office', 'Sales'], ['North', '120']], 100, 300), ...pageEnd, table(2, [['Office', 'Sales'], ['South', '95']], 60, 120)], [], 842)
    expect(repeated.filter((item) => item.kind === 'table')).toHaveLength(1)
  })
})
