/**
 * A table that runs over a page end is drawn as two tables: one at the foot
 * of a page, one at the head of the next, with the same columns and often
 * the head rows repeated. They are joined back into one grid. Pure.
 */
import { type GridCell, normalizeGrid } from '../../../tables/grid.js'
import type { FlowItem } from './flow.js'
import { type CellText, type PageTable, emptyCell } from './table-types.js'

type Table = PageTable & { page: number; firstPage?: number }

/** Same number of columns, boundaries within a few points. */
function sameColumns(a: PageTable, b: PageTable): boolean {
  if (a.layout !== b.layout || a.columns.length !== b.columns.length) return false
  return a.columns.every((x, i) => Math.abs(x - b.columns[i]) <= 3)
}

const rowTexts = (t: PageTable, row: number) =>
  t.grid.cells
    .filter((c) => c.row === row)
    .map((c) => `${c.col}:${c.colSpan}:${c.content.text}`)
    .join('\u0000')

/** `b`'s rows appended to `a`; `b`'s head is dropped when it repeats `a`'s. */
export function joinTables(a: Table, b: Table): Table {
  const head = a.grid.headerRows
  let skip = 0
  if (head > 0 && b.grid.headerRows === head && Array.from({ length: head }, (_, r) => rowTexts(a, r) === rowTexts(b, r)).every(Boolean)) skip = head
  const cells: GridCell<CellText>[] = [
    ...a.grid.cells,
    ...b.grid.cells.filter((c) => c.row >= skip).map((c) => ({ ...c, row: c.row - skip + a.grid.rows, header: c.header && c.row >= b.grid.headerRows }))
  ]
  const rows = a.grid.rows + b.grid.rows - skip
  const { grid } = normalizeGrid({ rows, cols: a.grid.cols, headerRows: head, cells }, emptyCell)
  return { ...a, page: b.page, firstPage: a.firstPage ?? a.page, confidence: Math.min(a.confidence, b.confidence), grid }
}

/** Join each table that ends a page with the table that starts the next one, when their columns match. */
export function joinContinuedTables(flow: readonly FlowItem[]): FlowItem[] {
  const out: FlowItem[] = []
  for (const item of flow) {
    if (item.kind === 'table') {
      // Look back past the page's end for a table that ended the previous page.
      let k = out.length - 1
      let pageEnd = false
      while (k >= 0 && out[k].kind === 'break') {
        if ((out[k] as { page: boolean }).page) pageEnd = true
        k--
      }
      const prev = out[k]
      if (pageEnd && prev?.kind === 'table' && prev.page + 1 === item.page && sameColumns(prev, item)) {
        out.splice(k, out.length - k, joinTables(prev, item))
        continue
      }
    }
    out.push(item)
  }
  return out
}
