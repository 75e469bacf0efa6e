/**
 * Tables as plain text: an aligned grid when it fits the line width (or
 * always, with `--tables grid`), else (or with `--tables linear`) one record
 * per data row with every value spoken with all its headers. A caption the
 * source gave is printed above either form.
 */
import type { PhrasingContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { tableToGrid } from '../../ast/table.js'
import { renderGrid, type TextGrid } from './table-grid.js'
import { linearLines } from './table-linear.js'
import { wrap } from './wrap.js'

export type TableMode = 'auto' | 'grid' | 'linear'

/** A cell's text: blocks inside it (`break` nodes) become lines, spaces are tidied. */
function cellText(content: PhrasingContent[]): string {
  const lines: PhrasingContent[][] = [[]]
  for (const node of content) {
    if (node.type === 'break') lines.push([])
    else lines[lines.length - 1].push(node)
  }
  return lines
    .map((line) => toString({ type: 'paragraph', children: line }).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** The table's grid with each cell as text. */
export function tableGrid(node: Table): TextGrid {
  const { grid } = tableToGrid(node)
  return { ...grid, cells: grid.cells.map((c) => ({ ...c, content: cellText(c.content) })) }
}

/** Records and block lines wrapped to `width`, records as `* ` items with a hanging indent. */
export function renderLinear(grid: TextGrid, width: number): string[] {
  return linearLines(grid).flatMap(({ kind, text }) => {
    if (kind !== 'record') return wrap(text, width)
    const [first, ...rest] = wrap(text, width - 2)
    return [`* ${first}`, ...rest.map((line) => `  ${line}`)]
  })
}

/** The table as lines of text no wider than `width` (except a forced grid). */
export function renderTable(node: Table, width: number, mode: TableMode): string[] {
  const grid = tableGrid(node)
  const caption = node.data?.caption?.trim()
  const head = caption ? wrap(caption, width) : []
  const align = node.align ?? []
  if (mode !== 'linear') {
    // A forced grid that cannot fit is drawn at its natural width.
    const drawn = renderGrid(grid, width, align) ?? (mode === 'grid' ? renderGrid(grid, Number.POSITIVE_INFINITY, align) : null)
    if (drawn) return [...head, ...drawn]
  }
  return [...head, ...renderLinear(grid, width)]
}
