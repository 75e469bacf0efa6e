/**
 * Rows that only carry the wrapped end of the cells above them. Some
 * producers shade or rule every text line of a table, so a label that wraps
 * ("Chlorine and inorganic compounds" / "(as HCl)") becomes a row of its
 * own. Such a row, whose only text continues the cell above it (it starts in
 * lower case or with a bracket, or the cell above left a bracket open) and
 * is not a figure, is folded back. Pure.
 */
import { type Grid, type GridCell, normalizeGrid, ownerMatrix } from '../../../ast/grid.js'
import { isNumeric } from './header-rows.js'
import { joinLines } from './join-lines.js'
import { type CellText, emptyCell } from './table-types.js'

const CONTINUES = /^[\p{Ll}(（[]/u

/** Text that leaves a bracket open (`Total Organic Carbon (as`) goes on in the line below. */
const leavesOpen = (text: string) => (text.match(/[(（[]/gu)?.length ?? 0) > (text.match(/[)）\]]/gu)?.length ?? 0)

function foldable(grid: Grid<CellText>, owner: number[][], r: number): boolean {
  if (r <= grid.headerRows) return false
  let text = 0
  for (let c = 0; c < grid.cols; c++) {
    const cell = grid.cells[owner[r][c]]
    // Cells reaching down from the row above are fine; cells of this row may not reach further.
    if (cell.row < r) continue
    if (cell.rowSpan !== 1) return false
    if (cell.col !== c || !cell.content.text) continue
    const above = grid.cells[owner[r - 1][c]]
    if (!(CONTINUES.test(cell.content.text) || leavesOpen(above.content.text)) || isNumeric(cell.content.text)) return false
    if (!above.content.text || above.col !== cell.col || above.colSpan !== cell.colSpan) return false
    text++
  }
  return text > 0
}

export function foldWrappedRows(grid: Grid<CellText>): Grid<CellText> {
  let current = grid
  for (let r = current.rows - 1; r > 0; r--) {
    const owner = ownerMatrix(current)
    if (!foldable(current, owner, r)) continue
    const cells: GridCell<CellText>[] = []
    const extra = new Map<number, string>()
    for (const cell of current.cells) {
      if (cell.row === r) {
        if (cell.content.text) extra.set(owner[r - 1][cell.col], cell.content.text)
        continue
      }
      cells.push(cell)
    }
    const folded = cells.map((cell) => {
      const index = current.cells.indexOf(cell)
      const more = extra.get(index)
      const content = more ? { ...cell.content, text: joinLines(cell.content.text, more) } : cell.content
      const spans = cell.row < r && cell.row + cell.rowSpan > r
      return { ...cell, row: cell.row > r ? cell.row - 1 : cell.row, rowSpan: spans ? cell.rowSpan - 1 : cell.rowSpan, content }
    })
    current = normalizeGrid({ ...current, rows: current.rows - 1, cells: folded }, emptyCell).grid
  }
  return current
}
