/**
 * mdast-util-to-hast handler for canonical tables: origin cells only, with
 * rowspan/colspan, a `<caption>`, `<thead>` for the head rows and `<th>` for
 * header cells. `scope`, `headers`/`id`, row groups and the scrolling region
 * are added after sanitization (see `accessible-tables.ts`), because the
 * sanitizer rewrites ids.
 */
import type { Element, ElementContent, Properties } from 'hast'
import type { Parents, Table, TableCell } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import { tableToGrid } from '../../ast/table.js'
import { tableCaption } from './caption.js'

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

export function table(state: State, node: Table, parent: Parents | undefined): Element {
  const { grid } = tableToGrid(node)
  const rows: Element[] = Array.from({ length: grid.rows }, () => element('tr', []))
  for (const cell of grid.cells) {
    const properties: Properties = {}
    if (cell.colSpan > 1) properties.colSpan = cell.colSpan
    if (cell.rowSpan > 1) properties.rowSpan = cell.rowSpan
    const content = cell.content
    // An empty header cell heads nothing: a plain cell keeps it out of the header lists.
    const header = cell.header && toString({ type: 'paragraph', children: content }).trim() !== ''
    const align = node.align?.[cell.col]
    if (align && !header) properties.className = [`align-${align}`]
    markMismatch(properties, node.children[cell.row]?.children[cell.col])
    rows[cell.row].children.push(element(header ? 'th' : 'td', state.all({ type: 'paragraph', children: content }), properties))
  }

  const sections: ElementContent[] = []
  const caption = tableCaption(node, parent)
  // A caption repeating the heading just above is for screen readers only: sighted readers see the heading.
  if (caption) sections.push(element('caption', [{ type: 'text', value: caption.text }], caption.repeated ? { className: ['visually-hidden'] } : {}))
  if (grid.headerRows > 0) sections.push(element('thead', rows.slice(0, grid.headerRows)))
  if (grid.rows > grid.headerRows) sections.push(element('tbody', rows.slice(grid.headerRows)))

  const result = element('table', sections)
  state.patch(node, result)
  return state.applyData(node, result)
}
