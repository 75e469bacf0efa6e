/**
 * Rows the source wrote with their delimiters and nothing in them
 * (`|  |  |`): the inference reads only rows with text, and these are put
 * back afterwards as rows of empty cells, so a spacer row or an empty first
 * row is not lost. Only layouts whose delimiters fix a row (pipe rows, GFM
 * rows, tab rows) have such rows; a blank line is not one.
 */
import { type Grid, type GridCell, MAX_EMPTY_SLOTS } from '../ast/grid.js'
import type { RawRow, RawTable } from './raw.js'

const KEEPS_EMPTY_ROWS = new Set<RawTable['layout']>(['pipe-row', 'broken-gfm', 'tab-row'])

const isEmptyRow = (row: RawRow) => (row.slots ?? 0) >= 2 && row.cells.every((cell) => cell.text.trim() === '')

/**
 * The table without its empty rows, and where they stood: for each, how
 * many rows with text come before it. Nothing is taken out of a table that
 * has no row with text, or of a layout without delimited rows.
 */
export function takeEmptyRows(table: RawTable): { table: RawTable; before: number[] } {
  if (!KEEPS_EMPTY_ROWS.has(table.layout) || !table.rows.some(isEmptyRow) || table.rows.every(isEmptyRow)) return { table, before: [] }
  const before: number[] = []
  const rows: RawRow[] = []
  for (const row of table.rows) {
    if (isEmptyRow(row)) before.push(rows.length)
    else rows.push(row)
  }
  return { table: { ...table, rows }, before }
}

/**
 * Put the empty rows back into the grid inferred without them: each before
 * the row with text it stood before. A cell spanning down across one covers
 * it; a row inside the head (or above it) joins the head. Left out when the
 * empty cells would be out of all proportion (the grid model's limit).
 */
export function putBackEmptyRows(grid: Grid<string>, before: number[]): Grid<string> {
  if (before.length === 0 || grid.rows === 0 || before.length * grid.cols > MAX_EMPTY_SLOTS) return grid
  // New index of the row with text at r: r plus the empty rows that stood before or at it.
  const shift = new Array<number>(grid.rows + 1).fill(0)
  for (const at of before) shift[Math.min(at, grid.rows)]++
  const newIndex = new Array<number>(grid.rows)
  let seen = 0
  for (let r = 0; r < grid.rows; r++) {
    seen += shift[r]
    newIndex[r] = r + seen
  }
  const rows = grid.rows + before.length
  const cells: GridCell<string>[] = grid.cells.map((cell) => {
    const first = newIndex[cell.row]
    const last = newIndex[cell.row + cell.rowSpan - 1]
    return { ...cell, row: first, rowSpan: last - first + 1 }
  })
  const headerRows = grid.headerRows === 0 ? 0 : newIndex[grid.headerRows - 1] + 1
  const covered = new Uint8Array(rows * grid.cols)
  for (const cell of cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) for (let c = cell.col; c < cell.col + cell.colSpan; c++) covered[r * grid.cols + c] = 1
  }
  before.forEach((at, k) => {
    const row = at + k
    for (let col = 0; col < grid.cols; col++) {
      if (!covered[row * grid.cols + col]) cells.push({ row, col, rowSpan: 1, colSpan: 1, header: row < headerRows, content: '' })
    }
  })
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  return { rows, cols: grid.cols, headerRows, cells }
}
