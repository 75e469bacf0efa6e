/**
 * Grid columns that hold no text of their own. A rule drawn part of the way
 * down (under a head cell, or a short tick between two header boxes) adds a
 * grid line for the whole table; the strip it cuts off is then only ever
 * empty or covered by cells that reach into a neighbour:
 *
 *     │ label │   │  10 (span 2)  │   1   │     column 1: empty, or inside
 *     │ label │   │   -  (span 2) │   1   │     a span; column 2 only inside
 *                                                spans reaching into 3
 *
 * Such a column is removed (spans over it shrink by one), so the figures
 * sit under their heads. No text is lost: a cell with text in the column
 * always reaches another one. Pure.
 */
import { type Grid, type GridCell, normalizeGrid } from '../../../ast/grid.js'
import { type CellText, emptyCell } from './table-types.js'

/** An empty column narrower than this share of the median column holding text is a strip between rules, not a column. */
const NARROW = 0.5

const touches = (cell: GridCell<CellText>, c: number) => cell.col <= c && c <= cell.col + cell.colSpan - 1

/**
 * Whether column `c` is a strip cut off by a partial rule: its text (if
 * any) is only in cells that reach other columns too, and a cell spans
 * across it (the rule stops somewhere), or it is empty and narrow. A drawn
 * column left empty (a form's blank column, a column whose head is lost)
 * stays.
 */
function textless(grid: Grid<CellText>, c: number, width: number, typical: number): boolean {
  const touching = grid.cells.filter((cell) => touches(cell, c))
  if (!touching.every((cell) => !cell.content.text || cell.colSpan > 1)) return false
  return touching.some((cell) => cell.colSpan > 1) || width < typical * NARROW
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? 0 : sorted[sorted.length >> 1]
}

/** The grid without its textless columns, and the column boundaries kept (one fewer per column removed). */
export function withoutTextlessColumns(grid: Grid<CellText>, columns: readonly number[]): { grid: Grid<CellText>; columns: number[] } {
  let current = grid
  const bounds = [...columns]
  const withText = (c: number) => current.cells.some((cell) => cell.content.text && cell.colSpan === 1 && cell.col === c)
  const typical = median(Array.from({ length: current.cols }, (_, c) => c).filter(withText).map((c) => columns[c + 1] - columns[c]))
  for (let c = current.cols - 1; c >= 0 && current.cols > 2; c--) {
    if (!textless(current, c, bounds[c + 1] - bounds[c], typical)) continue
    const cells: GridCell<CellText>[] = []
    for (const cell of current.cells) {
      const last = cell.col + cell.colSpan - 1
      if (cell.col === c && last === c) continue
      if (cell.col > c) cells.push({ ...cell, col: cell.col - 1 })
      else if (last >= c) cells.push({ ...cell, colSpan: cell.colSpan - 1 })
      else cells.push(cell)
    }
    current = normalizeGrid({ ...current, cols: current.cols - 1, cells }, emptyCell).grid
    // The strip joins the neighbour its spans reach into: the boundary between them goes.
    bounds.splice(c + 1 < bounds.length - 1 ? c + 1 : c, 1)
  }
  return { grid: current, columns: bounds }
}
