/**
 * Tables as plain text: an aligned grid (merged cells drawn merged, CJK
 * counted double width) when it fits the line width, else one record per
 * data row with every value spoken with all its headers.
 */
import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { type CellContent, tableToGrid } from '../../ast/table.js'
import { type Grid, type GridCell, ownerMatrix } from '../../tables/grid.js'
import { displayWidth } from '../../text/cjk.js'

type TextGrid = Grid<string>

function cellText(content: CellContent): string {
  return toString({ type: 'paragraph', children: content.map((n) => (n.type === 'break' ? { type: 'text', value: ' / ' } : n)) })
    .replace(/\s+/g, ' ')
    .trim()
}

export function tableGrid(node: Table): TextGrid {
  const { grid } = tableToGrid(node)
  return { ...grid, cells: grid.cells.map((c) => ({ ...c, content: cellText(c.content) })) }
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)))

/** Column widths so that every cell fits its spanned columns. */
function columnWidths(grid: TextGrid): number[] {
  const widths = new Array<number>(grid.cols).fill(1)
  for (const cell of grid.cells) if (cell.colSpan === 1) widths[cell.col] = Math.max(widths[cell.col], displayWidth(cell.content))
  for (const cell of grid.cells) {
    if (cell.colSpan === 1) continue
    const span = widths.slice(cell.col, cell.col + cell.colSpan)
    const available = span.reduce((a, b) => a + b, 0) + 3 * (cell.colSpan - 1)
    const need = displayWidth(cell.content) - available
    if (need > 0) {
      const share = Math.ceil(need / cell.colSpan)
      for (let k = 0; k < cell.colSpan; k++) widths[cell.col + k] += share
    }
  }
  return widths
}

/** The grid drawn with `+`, `-` and `|`, or null when wider than `maxWidth`. */
export function renderGrid(grid: TextGrid, maxWidth: number): string[] | null {
  if (grid.rows === 0 || grid.cols === 0) return []
  const widths = columnWidths(grid)
  const total = widths.reduce((a, b) => a + b, 0) + 3 * grid.cols + 1
  if (total > maxWidth) return null
  const owner = ownerMatrix(grid)
  const cellAt = (r: number, c: number): GridCell<string> | undefined => (r >= 0 && r < grid.rows ? grid.cells[owner[r][c]] : undefined)

  // Border above row r (r === grid.rows: the bottom border).
  const border = (r: number): string => {
    let out = ''
    for (let c = 0; c <= grid.cols; c++) {
      const above = c < grid.cols ? cellAt(r - 1, c) : undefined
      const below = c < grid.cols ? cellAt(r, c) : undefined
      const drawn = c < grid.cols && !(above && below && above === below)
      const leftDrawn = c > 0 && !(cellAt(r - 1, c - 1) && cellAt(r - 1, c - 1) === cellAt(r, c - 1))
      out += drawn || leftDrawn ? '+' : '|'
      if (c < grid.cols) out += (drawn ? '-' : ' ').repeat(widths[c] + 2)
    }
    return out
  }
  const lines: string[] = [border(0)]
  for (let r = 0; r < grid.rows; r++) {
    let line = '|'
    let c = 0
    while (c < grid.cols) {
      const cell = cellAt(r, c)!
      const span = Math.min(cell.col + cell.colSpan, grid.cols) - c
      const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0) + 3 * (span - 1)
      const text = cell.row === r ? cell.content : ''
      line += ` ${pad(text, width)} |`
      c += span
    }
    lines.push(line)
    lines.push(border(r + 1))
  }
  return lines
}

/** Header path of each column: the head cells above it, outermost first. */
function columnHeaders(grid: TextGrid, owner: number[][]): string[][] {
  return Array.from({ length: grid.cols }, (_, c) => {
    const path: string[] = []
    for (let r = 0; r < grid.headerRows; r++) {
      const text = grid.cells[owner[r][c]].content
      if (text && path[path.length - 1] !== text) path.push(text)
    }
    return path
  })
}

/**
 * One record per body row: `row headers — column header: value; …`.
 * A body row made only of header cells is a section heading for the rows below.
 */
export function renderLinear(grid: TextGrid): string[] {
  const owner = ownerMatrix(grid)
  const colHeads = columnHeaders(grid, owner)
  const lines: string[] = []
  let section: string[] = []
  for (let r = grid.headerRows; r < grid.rows; r++) {
    const slots = Array.from({ length: grid.cols }, (_, c) => grid.cells[owner[r][c]])
    const distinct = [...new Set(slots)] // in slot order; a Set keeps wide rows linear
    if (distinct.every((cell) => cell.header) && distinct.some((cell) => cell.row === r)) {
      // A section row: "第二十条第（五）项" heads the rows under it.
      section = distinct.filter((cell) => cell.row === r).map((cell) => cell.content).filter(Boolean)
      lines.push(section.join(' / '))
      continue
    }
    const rowHeads = distinct.filter((cell) => cell.header).map((cell) => cell.content).filter(Boolean)
    const values = distinct
      .filter((cell) => !cell.header && cell.row === r)
      .map((cell) => {
        const head = colHeads[cell.col].join(' / ')
        return head ? `${head}: ${cell.content || '—'}` : cell.content || '—'
      })
    if (values.length === 0 && rowHeads.length === 0) continue
    const label = rowHeads.join(' / ')
    lines.push(label ? `${label} — ${values.join('; ')}` : values.join('; '))
  }
  return lines
}
