/**
 * mdast-util-to-hast handler for canonical tables: origin cells only, with
 * rowspan/colspan, a `<caption>`, `<thead>` for the head rows and `<th>` for
 * header cells. `scope`, `headers`/`id`, row groups and the scrolling region
 * are added after sanitization (see `accessible-tables.ts`), because the
 * sanitizer rewrites ids.
 */
import type { Element, ElementContent, Properties, RootContent } from 'hast'
import type { Parents, Table, TableCell } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import type { Grid } from '../../ast/grid.js'
import { type CellContent, tableToGrid } from '../../ast/table.js'
import { tableCaption } from './caption.js'
import { sanitizeTable } from './sanitize-in-pieces.js'

const element = (tagName: string, children: ElementContent[], properties: Properties = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children
})

/**
 * A total the check stage found wrong (`data.check`, only with `--check`):
 * a class to style it and a title that says why (also its accessible description).
 */
function markMismatch(properties: Properties, cell: TableCell | undefined): void {
  const mismatches = cell?.data?.check?.mismatches
  if (!mismatches || mismatches.length === 0) return
  properties.className = [...((properties.className as string[] | undefined) ?? []), 'check-mismatch']
  properties.title = mismatches.map((m) => m.message).join('\n')
}

/** The table's `<tr>`s, in order, each made as it is read. */
function* hastRows(state: State, node: Table, grid: Grid<CellContent>, from: number, to: number): Generator<Element> {
  let k = 0
  while (k < grid.cells.length && grid.cells[k]!.row < from) k++
  for (let r = from; r < to; r++) {
    const tr = element('tr', [])
    for (; k < grid.cells.length && grid.cells[k]!.row === r; k++) {
      const cell = grid.cells[k]!
      const properties: Properties = {}
      if (cell.colSpan > 1) properties.colSpan = cell.colSpan
      if (cell.rowSpan > 1) properties.rowSpan = cell.rowSpan
      const content = cell.content
      // An empty header cell heads nothing: a plain cell keeps it out of the header lists.
      const header = cell.header && toString({ type: 'paragraph', children: content }).trim() !== ''
      const align = node.align?.[cell.col]
      if (align && !header) properties.className = [`align-${align}`]
      markMismatch(properties, node.children[cell.row]?.children[cell.col])
      tr.children.push(element(header ? 'th' : 'td', state.all({ type: 'paragraph', children: content }), properties))
    }
    yield tr
  }
}

/** The table element with its caption and empty row groups; `groups` says which rows go in each. */
function tableShell(state: State, node: Table, parent: Parents | undefined, grid: Grid<CellContent>) {
  const sections: ElementContent[] = []
  const groups: [number, number][] = []
  const caption = tableCaption(node, parent)
  // A caption repeating the heading just above is for screen readers only: sighted readers see the heading.
  if (caption) sections.push(element('caption', [{ type: 'text', value: caption.text }], caption.repeated ? { className: ['visually-hidden'] } : {}))
  if (grid.headerRows > 0) {
    groups[sections.length] = [0, grid.headerRows]
    sections.push(element('thead', []))
  }
  if (grid.rows > grid.headerRows) {
    groups[sections.length] = [grid.headerRows, grid.rows]
    sections.push(element('tbody', []))
  }
  return { shell: element('table', sections), groups }
}

/** Position and `data.hProperties` from the mdast table, as every handler does. */
function finish(state: State, node: Table, result: Element): Element {
  state.patch(node, result)
  return state.applyData(node, result)
}

export function table(state: State, node: Table, parent: Parents | undefined): Element {
  const { grid } = tableToGrid(node)
  const { shell, groups } = tableShell(state, node, parent, grid)
  shell.children.forEach((section, k) => {
    if (groups[k] && section.type === 'element') section.children = [...hastRows(state, node, grid, ...groups[k])]
  })
  return finish(state, node, shell)
}

/**
 * The same table, sanitized as its rows are made (`sanitizeTable`): the
 * unsafe rows of a large table never exist all at once. For top-level tables
 * of pages that need no whole-page HTML pass (see index.ts).
 */
export function safeTable(state: State, node: Table, parent: Parents | undefined): RootContent[] {
  const { grid } = tableToGrid(node)
  const { shell, groups } = tableShell(state, node, parent, grid)
  return sanitizeTable(finish(state, node, shell), (k) => hastRows(state, node, grid, ...groups[k]!))
}
