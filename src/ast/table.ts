/**
 * Conversions between canonical mdast tables and the grid model.
 *
 * Canonical form (see README, "The canonical AST"): every row has one
 * `tableCell` per grid column; a merged cell sits at its top-left slot with
 * `data.rowSpan`/`data.colSpan`, and each slot it covers holds an empty
 * `tableCell` with `data.covered: true`.
 */
import type { AlignType, PhrasingContent, Table, TableCell, TableRow } from 'mdast'
import './types.js'
import { type Grid, type GridFixes, type RowCell, isNormalGrid, mapGrid, normalizeGrid, placeRows } from './grid.js'

export type CellContent = PhrasingContent[]

const noContent = (): CellContent => []

/** Tables built here are canonical by construction: the pipeline need not normalize them again. */
const canonical = new WeakSet<Table>()

/** Whether a table was built by `gridToTable` (and so needs no normalizing). */
export function isCanonical(table: Table): boolean {
  return canonical.has(table)
}

/**
 * Build a canonical mdast table from a grid (made valid first unless it
 * already is). With `content`, the grid holds something else (source text)
 * that becomes each cell's content as its node is made: no second grid.
 */
export function gridToTable(grid: Grid<CellContent>, align?: AlignType[] | null): Table
export function gridToTable<C>(grid: Grid<C>, align: AlignType[] | null | undefined, content: (value: C) => CellContent): Table
export function gridToTable<C>(grid: Grid<C>, align?: AlignType[] | null, content?: (value: C) => CellContent): Table {
  // Only reads the grid, so a valid one is used as it is, without copying its cells.
  if (isNormalGrid(grid)) return canonicalTable(grid, align, content ?? ((value) => value as CellContent))
  const mapped = content ? mapGrid(grid, content) : (grid as Grid<CellContent>)
  return canonicalTable(normalizeGrid(mapped, noContent).grid, align, (value) => value)
}

/** The table of a normal grid (see `isNormalGrid`). */
function canonicalTable<C>(g: Grid<C>, align: AlignType[] | null | undefined, content: (value: C) => CellContent): Table {
  const slots: TableCell[][] = Array.from({ length: g.rows }, () => new Array<TableCell>(g.cols))
  for (const cell of g.cells) {
    const node: TableCell = { type: 'tableCell', children: content(cell.content) }
    if (cell.rowSpan > 1 || cell.colSpan > 1 || cell.header) {
      const data: NonNullable<TableCell['data']> = {}
      if (cell.rowSpan > 1) data.rowSpan = cell.rowSpan
      if (cell.colSpan > 1) data.colSpan = cell.colSpan
      if (cell.header) data.header = true
      node.data = data
    }
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        slots[r][c] = r === cell.row && c === cell.col ? node : { type: 'tableCell', children: [], data: { covered: true } }
      }
    }
  }
  const rows: TableRow[] = slots.map((cells) => ({ type: 'tableRow', children: cells }))
  const alignment: AlignType[] = Array.from({ length: g.cols }, (_, i) => align?.[i] ?? null)
  const table: Table = { type: 'table', align: alignment, children: rows, data: { headerRows: g.headerRows } }
  canonical.add(table)
  return table
}

/**
 * Read any mdast table into the grid model. Canonical tables keep their
 * positions; tables from other tools that carry spans but list only origin
 * cells (HTML style) are laid out the way browsers do; rows that are short
 * are padded. Without `data.headerRows`, GFM semantics apply: one head row.
 */
export function tableToGrid(table: Table): { grid: Grid<CellContent>; fixes: GridFixes } {
  const rows = table.children
  const headerRows = table.data?.headerRows ?? (rows.length > 0 ? 1 : 0)
  const anyCovered = rows.some((row) => row.children.some((cell) => cell.data?.covered))
  const anySpan = rows.some((row) =>
    row.children.some((cell) => (cell.data?.rowSpan ?? 1) > 1 || (cell.data?.colSpan ?? 1) > 1)
  )
  if (anySpan && !anyCovered) {
    const spec: RowCell<CellContent>[][] = rows.map((row) =>
      row.children.map((cell) => ({
        rowSpan: cell.data?.rowSpan ?? 1,
        colSpan: cell.data?.colSpan ?? 1,
        header: cell.data?.header === true,
        content: cell.children
      }))
    )
    return placeRows(spec, noContent, headerRows)
  }
  const cells: Grid<CellContent>['cells'] = []
  let cols = 0
  rows.forEach((row, r) => {
    cols = Math.max(cols, row.children.length)
    row.children.forEach((cell, c) => {
      if (cell.data?.covered) return
      cells.push({
        row: r,
        col: c,
        rowSpan: cell.data?.rowSpan ?? 1,
        colSpan: cell.data?.colSpan ?? 1,
        header: cell.data?.header === true,
        content: cell.children
      })
    })
  })
  const grid: Grid<CellContent> = { rows: rows.length, cols, headerRows, cells }
  // The cells were just made here, so a valid grid needs no copy (a large table has a million cells).
  return isNormalGrid(grid) ? { grid, fixes: { clamped: 0, overlaps: 0, padded: 0 } } : normalizeGrid(grid, noContent)
}

/** The one smart constructor: any mdast table in, a canonical one out. */
export function normalizeTable(table: Table): { table: Table; fixes: GridFixes } {
  const { grid, fixes } = tableToGrid(table)
  const result = gridToTable(grid, table.align)
  const data = { ...table.data, ...result.data }
  result.data = data
  if (table.position) result.position = table.position
  return { table: result, fixes }
}
