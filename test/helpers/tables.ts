/**
 * Tables of a sample as text grids, and an oracle that says, from the grid
 * alone, which headers each data cell sits under: the header cells covering
 * its row's leading slots, the header cells above it in the nearest run of
 * all-header rows (the head, or a sub-head inside the body), and the
 * nearest full-width header row above it (a section).
 */
import type { Table } from 'mdast'
import { visit } from 'unist-util-visit'
import { readDocument } from '../../src/convert.js'
import type { TextGrid } from '../../src/emit/text/table-grid.js'
import { tableGrid } from '../../src/emit/text/table.js'
import { ownerMatrix } from '../../src/ast/grid.js'

export async function sampleTables(bytes: Uint8Array): Promise<Table[]> {
  const { doc } = await readDocument(bytes)
  const tables: Table[] = []
  visit(doc.tree, 'table', (node) => {
    tables.push(node)
  })
  return tables
}

export const cellLine = (text: string) => text.replace(/\n/g, ' / ').trim()

export interface ExpectedCell {
  row: number
  col: number
  value: string
  rowHeaders: string[]
  /** Column and section headers, in no particular order. */
  otherHeaders: string[]
}

/** Every data cell with the headers it must be read with. */
export function expectedCells(node: Table): ExpectedCell[] {
  const grid: TextGrid = tableGrid(node)
  const owner = ownerMatrix(grid)
  const at = (r: number, c: number) => grid.cells[owner[r][c]]
  const allHeaders = (r: number) => owner[r].every((i) => grid.cells[i].header)
  const fullWidth = (r: number) => grid.cols > 1 && new Set(owner[r]).size === 1 && at(r, 0).header
  const text = (i: number) => cellLine(grid.cells[i].content)
  const out: ExpectedCell[] = []
  grid.cells.forEach((cell, index) => {
    if (cell.header || cell.row < grid.headerRows) return
    const rowHeaders: number[] = []
    for (let c = 0; c < grid.cols && at(cell.row, c).header; c++) if (!rowHeaders.includes(owner[cell.row][c])) rowHeaders.push(owner[cell.row][c])
    const others = new Set<number>()
    let r = cell.row - 1
    while (r >= 0 && !allHeaders(r)) r--
    for (; r >= 0 && allHeaders(r) && !fullWidth(r); r--) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) others.add(owner[r][c])
    }
    for (let s = cell.row - 1; s >= 0; s--) {
      if (fullWidth(s)) {
        others.add(owner[s][0])
        break
      }
    }
    out.push({
      row: cell.row,
      col: cell.col,
      value: text(index),
      rowHeaders: rowHeaders.map(text).filter(Boolean),
      otherHeaders: [...others].filter((i) => !rowHeaders.includes(i)).map(text).filter(Boolean)
    })
  })
  return out
}
