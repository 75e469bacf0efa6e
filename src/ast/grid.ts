/**
 * The grid model: a table as origin cells with explicit positions and spans.
 *
 * This module owns the grid invariant (every slot is covered by exactly one
 * cell, spans stay inside the table). Readers may hand in rough rows; after
 * `placeRows` or `normalizeGrid` nothing downstream needs to check again.
 *
 *     col:    0     1     2
 *           ┌─────────────┬─────┐
 *   row 0   │ A (colSpan 2)│  B  │   cells: A(0,0 1×2) B(0,2)
 *           ├─────┬───────┤     │          C(1,0) D(1,1) B covers (1,2)
 *   row 1   │  C  │   D   │     │
 *           └─────┴───────┴─────┘
 */
import { ConversionError } from '../errors.js'

export interface GridCell<C> {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  header: boolean
  content: C
}

export interface Grid<C> {
  rows: number
  cols: number
  /** Leading rows that form the table head. */
  headerRows: number
  /** Origin cells in reading order (by row, then column). */
  cells: GridCell<C>[]
}

/** A cell as a row-by-row source lists it: no position, slots under spans omitted. */
export interface RowCell<C> {
  rowSpan?: number
  colSpan?: number
  header?: boolean
  content: C
}

/** Reports what normalization had to change, so readers can warn. */
export interface GridFixes {
  clamped: number
  overlaps: number
  padded: number
}

const MAX_SPAN = 1000

/**
 * Empty slots (covered or padding) a table may have beyond its cells. Spans
 * and ragged rows can make a few kilobytes claim millions of slots, each an
 * object in every later stage; past this, and when the grid is mostly
 * empty, the table is refused rather than letting the conversion run away.
 */
export const MAX_EMPTY_SLOTS = 200_000

function spanOf(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return 1
  return Math.min(Math.floor(value), MAX_SPAN)
}

/**
 * Lay out rows the way browsers lay out HTML tables: each cell takes the next
 * slot not covered by a row span from above; spans that would overlap are
 * shrunk; short rows are padded with `empty()` cells.
 * A `rowSpan` of 0 means "to the last row", as in HTML.
 */
export function placeRows<C>(
  rows: RowCell<C>[][],
  empty: () => C,
  headerRows = 0
): { grid: Grid<C>; fixes: GridFixes } {
  const fixes: GridFixes = { clamped: 0, overlaps: 0, padded: 0 }
  const rowCount = rows.length
  const occupied: boolean[][] = rows.map(() => [])
  const cells: GridCell<C>[] = []
  let cols = 0

  for (let r = 0; r < rowCount; r++) {
    let c = 0
    for (const source of rows[r]) {
      while (occupied[r][c]) c++
      let rowSpan = source.rowSpan === 0 ? rowCount - r : spanOf(source.rowSpan)
      let colSpan = spanOf(source.colSpan)
      if (r + rowSpan > rowCount) {
        rowSpan = rowCount - r
        fixes.clamped++
      }
      // Shrink the column span at the first slot already taken in this row.
      for (let k = 1; k < colSpan; k++) {
        if (occupied[r][c + k]) {
          colSpan = k
          fixes.overlaps++
          break
        }
      }
      // Shrink the row span at the first lower row where the area is taken.
      for (let rr = r + 1; rr < r + rowSpan; rr++) {
        let taken = false
        for (let k = 0; k < colSpan; k++) if (occupied[rr][c + k]) taken = true
        if (taken) {
          rowSpan = rr - r
          fixes.overlaps++
          break
        }
      }
      for (let rr = r; rr < r + rowSpan; rr++) {
        for (let k = 0; k < colSpan; k++) occupied[rr][c + k] = true
      }
      cells.push({ row: r, col: c, rowSpan, colSpan, header: source.header === true, content: source.content })
      c += colSpan
      if (c > cols) cols = c
    }
    for (let k = 0; k < occupied[r].length; k++) if (occupied[r][k] && k + 1 > cols) cols = k + 1
  }

  const narrowed = dropSpanOnlyColumns(cells, cols)
  const grid: Grid<C> = { rows: rowCount, cols: narrowed, headerRows: Math.max(0, Math.min(headerRows, rowCount)), cells }
  // The cells were made here: a valid grid is used as it is, not copied (one object less per cell).
  if (isNormalGrid(grid)) return { grid, fixes }
  const { grid: normal, fixes: more } = normalizeGrid(grid, empty)
  fixes.padded += more.padded
  return { grid: normal, fixes }
}

/**
 * Remove columns in which no cell starts (they hold only slots covered by a
 * column span from the left, or nothing): browsers draw them zero-wide, and
 * `colspan="1000"` must not make a thousand columns. Spans crossing a removed
 * column shrink. Changes `cells` in place; returns the new column count.
 */
function dropSpanOnlyColumns<C>(cells: GridCell<C>[], cols: number): number {
  const starts = new Array<boolean>(cols).fill(false)
  for (const cell of cells) starts[cell.col] = true
  if (starts.every(Boolean)) return cols
  // before[c]: how many starting columns lie left of column c.
  const before = new Array<number>(cols + 1).fill(0)
  for (let c = 0; c < cols; c++) before[c + 1] = before[c] + (starts[c] ? 1 : 0)
  for (const cell of cells) {
    const end = Math.min(cols, cell.col + cell.colSpan)
    cell.colSpan = before[end] - before[cell.col]
    cell.col = before[cell.col]
  }
  return before[cols]
}

/**
 * Make any positioned grid valid: clamp spans to the table, resolve overlaps
 * (an earlier span is cut back so a later cell keeps its slot: text is never
 * dropped), fill uncovered slots with `empty()` cells, sort in reading order,
 * and mark head cells as headers.
 */
export function normalizeGrid<C>(input: Grid<C>, empty: () => C): { grid: Grid<C>; fixes: GridFixes } {
  const fixes: GridFixes = { clamped: 0, overlaps: 0, padded: 0 }
  // Most grids arrive valid (built by placeRows or inference): a linear check, and copies of the cells.
  if (isNormalGrid(input)) {
    return { grid: { rows: input.rows, cols: input.cols, headerRows: input.headerRows, cells: input.cells.map((cell) => ({ ...cell })) }, fixes }
  }
  let rows = Math.max(0, Math.ceil(input.rows))
  let cols = Math.max(0, Math.ceil(input.cols))
  for (const cell of input.cells) {
    rows = Math.max(rows, Math.floor(cell.row) + 1)
    cols = Math.max(cols, Math.floor(cell.col) + 1)
  }
  const emptySlots = rows * cols - input.cells.length
  if (emptySlots > MAX_EMPTY_SLOTS && emptySlots > 4 * input.cells.length) {
    throw new ConversionError(
      `a table would need a ${rows}×${cols} grid for its ${input.cells.length} cells (merged cells or ragged rows out of all proportion)`,
      'limit'
    )
  }
  // Whole slot positions: a cell is kept by walking the slots, so a fractional one would be lost.
  const cells = readingOrder(
    input.cells.map((cell) => ({ ...cell, row: Math.floor(cell.row), col: Math.floor(cell.col), rowSpan: spanOf(cell.rowSpan), colSpan: spanOf(cell.colSpan) })),
    rows,
    cols
  )

  // owner[r * cols + c]: index in `cells` of the cell covering slot (r, c), or -1.
  // A plain array: tables are small, and small typed arrays cost more to allocate.
  let owner: number[] = new Array<number>(rows * cols).fill(-1)
  const at = (r: number, c: number) => owner[r * cols + c]
  const set = (r: number, c: number, index: number) => {
    owner[r * cols + c] = index
  }
  const widen = () => {
    const wider: number[] = []
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) wider.push(owner[r * cols + c])
      wider.push(-1)
    }
    owner = wider
    cols++
  }
  const release = (index: number, keepRows: number, keepCols: number) => {
    const o = cells[index]
    for (let rr = o.row; rr < o.row + o.rowSpan; rr++) {
      for (let cc = o.col; cc < o.col + o.colSpan; cc++) {
        if (rr - o.row >= keepRows || cc - o.col >= keepCols) set(rr, cc, -1)
      }
    }
    o.rowSpan = keepRows
    o.colSpan = keepCols
  }
  const startsAt = (index: number, r: number, c: number) => index !== -1 && cells[index].row === r && cells[index].col === c

  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (cell.row < 0 || cell.col < 0) throw new RangeError('grid cell at a negative position')
    if (cell.row + cell.rowSpan > rows) {
      cell.rowSpan = rows - cell.row
      fixes.clamped++
    }
    if (cell.col + cell.colSpan > cols) {
      cell.colSpan = cols - cell.col
      fixes.clamped++
    }
    if (startsAt(at(cell.row, cell.col), cell.row, cell.col)) {
      // Two cells claim one slot: the later one moves right (growing the table if need be), never dropped.
      fixes.overlaps++
      let c = cell.col + 1
      while (c < cols && at(cell.row, c) !== -1 && cells[at(cell.row, c)].row === cell.row) c++
      if (c >= cols) {
        widen()
        c = cols - 1
      }
      cell.col = c
      cell.colSpan = 1
    }
    const prior = at(cell.row, cell.col)
    if (prior !== -1) {
      const o = cells[prior]
      fixes.overlaps++
      if (o.row < cell.row) release(prior, cell.row - o.row, o.colSpan)
      else release(prior, o.rowSpan, cell.col - o.col)
    }
    for (let k = 1; k < cell.colSpan; k++) {
      if (at(cell.row, cell.col + k) !== -1) {
        cell.colSpan = k
        fixes.overlaps++
        break
      }
    }
    for (let rr = cell.row + 1; rr < cell.row + cell.rowSpan; rr++) {
      let taken = false
      for (let k = 0; k < cell.colSpan; k++) if (at(rr, cell.col + k) !== -1) taken = true
      if (taken) {
        cell.rowSpan = rr - cell.row
        fixes.overlaps++
        break
      }
    }
    for (let rr = cell.row; rr < cell.row + cell.rowSpan; rr++) {
      for (let cc = cell.col; cc < cell.col + cell.colSpan; cc++) set(rr, cc, i)
    }
  }

  // Walking the slots in order yields the cells in reading order, padding included.
  const filled: GridCell<C>[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const index = at(r, c)
      if (index === -1) {
        filled.push({ row: r, col: c, rowSpan: 1, colSpan: 1, header: false, content: empty() })
        fixes.padded++
      } else if (startsAt(index, r, c)) filled.push(cells[index])
    }
  }
  const headerRows = Math.max(0, Math.min(input.headerRows, rows))
  for (const cell of filled) if (cell.row < headerRows) cell.header = true
  return { grid: { rows, cols, headerRows, cells: filled }, fixes }
}

/**
 * Cells sorted by row, then column, cells on one slot keeping their order:
 * a counting sort over the slots (linear; inference lists cells nearly but
 * not quite in order), or a comparison sort for positions off the grid.
 */
function readingOrder<C>(cells: GridCell<C>[], rows: number, cols: number): GridCell<C>[] {
  let sorted = true
  for (let i = 0; i < cells.length; i++) {
    const { row, col } = cells[i]
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= rows || col >= cols) {
      return cells.sort((a, b) => a.row - b.row || a.col - b.col)
    }
    if (i > 0 && (cells[i - 1].row > row || (cells[i - 1].row === row && cells[i - 1].col > col))) sorted = false
  }
  if (sorted) return cells
  const start = new Array<number>(rows * cols + 1).fill(0)
  for (const cell of cells) start[cell.row * cols + cell.col + 1]++
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1]
  const out = new Array<GridCell<C>>(cells.length)
  for (const cell of cells) out[start[cell.row * cols + cell.col]++] = cell
  return out
}

/** Grids larger than this are never checked slot by slot here; `normalizeGrid` decides about them. */
const MAX_CHECKED_SLOTS = 4_000_000

/**
 * Whether a grid already holds the invariant `normalizeGrid` establishes:
 * integer positions, cells in reading order, spans inside the table, every
 * slot covered exactly once, head cells marked. Checked, never assumed.
 */
export function isNormalGrid<C>(grid: Grid<C>): boolean {
  const { rows, cols, headerRows, cells } = grid
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || !Number.isInteger(headerRows)) return false
  if (rows < 0 || cols < 0 || headerRows < 0 || headerRows > rows || rows * cols > MAX_CHECKED_SLOTS) return false
  // Leave grids that merged cells blow out of proportion to normalizeGrid's limit.
  const spare = rows * cols - cells.length
  if (spare > MAX_EMPTY_SLOTS && spare > 4 * cells.length) return false
  const covered = new Uint8Array(rows * cols)
  let slots = 0
  let lastRow = -1
  let lastCol = -1
  for (const cell of cells) {
    const { row, col, rowSpan, colSpan } = cell
    if (!Number.isInteger(row) || !Number.isInteger(col) || !Number.isInteger(rowSpan) || !Number.isInteger(colSpan)) return false
    if (row < lastRow || (row === lastRow && col <= lastCol)) return false
    if (row < 0 || col < 0 || rowSpan < 1 || colSpan < 1 || rowSpan > MAX_SPAN || colSpan > MAX_SPAN) return false
    if (row + rowSpan > rows || col + colSpan > cols) return false
    if (row < headerRows && !cell.header) return false
    for (let r = row; r < row + rowSpan; r++) {
      for (let c = col; c < col + colSpan; c++) {
        const k = r * cols + c
        if (covered[k] === 1) return false
        covered[k] = 1
      }
    }
    slots += rowSpan * colSpan
    lastRow = row
    lastCol = col
  }
  return slots === rows * cols
}

/** For each slot, the index in `grid.cells` of the cell covering it. */
export function ownerMatrix<C>(grid: Grid<C>): number[][] {
  const owner: number[][] = Array.from({ length: grid.rows }, () => new Array<number>(grid.cols).fill(-1))
  grid.cells.forEach((cell, index) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner[r][c] = index
    }
  })
  return owner
}

/** Map cell contents, keeping the structure. */
export function mapGrid<A, B>(grid: Grid<A>, fn: (content: A, cell: GridCell<A>) => B): Grid<B> {
  return { ...grid, cells: grid.cells.map((cell) => ({ ...cell, content: fn(cell.content, cell) })) }
}
