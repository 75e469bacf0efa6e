/**
 * hast-util-to-mdast handler for `<table>` that keeps what the default one
 * loses: rowspan/colspan, every head row, `<th>` cells and the caption.
 */
import type { Element, ElementContent } from 'hast'
import type { State } from 'hast-util-to-mdast'
import type { Paragraph, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { tableLines, toPhrasing } from '../../ast/flatten.js'
import { gridToTable } from '../../ast/table.js'
import { type GridCell, type RowCell, placeRows } from '../../ast/grid.js'
import { type HeaderCue, inferHeaderRows } from '../../tables/headers.js'

type CellContent = ReturnType<typeof toPhrasing>

const isElement = (node: ElementContent, ...names: string[]): node is Element =>
  node.type === 'element' && names.includes(node.tagName)

/** Rows in the order a browser lays them out: head, bodies (and bare rows), foot. */
function collectRows(table: Element): { rows: Element[]; headRows: number; caption?: Element } {
  const head: Element[] = []
  const body: Element[] = []
  const foot: Element[] = []
  let caption: Element | undefined
  const rowsOf = (section: Element) => section.children.filter((c): c is Element => isElement(c, 'tr'))
  for (const child of table.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'caption') caption ??= child
    else if (child.tagName === 'thead') head.push(...rowsOf(child))
    else if (child.tagName === 'tbody') body.push(...rowsOf(child))
    else if (child.tagName === 'tfoot') foot.push(...rowsOf(child))
    else if (child.tagName === 'tr') body.push(child)
  }
  return caption ? { rows: [...head, ...body, ...foot], headRows: head.length, caption } : { rows: [...head, ...body, ...foot], headRows: head.length }
}

function span(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? '1'), 10)
  return Number.isFinite(n) && n >= 0 ? n : 1
}

const cellCue = (cell: GridCell<CellContent>): HeaderCue => ({
  text: toString({ type: 'paragraph', children: cell.content }),
  strong: cell.header
})

const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => isElement(c, 'td', 'th'))

export function table(state: State, node: Element): Table | Paragraph {
  if (state.inTable) {
    // A table inside a cell: keep its text, one line per row, as a block of
    // its own so it does not run into the text before it.
    const lines = tableLines(collectRows(node).rows.map((tr) => cellsOf(tr).map((cell) => toPhrasing(state.all(cell)))))
    const result: Paragraph = { type: 'paragraph', children: lines }
    state.patch(node, result)
    return result
  }
  state.inTable = true
  const { rows, headRows, caption } = collectRows(node)
  const spec: RowCell<CellContent>[][] = rows.map((tr) =>
    cellsOf(tr)
      .map((cell) => {
        const props = cell.properties ?? {}
        return {
          rowSpan: span(props.rowSpan),
          colSpan: span(props.colSpan) || 1,
          header: cell.tagName === 'th',
          content: toPhrasing(state.all(cell))
        }
      })
  )
  const placed = placeRows(spec, () => [], headRows).grid
  // Without <thead>, the table core reads the head from the <th> marks.
  const grid = headRows > 0 ? placed : { ...placed, headerRows: inferHeaderRows(placed, cellCue, { marked: true }) }
  const result = gridToTable(grid)
  result.data = { ...result.data, origin: { layout: 'html', confidence: 1 } }
  if (caption) {
    const text = toString({ type: 'root', children: state.all(caption) }).trim()
    if (text) result.data.caption = text
  }
  state.inTable = false
  state.patch(node, result)
  return result
}
