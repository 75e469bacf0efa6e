/**
 * A table that runs over a page end is drawn as two tables: one at the foot
 * of a page, one at the head of the next, with the same columns and often
 * the head rows repeated. They are joined back into one grid. Pure.
 */
import { type GridCell, normalizeGrid } from '../../../ast/grid.js'
import type { DroppedText, FlowItem } from './flow.js'
import { cluster } from './geometry.js'
import { type CellText, type PageTable, emptyCell } from './table-types.js'

type Table = PageTable & { page: number; firstPage?: number }

/** Column boundaries closer than this are the same rule. */
const SAME_X = 3

const near = (a: number, b: number) => Math.abs(a - b) <= SAME_X

/**
 * The column boundaries both parts can be laid on, or null when they are
 * not one table: same outer edges, and (for tables found from alignment,
 * whose boundaries are estimates) the same columns.
 */
function sharedColumns(a: PageTable, b: PageTable): number[] | null {
  if (a.layout !== b.layout) return null
  const [a1, a2] = [a.columns[0], a.columns[a.columns.length - 1]]
  const [b1, b2] = [b.columns[0], b.columns[b.columns.length - 1]]
  if (!near(a1, b1) || !near(a2, b2)) return null
  if (a.layout === 'pdf-aligned') return a.columns.length === b.columns.length && a.columns.every((x, i) => near(x, b.columns[i])) ? a.columns : null
  // A ruled table split over pages may draw a column rule only where rows below need it.
  return cluster([...a.columns, ...b.columns], SAME_X)
}

/** A table's cells laid on finer column boundaries (each old column covers one or more new ones). */
function onColumns(table: Table, bounds: readonly number[]): Table {
  const at = (x: number) => bounds.findIndex((b) => near(b, x))
  const cells = table.grid.cells.map((c) => {
    const col = at(table.columns[c.col])
    return { ...c, col, colSpan: at(table.columns[c.col + c.colSpan]) - col }
  })
  return { ...table, columns: [...bounds], grid: { ...table.grid, cols: bounds.length - 1, cells } }
}

const rowTexts = (t: PageTable, row: number) =>
  t.grid.cells
    .filter((c) => c.row === row)
    .map((c) => `${c.col}:${c.colSpan}:${c.content.text}`)
    .join('\u0000')

/** `b`'s rows appended to `a`; `b`'s head is dropped when it repeats `a`'s. */
export function joinTables(a: Table, b: Table, dropped?: DroppedText[]): Table {
  const head = a.grid.headerRows
  let skip = 0
  if (head > 0 && b.grid.headerRows >= head && Array.from({ length: head }, (_, r) => rowTexts(a, r) === rowTexts(b, r)).every(Boolean)) skip = head
  for (const c of b.grid.cells) if (c.row < skip && c.content.text) dropped?.push({ page: b.page, text: c.content.text, reason: 'repeated-header' })
  const cells: GridCell<CellText>[] = [
    ...a.grid.cells,
    ...b.grid.cells.filter((c) => c.row >= skip).map((c) => ({ ...c, row: c.row - skip + a.grid.rows, header: c.header && c.row >= b.grid.headerRows }))
  ]
  const rows = a.grid.rows + b.grid.rows - skip
  const { grid } = normalizeGrid({ rows, cols: a.grid.cols, headerRows: head, cells }, emptyCell)
  return { ...a, page: b.page, firstPage: a.firstPage ?? a.page, confidence: Math.min(a.confidence, b.confidence), grid }
}

/** Join each table that ends a page with the table that starts the next one, when their columns match. */
export function joinContinuedTables(flow: readonly FlowItem[], dropped?: DroppedText[]): FlowItem[] {
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
      const bounds = pageEnd && prev?.kind === 'table' && prev.page + 1 === item.page ? sharedColumns(prev, item) : null
      if (prev?.kind === 'table' && bounds) {
        out.splice(k, out.length - k, joinTables(onColumns(prev, bounds), onColumns(item, bounds), dropped))
        continue
      }
    }
    out.push(item)
  }
  return out
}
