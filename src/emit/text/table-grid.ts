/**
 * A table drawn as an aligned text grid, merged cells drawn merged:
 *
 *     +----------+--------------------+
 *     | 信息内容 | 本年处理决定数量   |
 *     +==========+====================+     `=` below the head rows
 *     | 行政许可 | 0                  |
 *     +----------+------+------+------+
 *
 * Widths are display widths (CJK counts 2). When the natural widths do not
 * fit, long cells wrap inside their column, as long as no column has to
 * become narrower than `MIN_COLUMN` (or its longest unbreakable word);
 * otherwise the grid does not fit and the caller reads the table linearly.
 */
import type { AlignType } from 'mdast'
import type { Grid, GridCell } from '../../ast/grid.js'
import { charWidth, textWidth, unbreakableWidth, wrap } from './wrap.js'

export type TextGrid = Grid<string>

/** Narrowest column worth wrapping into, in display columns. */
export const MIN_COLUMN = 8

const lineWidths = (text: string) => text.split('\n').map(textWidth)
const naturalWidth = (text: string) => Math.max(1, ...lineWidths(text))

/** Widest piece of the text that no line break may split. */
const longestWord = (text: string) => Math.max(1, ...text.split('\n').map(unbreakableWidth))

/** Width each column needs so that every cell (spanning ones too) gets `need(cell)`. */
function fitWidths(grid: TextGrid, need: (cell: GridCell<string>) => number): number[] {
  const widths = new Array<number>(grid.cols).fill(1)
  for (const cell of grid.cells) if (cell.colSpan === 1) widths[cell.col] = Math.max(widths[cell.col], need(cell))
  for (const cell of grid.cells) {
    if (cell.colSpan === 1) continue
    const available = spanWidth(widths, cell.col, cell.colSpan)
    const missing = need(cell) - available
    if (missing > 0) {
      const share = Math.ceil(missing / cell.colSpan)
      for (let k = 0; k < cell.colSpan; k++) widths[cell.col + k] += share
    }
  }
  return widths
}

/** Inner width of a cell spanning `span` columns from `col` (the ` | ` between them included). */
function spanWidth(widths: number[], col: number, span: number): number {
  let total = 3 * (span - 1)
  for (let k = 0; k < span; k++) total += widths[col + k]
  return total
}

const tableWidth = (widths: number[]) => widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1

/** Column widths within `maxWidth`, or null when the table cannot fit. */
function chooseWidths(grid: TextGrid, maxWidth: number): number[] | null {
  const natural = fitWidths(grid, (cell) => naturalWidth(cell.content))
  if (tableWidth(natural) <= maxWidth) return natural
  const minimum = fitWidths(grid, (cell) => Math.max(longestWord(cell.content), Math.min(naturalWidth(cell.content), MIN_COLUMN)))
  const spare = maxWidth - tableWidth(minimum)
  if (spare < 0) return null
  // Share the spare room in proportion to what each column still lacks.
  const lack = natural.map((w, c) => Math.max(0, w - minimum[c]))
  const totalLack = lack.reduce((a, b) => a + b, 0)
  const widths = minimum.map((w, c) => w + Math.floor((spare * lack[c]) / totalLack))
  return widths
}

/** A character canvas where a wide character fills two slots. */
class Canvas {
  private readonly rows: string[][]
  constructor(width: number, height: number) {
    this.rows = Array.from({ length: height }, () => new Array<string>(width).fill(' '))
  }
  put(x: number, y: number, ch: string): void {
    this.rows[y][x] = ch
  }
  /** Draw a border character; a corner wins over a line. */
  border(x: number, y: number, ch: '-' | '=' | '|' | '+'): void {
    const old = this.rows[y][x]
    if (old === '+' || (old !== ' ' && ch !== '+' && old !== ch)) this.rows[y][x] = '+'
    else this.rows[y][x] = ch
  }
  text(x: number, y: number, text: string): void {
    let at = x
    for (const ch of text) {
      const w = charWidth(ch)
      if (w === 0 && at > x) this.rows[y][at - 1] += ch
      else {
        this.rows[y][at] = ch
        if (w === 2) this.rows[y][at + 1] = ''
        at += Math.max(1, w)
      }
    }
  }
  lines(): string[] {
    return this.rows.map((row) => row.join('').trimEnd())
  }
}

function aligned(text: string, width: number, align: AlignType | undefined): string {
  const room = Math.max(0, width - textWidth(text))
  if (align === 'right') return ' '.repeat(room) + text
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text
  return text
}

/**
 * The grid drawn within `maxWidth` display columns, or null when it cannot
 * fit even with wrapped cells. `Infinity` draws it at its natural width.
 */
export function renderGrid(grid: TextGrid, maxWidth: number, align: (AlignType | undefined)[] = []): string[] | null {
  if (grid.rows === 0 || grid.cols === 0) return []
  const widths = chooseWidths(grid, maxWidth)
  if (!widths) return null

  const content = new Map<GridCell<string>, string[]>()
  for (const cell of grid.cells) {
    const inner = spanWidth(widths, cell.col, cell.colSpan)
    content.set(cell, cell.content.split('\n').flatMap((line) => (line ? wrap(line, inner) : [''])))
  }
  // Row heights: single-row cells first, then rows spanned by taller merged cells grow at their bottom.
  const heights = new Array<number>(grid.rows).fill(1)
  for (const cell of grid.cells) if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row], content.get(cell)!.length)
  for (const cell of grid.cells) {
    if (cell.rowSpan === 1) continue
    let room = cell.rowSpan - 1
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) room += heights[r]
    const missing = content.get(cell)!.length - room
    if (missing > 0) heights[cell.row + cell.rowSpan - 1] += missing
  }

  const xs = [0]
  for (const w of widths) xs.push(xs[xs.length - 1] + w + 3)
  const ys = [0]
  for (const h of heights) ys.push(ys[ys.length - 1] + h + 1)
  const canvas = new Canvas(xs[grid.cols] + 1, ys[grid.rows] + 1)
  const headLine = grid.headerRows > 0 && grid.headerRows < grid.rows ? ys[grid.headerRows] : -1

  for (const cell of grid.cells) {
    const left = xs[cell.col]
    const right = xs[cell.col + cell.colSpan]
    const top = ys[cell.row]
    const bottom = ys[cell.row + cell.rowSpan]
    for (const y of [top, bottom]) {
      for (let x = left + 1; x < right; x++) canvas.border(x, y, y === headLine ? '=' : '-')
    }
    for (let y = top + 1; y < bottom; y++) {
      canvas.border(left, y, '|')
      canvas.border(right, y, '|')
    }
    for (const [x, y] of [[left, top], [right, top], [left, bottom], [right, bottom]]) canvas.border(x, y, '+')
    const inner = spanWidth(widths, cell.col, cell.colSpan)
    const cellAlign = cell.header ? undefined : align[cell.col]
    content.get(cell)!.forEach((line, k) => canvas.text(left + 2, top + 1 + k, aligned(line, inner, cellAlign)))
  }
  return canvas.lines()
}
