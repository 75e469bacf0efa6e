/**
 * Read expected tables from hand-written HTML fixtures, independently of
 * docmend's own HTML reader: rehype-parse, then browser-style placement.
 */
import type { Element, ElementContent, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { placeRows, type Grid } from '../../src/ast/grid.js'

const parser = unified().use(rehypeParse, { fragment: true })

function text(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(text).join('')
  return ''
}

const elements = (nodes: ElementContent[] | Root['children'], tag: string): Element[] =>
  nodes.flatMap((n) => (n.type === 'element' ? (n.tagName === tag ? [n] : elements(n.children, tag)) : []))

export interface ExpectedTable {
  grid: Grid<string>
}

export function readExpectedTables(html: string): ExpectedTable[] {
  const tree = parser.parse(html)
  return elements(tree.children, 'table').map((table) => {
    const rows = elements(table.children, 'tr').map((tr) =>
      tr.children
        .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
        .map((cell) => ({
          rowSpan: Number(cell.properties.rowSpan ?? 1),
          colSpan: Number(cell.properties.colSpan ?? 1),
          header: cell.tagName === 'th',
          content: text(cell).trim()
        }))
    )
    const head = Number(table.properties.dataHead ?? 0)
    const { grid } = placeRows(rows, () => '', head)
    return { grid }
  })
}

/** A grid as sorted, comparable lines: `r,c rs×cs h|d text`. */
export function gridLines(grid: Grid<string>): string[] {
  return grid.cells.map((c) => `${c.row},${c.col} ${c.rowSpan}×${c.colSpan} ${c.header ? 'h' : 'd'} ${c.content}`)
}
