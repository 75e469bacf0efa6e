/**
 * Synthetic report tables whose totals are consistent, for property tests of
 * the total check: row groups under row-spanning labels and column groups
 * under column-spanning headers, each with an optional (sub)total placed
 * first or last, an optional grand total row and column, and numbers written
 * the many ways reports write them.
 */
import fc from 'fast-check'
import type { Table } from 'mdast'
import { type CellContent, gridToTable } from '../../src/ast/table.js'
import type { GridCell } from '../../src/ast/grid.js'

type Place = 'none' | 'first' | 'last'

export interface LineGroup {
  /** 1 = a lone line (no group label). */
  size: number
  total: Place
}

export interface TableSpec {
  colGroups: LineGroup[]
  grandCol: Place
  rowGroups: LineGroup[]
  grandRow: Place
  /** Leaf values, row-major over leaf rows × leaf columns (reused cyclically). */
  values: number[]
  style: NumberStyle
  labelHeaders: boolean
  chinese: boolean
}

export interface NumberStyle {
  separators: boolean
  fullWidth: boolean
  currency: boolean
  parentheses: boolean
  dashForZero: boolean
}

/** One line of an axis: a leaf with its value recipe. */
interface Line {
  label: string
  /** Indexes of the leaf lines this line totals (itself for a leaf). */
  sumsLeaves: number[]
  isTotal: boolean
  /** Group label (for the row/column-spanning cell) and whether this line opens it. */
  group?: { label: string; size: number; opens: boolean }
}

export interface GeneratedTable {
  table: Table
  /** Grid slots that hold a total in either direction, `[row, col]`. */
  totalSlots: [number, number][]
  /** The value written in each grid slot (undefined for labels). */
  valueAt: (row: number, col: number) => number | undefined
  /** How many total lines (rows and columns) the table has. */
  totalLines: number
}

const SUB_WORDS = { en: ['Subtotal', 'Total', 'Sub-total'], zh: ['小计', '合计', '（七）总计'] }
const GRAND_WORDS = { en: ['Grand total', 'Total'], zh: ['总计', '合计', '共计'] }

/** Lay out one axis: leaves, group totals and the grand total, in reading order. */
function axisLines(groups: LineGroup[], grand: Place, axis: 'row' | 'col', chinese: boolean): { lines: Line[]; leaves: number } {
  const lang = chinese ? 'zh' : 'en'
  const lines: Line[] = []
  let leaf = 0
  groups.forEach((g, gi) => {
    const name = chinese ? `（${'一二三四五六七八九'[gi % 9]}）${axis === 'row' ? '类别' : '分组'}${gi + 1}` : `${axis === 'row' ? 'Region' : 'Segment'} ${gi + 1}`
    if (g.size === 1) {
      lines.push({ label: chinese ? `${gi + 1}.项目${leaf + 1}` : `${axis === 'row' ? 'Item' : 'Col'} ${leaf + 1}`, sumsLeaves: [leaf++], isTotal: false })
      return
    }
    const members: Line[] = []
    const leaves: number[] = []
    for (let k = 0; k < g.size; k++) {
      leaves.push(leaf)
      members.push({ label: chinese ? `${k + 1}.明细${leaf + 1}` : `${axis === 'row' ? 'Line' : 'Part'} ${leaf + 1}`, sumsLeaves: [leaf++], isTotal: false })
    }
    if (g.total !== 'none') {
      const word = SUB_WORDS[lang][gi % SUB_WORDS[lang].length]
      const total: Line = { label: word, sumsLeaves: leaves, isTotal: true }
      if (g.total === 'first') members.unshift(total)
      else members.push(total)
    }
    members.forEach((m, k) => lines.push({ ...m, group: { label: name, size: members.length, opens: k === 0 } }))
  })
  if (grand !== 'none') {
    const all = Array.from({ length: leaf }, (_, i) => i)
    const total: Line = { label: GRAND_WORDS[lang][groups.length % GRAND_WORDS[lang].length], sumsLeaves: all, isTotal: true }
    if (grand === 'first') lines.unshift(total)
    else lines.push(total)
  }
  return { lines, leaves: leaf }
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９'

/** Write a number the way a report might. */
export function writeNumber(value: number, style: NumberStyle): string {
  if (value === 0 && style.dashForZero) return '—'
  let digits = Math.abs(value).toString()
  if (style.separators) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  if (style.fullWidth) digits = digits.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)])
  if (style.currency) digits = `$${digits}`
  if (value < 0) return style.parentheses ? `(${digits})` : `-${digits}`
  return digits
}

const text = (value: string): CellContent => (value ? [{ type: 'text', value }] : [])

/** Build the table a spec describes, its totals consistent. */
export function buildTable(spec: TableSpec): GeneratedTable {
  const rows = axisLines(spec.rowGroups, spec.grandRow, 'row', spec.chinese)
  const cols = axisLines(spec.colGroups, spec.grandCol, 'col', spec.chinese)
  const leafValue = (r: number, c: number) => spec.values[(r * cols.leaves + c) % spec.values.length]
  const sum = (row: Line, col: Line) => row.sumsLeaves.reduce((t, r) => t + col.sumsLeaves.reduce((u, c) => u + leafValue(r, c), 0), 0)

  const headRows = cols.lines.some((l) => l.group) ? 2 : 1
  const cells: GridCell<CellContent>[] = []
  cells.push({ row: 0, col: 0, rowSpan: headRows, colSpan: 2, header: true, content: text(spec.chinese ? '项目' : 'Item') })
  cols.lines.forEach((line, i) => {
    const col = 2 + i
    if (!line.group) cells.push({ row: 0, col, rowSpan: headRows, colSpan: 1, header: true, content: text(line.label) })
    else {
      if (line.group.opens) cells.push({ row: 0, col, rowSpan: 1, colSpan: line.group.size, header: true, content: text(line.group.label) })
      cells.push({ row: 1, col, rowSpan: 1, colSpan: 1, header: true, content: text(line.label) })
    }
  })
  const values = new Map<string, number>()
  const totalSlots: [number, number][] = []
  rows.lines.forEach((line, i) => {
    const row = headRows + i
    if (!line.group) cells.push({ row, col: 0, rowSpan: 1, colSpan: 2, header: spec.labelHeaders, content: text(line.label) })
    else {
      if (line.group.opens) cells.push({ row, col: 0, rowSpan: line.group.size, colSpan: 1, header: spec.labelHeaders, content: text(line.group.label) })
      cells.push({ row, col: 1, rowSpan: 1, colSpan: 1, header: spec.labelHeaders, content: text(line.label) })
    }
    cols.lines.forEach((colLine, j) => {
      const col = 2 + j
      const value = sum(line, colLine)
      values.set(`${row},${col}`, value)
      if (line.isTotal || colLine.isTotal) totalSlots.push([row, col])
      cells.push({ row, col, rowSpan: 1, colSpan: 1, header: false, content: text(writeNumber(value, spec.style)) })
    })
  })
  const table = gridToTable({ rows: headRows + rows.lines.length, cols: 2 + cols.lines.length, headerRows: headRows, cells })
  return {
    table,
    totalSlots,
    valueAt: (r, c) => values.get(`${r},${c}`),
    totalLines: rows.lines.filter((l) => l.isTotal).length + cols.lines.filter((l) => l.isTotal).length
  }
}

/** Overwrite one slot's number (keeping the table's number style). */
export function setSlot(table: Table, row: number, col: number, value: number, style: NumberStyle): void {
  table.children[row].children[col].children = text(writeNumber(value, style))
}

const place = fc.constantFrom<Place>('none', 'first', 'last')
const group = fc.record({ size: fc.integer({ min: 1, max: 4 }), total: place })

/** Table specs with at least one total somewhere. */
export const tableSpecs: fc.Arbitrary<TableSpec> = fc
  .record({
    colGroups: fc.array(group, { minLength: 1, maxLength: 3 }),
    grandCol: place,
    rowGroups: fc.array(group, { minLength: 1, maxLength: 4 }),
    grandRow: place,
    // No bare four-digit year-like amounts (1000–2999): a lone `1800` in a column reads as a year, a label (tables/cell-type.ts), so a table whose only figure it is has nothing to sum.
    values: fc.array(fc.integer({ min: -50_000, max: 99_999 }).filter((v) => v < 1000 || v > 2999), { minLength: 1, maxLength: 40 }),
    style: fc.record({ separators: fc.boolean(), fullWidth: fc.boolean(), currency: fc.boolean(), parentheses: fc.boolean(), dashForZero: fc.boolean() }),
    labelHeaders: fc.boolean(),
    chinese: fc.boolean()
  })
  .filter((spec) => buildTable(spec).totalSlots.length > 0)

export interface StatementSpec {
  /** Lines per section (each section ends in its total). */
  sections: number[]
  headings: boolean
  subtotalWord: 'Subtotal' | 'Total'
  years: number
  /** Positive amounts of at least 10,000, so that no shorter run of lines can equal a total off by less. */
  values: number[]
  style: NumberStyle
}

/**
 * A flat statement, the way a GFM table or a financial statement lists it:
 * optional section headings (a label, no numbers), line items, a total after
 * each section, and a grand total at the end. No merged cells.
 */
export function buildStatement(spec: StatementSpec): GeneratedTable {
  const cols = spec.years + 1
  const cells: GridCell<CellContent>[] = [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, header: true, content: text('') }]
  for (let y = 0; y < spec.years; y++) cells.push({ row: 0, col: 1 + y, rowSpan: 1, colSpan: 1, header: true, content: text(String(2024 - y)) })
  const values = new Map<string, number>()
  const totalSlots: [number, number][] = []
  let row = 1
  let v = 0
  const grand = new Array<number>(spec.years).fill(0)
  const line = (label: string, amounts: number[] | null, isTotal: boolean) => {
    cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, header: false, content: text(label) })
    amounts?.forEach((amount, y) => {
      values.set(`${row},${1 + y}`, amount)
      if (isTotal) totalSlots.push([row, 1 + y])
    })
    for (let y = 0; y < spec.years; y++) {
      cells.push({ row, col: 1 + y, rowSpan: 1, colSpan: 1, header: false, content: text(amounts ? writeNumber(amounts[y], spec.style) : '') })
    }
    row++
  }
  spec.sections.forEach((size, s) => {
    const name = `Group ${String.fromCharCode(65 + s)}`
    if (spec.headings) line(name, null, false)
    const sum = new Array<number>(spec.years).fill(0)
    for (let k = 0; k < size; k++) {
      const amounts = Array.from({ length: spec.years }, () => spec.values[v++ % spec.values.length])
      amounts.forEach((a, y) => {
        sum[y] += a
        grand[y] += a
      })
      line(`Line ${v}`, amounts, false)
    }
    line(spec.subtotalWord === 'Total' ? `Total ${name.toLowerCase()}` : 'Subtotal', sum, true)
  })
  line(spec.subtotalWord === 'Total' ? 'Total' : 'Grand total', grand, true)
  const table = gridToTable({ rows: row, cols, headerRows: 1, cells })
  return { table, totalSlots, valueAt: (r, c) => values.get(`${r},${c}`), totalLines: spec.sections.length + 1 }
}

export const statementSpecs: fc.Arbitrary<StatementSpec> = fc.record({
  sections: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
  headings: fc.boolean(),
  subtotalWord: fc.constantFrom<'Subtotal' | 'Total'>('Subtotal', 'Total'),
  years: fc.integer({ min: 2, max: 3 }),
  values: fc.array(fc.integer({ min: 10_000, max: 9_999_999 }), { minLength: 1, maxLength: 30 }),
  style: fc.record({ separators: fc.boolean(), fullWidth: fc.boolean(), currency: fc.boolean(), parentheses: fc.constant(true), dashForZero: fc.constant(false) })
})
