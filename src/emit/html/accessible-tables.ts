/**
 * Table accessibility, applied to sanitized hast (so the ids are ours):
 *
 * - `<tbody>` row groups: a new one at each section row and sub-head run in
 *   the body, and around each outermost row header that spans rows;
 * - `scope` on every `<th>`: `col`/`colgroup` (head cells, spanning or not),
 *   `row`/`rowgroup` (a row header that heads its whole row group);
 * - in complex tables (see `isComplexTable`) every data cell lists its
 *   headers by id (`headers`), since `scope` alone cannot say which of
 *   several spanning heads a cell sits under;
 * - the table in a focusable scrolling region (`<section class="table-scroll"
 *   aria-label tabindex=0>`) labelled by its caption.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { analyzeHeaders, type HeaderModel, isComplexTable } from '../../tables/header-model.js'
import { type Grid, type RowCell, placeRows } from '../../ast/grid.js'

type CellGrid = Grid<Element | null>

/** Makes ids unique across the page (headings and tables share it). */
export interface IdMaker {
  slug(value: string): string
}

export interface TableContext {
  ids: IdMaker
  /** Region label for a table without a caption, from its 1-based number. */
  fallbackLabel: (n: number) => string
}

const isElement = (node: ElementContent | undefined, ...names: string[]): node is Element =>
  node?.type === 'element' && names.includes(node.tagName)

function span(value: unknown): number {
  const n = Number(value ?? 1)
  return Number.isInteger(n) && n > 0 ? n : 1
}

/** The table's rows (head first), its caption and the grid they form. */
function readTable(table: Element): { caption: Element | undefined; rows: Element[]; grid: CellGrid } {
  const caption = table.children.find((c): c is Element => isElement(c, 'caption'))
  const head = table.children.filter((c): c is Element => isElement(c, 'thead')).flatMap((s) => s.children)
  const body = table.children.filter((c): c is Element => isElement(c, 'tbody', 'tfoot')).flatMap((s) => s.children)
  const headRows = head.filter((c): c is Element => isElement(c, 'tr'))
  const rows = [...headRows, ...body.filter((c): c is Element => isElement(c, 'tr'))]
  const spec: RowCell<Element | null>[][] = rows.map((tr) =>
    tr.children
      .filter((c): c is Element => isElement(c, 'th', 'td'))
      .map((cell) => ({
        rowSpan: span(cell.properties.rowSpan),
        colSpan: span(cell.properties.colSpan),
        header: cell.tagName === 'th',
        content: cell
      }))
  )
  return { caption, rows, grid: placeRows(spec, () => null, headRows.length).grid }
}

/** Body row indices where a new `<tbody>` starts (never inside a row span). */
function groupStarts(grid: CellGrid, model: HeaderModel): number[] {
  const crossed = (r: number) => grid.cells.some((cell) => cell.row < r && cell.row + cell.rowSpan > r)
  const starts = new Set<number>([grid.headerRows])
  for (let r = grid.headerRows + 1; r < grid.rows; r++) {
    const kind = model.kinds[r]
    if (kind === 'section' || (kind === 'subhead' && model.kinds[r - 1] === 'data')) starts.add(r)
  }
  for (const cell of grid.cells) {
    if (cell.row < grid.headerRows || cell.col !== 0 || !cell.header || cell.rowSpan < 2) continue
    starts.add(cell.row)
    if (cell.row + cell.rowSpan < grid.rows) starts.add(cell.row + cell.rowSpan)
  }
  return [...starts].filter((r) => r === grid.headerRows || !crossed(r)).sort((a, b) => a - b)
}

function scopeOf(grid: CellGrid, model: HeaderModel, index: number, groups: number[]): string {
  const cell = grid.cells[index]
  const kind = model.kinds[cell.row]
  if (kind === 'section') return 'rowgroup'
  if (kind === 'head' || kind === 'subhead') return cell.colSpan > 1 ? 'colgroup' : 'col'
  // A row header heads its row group when it spans all of it.
  const start = groups.includes(cell.row) ? cell.row : -1
  const next = groups.find((r) => r > cell.row) ?? grid.rows
  return cell.rowSpan > 1 && start === cell.row && cell.row + cell.rowSpan === next ? 'rowgroup' : 'row'
}

/** The region's label: caption text, else a numbered fallback; unique on the page. */
function regionLabel(caption: Element | undefined, n: number, context: TableContext, used: Set<string>): string {
  const base = (caption ? toString(caption).replace(/\s+/g, ' ').trim() : '') || context.fallbackLabel(n)
  let label = base
  for (let k = 2; used.has(label); k++) label = `${base} (${k})`
  used.add(label)
  return label
}

function enhanceTable(table: Element, n: number, context: TableContext, usedLabels: Set<string>): Element {
  const { caption, rows, grid } = readTable(table)
  const model = analyzeHeaders(grid, (cell) => cell === null || toString(cell).trim() === '')
  const starts = groupStarts(grid, model)

  grid.cells.forEach((cell, index) => {
    if (cell.content?.tagName === 'th') cell.content.properties.scope = scopeOf(grid, model, index, starts)
  })

  if (isComplexTable(grid, model)) {
    const idOf = new Map<number, string>()
    const id = (index: number) => {
      let value = idOf.get(index)
      if (value === undefined) {
        const cell = grid.cells[index]
        value = context.ids.slug(`t${n}-r${cell.row + 1}c${cell.col + 1}`)
        idOf.set(index, value)
        if (cell.content) cell.content.properties.id = value
      }
      return value
    }
    for (const [index, headers] of model.headers) {
      const list = [...headers.section, ...headers.columns.flat(), ...headers.rows].filter((i) => grid.cells[i].content?.tagName === 'th')
      const element = grid.cells[index].content
      if (element && list.length > 0) element.properties.headers = list.map(id)
    }
  }

  const sections: ElementContent[] = []
  if (caption) sections.push(caption)
  if (grid.headerRows > 0) sections.push({ type: 'element', tagName: 'thead', properties: {}, children: rows.slice(0, grid.headerRows) })
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? grid.rows
    if (end > start) sections.push({ type: 'element', tagName: 'tbody', properties: {}, children: rows.slice(start, end) })
  })
  table.children = sections

  // A labelled <section> is a region landmark: keyboard users can focus it and scroll a wide table.
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['table-scroll'], ariaLabel: regionLabel(caption, n, context, usedLabels), tabIndex: 0 },
    children: [table]
  }
}

/** Apply table accessibility to every table in a sanitized tree. */
export function accessibleTables(tree: Root, context: TableContext): void {
  let n = 0
  const usedLabels = new Set<string>()
  const walk = (parent: Root | Element) => {
    parent.children.forEach((child, i) => {
      if (child.type !== 'element') return
      if (child.tagName === 'table') parent.children[i] = enhanceTable(child, ++n, context, usedLabels)
      else walk(child)
    })
  }
  walk(tree)
}
