/**
 * mdast-util-to-hast handler for canonical tables: origin cells only, with
 * rowspan/colspan, `<thead>` for the head rows, `<th scope>` for headers.
 */
import type { Element, ElementContent, Properties } from 'hast'
import type { Table, TableCell } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import { type CellContent, tableToGrid } from '../../ast/table.js'
import type { GridCell } from '../../tables/grid.js'

/** `scope` for a header cell, from where it sits. */
function scopeOf(cell: GridCell<CellContent>, inHead: boolean, rowAllHeaders: boolean): string {
  if (inHead || rowAllHeaders) return cell.colSpan > 1 ? 'colgroup' : 'col'
  return cell.rowSpan > 1 ? 'rowgroup' : 'row'
}

/**
 * A total the check stage found wrong (`data.check`, only with `--check`):
 * a class to style it and a title that says why (also its accessible description).
 */
function markMismatch(properties: Properties, cell: TableCell | undefined): void {
  const mismatches = cell?.data?.check?.mismatches
  if (!mismatches || mismatches.length === 0) return
  properties.className = ['check-mismatch']
  properties.title = mismatches.map((m) => m.message).join('\n')
}

export function table(state: State, node: Table): Element {
  const { grid } = tableToGrid(node)
  const byRow: GridCell<CellContent>[][] = Array.from({ length: grid.rows }, () => [])
  for (const cell of grid.cells) byRow[cell.row].push(cell)

  const rows: Element[] = byRow.map((cells, r) => {
    const inHead = r < grid.headerRows
    const allHeaders = cells.length > 0 && cells.every((c) => c.header)
    const children: ElementContent[] = cells.map((cell) => {
      const properties: Properties = {}
      if (cell.colSpan > 1) properties.colSpan = cell.colSpan
      if (cell.rowSpan > 1) properties.rowSpan = cell.rowSpan
      const header = cell.header || inHead
      if (header) properties.scope = scopeOf(cell, inHead, allHeaders)
      const align = node.align?.[cell.col]
      if (align && !header) properties.style = `text-align: ${align}`
      markMismatch(properties, node.children[cell.row]?.children[cell.col])
      const paragraph = { type: 'paragraph' as const, children: cell.content }
      const content = state.all(paragraph)
      return { type: 'element', tagName: header ? 'th' : 'td', properties, children: content }
    })
    return { type: 'element', tagName: 'tr', properties: {}, children: children }
  })

  const sections: ElementContent[] = []
  const caption = node.data?.caption
  if (caption) sections.push({ type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: caption }] })
  if (grid.headerRows > 0) sections.push({ type: 'element', tagName: 'thead', properties: {}, children: rows.slice(0, grid.headerRows) })
  if (grid.rows > grid.headerRows) sections.push({ type: 'element', tagName: 'tbody', properties: {}, children: rows.slice(grid.headerRows) })

  const result: Element = { type: 'element', tagName: 'table', properties: {}, children: sections }
  state.patch(node, result)
  return state.applyData(node, result)
}
