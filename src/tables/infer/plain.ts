/**
 * The naive reading of a table: one row per source row, one cell per field,
 * each at the position its delimiter gives it, no spans. Repair must never
 * do worse than this, and where the source already fixes a consistent grid
 * this is the grid: only header rows and row headers are inferred on it.
 */
import { type Grid, type GridCell, normalizeGrid } from '../../ast/grid.js'
import { cellKind, normalizeCellText } from '../cell-kind.js'
import { typeCell } from '../cell-type.js'
import { inferRowHeaders, leadingLabelRows } from '../headers.js'
import type { RawRow, RawTable } from '../raw.js'

/** Layouts whose fields sit at their true slot even when rows differ in length (tabs, GFM fields, aligned columns). */
const HINTED = new Set(['tab-row', 'tab-cell', 'broken-gfm', 'spaces'])

/** Where a row's cells sit: the field index the layout gives, else their order. */
function positions(table: RawTable, row: RawRow): number[] {
  return row.cells.map((cell, i) => (HINTED.has(table.layout) && cell.hint !== undefined ? cell.hint : i))
}

/** Non-empty rows, the ones every reading keeps. */
const rowsOf = (table: RawTable) => table.rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''))

/**
 * Does the source fix the grid? Every row has the same number of fields
 * (at least two), and none lost a slot to a merged cell: for pipe rows, the
 * row is not padded (cells fill every slot). Tab rows give every field its
 * slot, so a row that ends early (its last tabs dropped) lost only empty
 * slots: they fix the grid when the first row is the widest.
 */
export function fixesGrid(table: RawTable): boolean {
  if (table.layout === 'spaces') return false
  const rows = rowsOf(table)
  if (rows.length < 2) return false
  if (table.layout === 'tab-row') {
    const head = rows[0].slots
    return head !== undefined && head >= 2 && rows.every((row) => row.slots !== undefined && row.slots <= head)
  }
  const width = (row: RawRow) => (table.layout === 'pipe-row' || table.layout === 'pipe-cell' ? row.cells.length : row.slots)
  const first = width(rows[0])
  if (first === undefined || first < 2) return false
  for (const row of rows) {
    if (width(row) !== first) return false
    if (row.slots !== undefined && row.slots !== first) return false
  }
  return true
}

/** Header rows of a grid without spans: the leading rows of labels above rows of data (at most 3), else one. */
function headRowsOf(rows: string[][]): number {
  // A placeholder (`N/A`, `—`) heads a column as often as it fills one: it does not make a row data.
  const telling = rows.map((cells) => cells.filter((t) => t !== '' && typeCell(t) !== 'placeholder'))
  const head = leadingLabelRows(telling)
  if (head > 0) return Math.min(head, 3)
  const anyData = telling.some((cells) => cells.some((t) => cellKind(t) === 'value'))
  // A text-only table: its first row is the head. A table of values with no label row on top has none.
  return anyData ? 0 : rows.length > 1 ? 1 : 0
}

/** The naive split, with header rows and row headers inferred. */
export function plainGrid(table: RawTable): Grid<string> {
  const rows = rowsOf(table)
  const texts: string[][] = []
  const cells: GridCell<string>[] = []
  let cols = 0
  rows.forEach((row, r) => {
    const at = positions(table, row)
    const line: string[] = []
    row.cells.forEach((cell, i) => {
      const text = normalizeCellText(cell.text)
      // Two fields claiming one slot (hints out of order) keep reading order instead.
      const col = Math.max(at[i], i === 0 ? 0 : cells[cells.length - 1]?.row === r ? cells[cells.length - 1].col + 1 : 0)
      cells.push({ row: r, col, rowSpan: 1, colSpan: 1, header: false, content: text })
      line.push(text)
      cols = Math.max(cols, col + 1)
    })
    texts.push(line)
  })
  const { grid } = normalizeGrid({ rows: rows.length, cols, headerRows: 0, cells }, () => '')
  return decideHeaders(grid)
}

/**
 * A first row with a label of its own over every column (no title, no
 * group spanning columns), and a second row that starts with text of its
 * own, is the whole head: a second head row sits under groups (so the first
 * row spans or leaves slots empty) or beside a stub that spans down (so its
 * first slot is not its own). Rows of labels below such a
 * first row are body rows, however few figures they hold.
 */
function firstRowHeadsAlone(grid: Grid<string>): boolean {
  const covered = new Array<boolean>(grid.cols).fill(false)
  let secondStarts = false
  for (const cell of grid.cells) {
    if (cell.row === 0 && cell.content.trim() !== '' && cell.colSpan === 1) covered[cell.col] = true
    if (cell.row === 1 && cell.col === 0 && cell.content.trim() !== '') secondStarts = true
  }
  return secondStarts && covered.every(Boolean)
}

/**
 * The table core's header decision on a grid whose cells are placed: header
 * rows are the leading rows of labels above rows of data (a text-only
 * table's first row), grown over head cells that span down; row headers as
 * `inferRowHeaders` finds them. Any header flags the grid had are replaced.
 */
export function decideHeaders(grid: Grid<string>): Grid<string> {
  const texts: string[][] = Array.from({ length: grid.rows }, () => [])
  for (const cell of [...grid.cells].sort((a, b) => a.col - b.col)) if (cell.content.trim() !== '') texts[cell.row].push(cell.content)
  let headerRows = headRowsOf(texts)
  if (headerRows > 1 && firstRowHeadsAlone(grid)) headerRows = 1
  for (let grown = headerRows > 0; grown; ) {
    grown = false
    for (const cell of grid.cells) {
      if (cell.row < headerRows && cell.row + cell.rowSpan > headerRows && cell.row + cell.rowSpan < grid.rows) {
        headerRows = cell.row + cell.rowSpan
        grown = true
      }
    }
  }
  const cells = grid.cells.map((cell) => ({ ...cell, header: cell.row < headerRows }))
  return inferRowHeaders({ ...grid, headerRows, cells }, (t: string) => t)
}

/**
 * Does `grid` keep the plain reading's evidence? Same size; every value at
 * the slot the source gave it; every label in its own row, where it may sit
 * in a slot the plain reading left empty (a label shifted by the paste, a
 * row label put at the depth of its numbering). Spans may cover only slots
 * the plain reading left empty. With `valuesMaySpan` (positions that are
 * column extents, not slots), a value may also widen over its neighbours'
 * empty slots, as under a spanning header, as long as it covers its own.
 * With `fixedGrid` (the source fixes the grid), a label may only move
 * right, undoing a paste that pushed it into an empty slot before it, and
 * only out of a column the source leaves empty in another row: where
 * nothing shows that cells of that column span rows, it stays where it is.
 */
export function keepsFields(grid: Grid<string>, plain: Grid<string>, { valuesMaySpan = false, fixedGrid = false } = {}): boolean {
  if (grid.rows !== plain.rows || grid.cols !== plain.cols) return false
  const at = new Map<number, string>()
  const labelsIn = new Map<number, { text: string; col: number }[]>()
  for (const cell of grid.cells) {
    at.set(cell.row * grid.cols + cell.col, cell.content)
    if (cell.content !== '') labelsIn.set(cell.row, [...(labelsIn.get(cell.row) ?? []), { text: cell.content, col: cell.col }])
    // With valuesMaySpan, a value widened under a spanning header still sits over the slot it had.
    if (valuesMaySpan) for (let c = cell.col + 1; c < cell.col + cell.colSpan; c++) at.set(cell.row * grid.cols + c, cell.content)
  }
  const plainAt = new Map<number, string>()
  for (const cell of plain.cells) plainAt.set(cell.row * plain.cols + cell.col, cell.content)
  // Columns with an empty slot, and in how many rows: where a span from above may cover a slot.
  const emptyIn = new Map<number, number>()
  for (let r = 0; r < plain.rows; r++) for (let c = 0; c < plain.cols; c++) if (!plainAt.get(r * plain.cols + c)) emptyIn.set(c, (emptyIn.get(c) ?? 0) + 1)
  for (const cell of plain.cells) {
    if (cell.content === '') continue
    const stays = at.get(cell.row * grid.cols + cell.col) === cell.content
    if (cellKind(cell.content) === 'value' || (fixedGrid && (emptyIn.get(cell.col) ?? 0) === 0)) {
      if (!stays) return false
    } else if (!stays && !(labelsIn.get(cell.row) ?? []).some((l) => l.text === cell.content && (!fixedGrid || l.col > cell.col))) return false
  }
  // A spanning cell may not swallow a field the source put in a slot of its own.
  for (const cell of grid.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        if (r === cell.row && c === cell.col) continue
        const there = plainAt.get(r * plain.cols + c)
        if (there && cellKind(there) === 'value' && !(valuesMaySpan && r === cell.row && there === cell.content)) return false
      }
    }
  }
  return true
}

/**
 * How far the body columns of a grid mix kinds: for each column, the cells
 * of its minority kind (values among labels, or labels among values), empty
 * cells aside; a spanning cell counts in the column it starts in. 0 when
 * every body column is of one kind: then the fields sit where the source
 * meant them, while a paste that lost or added a slot mixes kinds in a column.
 */
export function columnMixing(grid: Grid<string>): number {
  const counts = new Map<number, { value: number; label: number }>()
  for (const cell of grid.cells) {
    if (cell.row < grid.headerRows || cell.content === '') continue
    const count = counts.get(cell.col) ?? { value: 0, label: 0 }
    if (cellKind(cell.content) === 'value') count.value++
    else count.label++
    counts.set(cell.col, count)
  }
  let mixed = 0
  for (const { value, label } of counts.values()) mixed += Math.min(value, label)
  return mixed
}

/** Is every body column of the grid of one kind? */
export const columnsConsistent = (grid: Grid<string>): boolean => columnMixing(grid) === 0
