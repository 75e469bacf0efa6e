/**
 * A table that runs over a page end is drawn as two tables: one at the foot
 * of a page, one at the head of the next, with the same columns and often
 * the head rows repeated. They are joined back into one grid. Pure.
 */
import { type GridCell, normalizeGrid } from '../../../ast/grid.js'
import type { DroppedText, FlowItem } from './flow.js'
import { cluster } from './geometry.js'
import { joinLines } from './join-lines.js'
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

/**
 * Whether `b`'s row `first` is the rest of `a`'s last row, cut by the page
 * end (word processors let a row break across pages): its first column is
 * empty where every row of `a` below the head fills it, and each of its
 * cells lies under a cell of that last row, with the same columns.
 */
function endOfSplitRow(a: PageTable, b: PageTable, first: number): boolean {
  const body = a.grid.cells.filter((c) => c.row >= a.grid.headerRows)
  const last = a.grid.cells.filter((c) => c.row + c.rowSpan === a.grid.rows)
  const row = b.grid.cells.filter((c) => c.row === first && c.content.text)
  if (first >= b.grid.rows || body.length === 0 || row.length === 0) return false
  const keyed = (rowOf: (c: GridCell<CellText>) => boolean) => body.some((c) => rowOf(c) && c.col === 0 && c.content.text)
  for (let r = a.grid.headerRows; r < a.grid.rows; r++) if (!keyed((c) => c.row === r)) return false
  if (row.some((c) => c.col === 0) || b.grid.cells.some((c) => c.row === first && c.rowSpan > 1)) return false
  return row.every((c) => last.some((l) => l.row === a.grid.rows - 1 && l.col === c.col && l.colSpan === c.colSpan))
}

/**
 * `b`'s rows appended to `a`; `b`'s head is dropped when it repeats `a`'s,
 * and a row the page end cut in two is made whole again.
 */
/** How many head rows of `a` that `b` repeats at its top (all of them, or none). */
function repeatedHead(a: PageTable, b: PageTable): number {
  const head = a.grid.headerRows
  return head > 0 && b.grid.headerRows >= head && Array.from({ length: head }, (_, r) => rowTexts(a, r) === rowTexts(b, r)).every(Boolean) ? head : 0
}

export function joinTables(a: Table, b: Table, dropped?: DroppedText[]): Table {
  const head = a.grid.headerRows
  const skip = repeatedHead(a, b)
  for (const c of b.grid.cells) if (c.row < skip && c.content.text) dropped?.push({ page: b.page, text: c.content.text, reason: 'repeated-header' })
  const split = endOfSplitRow(a, b, skip)
  const rest = split ? b.grid.cells.filter((c) => c.row === skip) : []
  const mended = a.grid.cells.map((c) => {
    const end = c.row === a.grid.rows - 1 ? rest.find((r) => r.col === c.col && r.content.text) : undefined
    return end ? { ...c, content: { text: joinLines(c.content.text, end.content.text), bold: c.content.bold && end.content.bold } } : c
  })
  const from = split ? skip + 1 : skip
  const cells: GridCell<CellText>[] = [
    ...mended,
    ...b.grid.cells.filter((c) => c.row >= from).map((c) => ({ ...c, row: c.row - from + a.grid.rows, header: c.header && c.row >= b.grid.headerRows }))
  ]
  const rows = a.grid.rows + b.grid.rows - from
  const { grid } = normalizeGrid({ rows, cols: a.grid.cols, headerRows: head, cells }, emptyCell)
  return { ...a, page: b.page, firstPage: a.firstPage ?? a.page, confidence: Math.min(a.confidence, b.confidence), grid }
}

/** A table this close (share of the text area's height) to the foot of the text area may run on over the page end. */
const FOOT = 0.25

/** Margins are at most this share of the page's height: the text area reaches at least this far. */
const MARGIN = 0.15

/**
 * The text area: from the highest top to the lowest foot of what any page
 * holds, and at least the page less its margins (a short document fills
 * none of its pages).
 */
function textArea(flow: readonly FlowItem[], pageHeight: number): { top: number; bottom: number } {
  let top = pageHeight * MARGIN
  let bottom = pageHeight * (1 - MARGIN)
  for (const item of flow) {
    const [y1, y2] = item.kind === 'line' ? [item.line.y - item.line.size, item.line.y] : item.kind === 'table' ? [item.box.y1, item.box.y2] : [top, bottom]
    top = Math.min(top, y1)
    bottom = Math.max(bottom, y2)
  }
  return { top, bottom }
}

/**
 * Join each table that ends a page with the table that starts the next one,
 * when their columns match and either the first reaches the foot of the text
 * area or the second repeats its head. A table that ends higher up, followed
 * by one with a head of its own, was not cut by the page end.
 */
export function joinContinuedTables(flow: readonly FlowItem[], dropped?: DroppedText[], pageHeight = 0): FlowItem[] {
  const area = textArea(flow, pageHeight)
  const reachesFoot = (t: PageTable) => t.box.y2 >= area.bottom - (area.bottom - area.top) * FOOT
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
        const [a, b] = [onColumns(prev, bounds), onColumns(item, bounds)]
        // Rows kept together (a row that may not break) can leave the foot of the page empty; a repeated head still says "continued".
        if (reachesFoot(prev) || repeatedHead(a, b) > 0) {
          out.splice(k, out.length - k, joinTables(a, b, dropped))
          continue
        }
      }
    }
    out.push(item)
  }
  return out
}
