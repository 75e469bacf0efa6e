/**
 * Which rows of a PDF table form its head, and which body cells are headers
 * (bold row labels, section rows across the whole width). Judged from how
 * the cells are set (bold) and from what they hold (labels above numbers).
 */
import type { Grid } from '../../../ast/grid.js'
import type { CellText } from './table-types.js'

const NUMBER = /^[-−–+(（]?\s*[$¥€£￥]?\s*\d[\d,，.\s]*\s*[%‰]?\s*[)）]?$/u
const YEAR = /^(19|20)\d\d年?$/u
const PLACEHOLDER = /^[-–—/…]+$|^n\/?a$/iu

/** A value cell: a number, a percentage, an amount, or a dash standing for none. */
export function isNumeric(text: string): boolean {
  const t = text.trim()
  return t !== '' && (NUMBER.test(t) || PLACEHOLDER.test(t))
}

/** At most this many rows make a head. */
const MAX_HEAD = 4

/**
 * The number of head rows: leading rows set in bold above rows that are not,
 * else leading rows of labels above rows of numbers, else `hint` (a rule
 * drawn under the head), else 0. Extended to cover rowspans that start in it.
 */
export function detectHeaderRows(grid: Grid<CellText>, hint = 0): number {
  const rows = Array.from({ length: grid.rows }, () => [] as CellText[])
  for (const cell of grid.cells) if (cell.content.text.trim()) rows[cell.row].push(cell.content)
  const allBold = (r: number) => rows[r].length > 0 && rows[r].every((c) => c.bold)
  const isYear = (c: CellText) => YEAR.test(c.text.trim())
  const figures = (r: number) => rows[r].some((c) => isNumeric(c.text) && !isYear(c))
  // Labels: no figures, though years may head the columns of figures below.
  const labelRow = (r: number) => rows[r].length > 0 && !figures(r) && rows.slice(r + 1).some((_, k) => figures(r + 1 + k))

  let head = 0
  let bold = 0
  while (bold < grid.rows && (allBold(bold) || (rows[bold].length === 0 && bold > 0))) bold++
  if (bold > 0 && bold < grid.rows && bold <= MAX_HEAD && rows.slice(bold).some((_, k) => rows[bold + k].length > 0 && !allBold(bold + k))) {
    head = bold
  } else {
    let labels = 0
    while (labels < grid.rows && labelRow(labels)) labels++
    const body = rows.slice(labels).filter((r) => r.length > 0)
    const numericBody = body.filter((r) => r.some((c) => isNumeric(c.text) && !isYear(c))).length
    if (labels > 0 && labels <= MAX_HEAD && body.length > 0 && numericBody >= body.length * 0.5) head = labels
    else if (hint > 0 && hint < grid.rows) head = hint
  }
  if (head === 0) return 0
  // A head cell that spans down takes the rows it covers into the head.
  let grown = true
  while (grown) {
    grown = false
    for (const cell of grid.cells) {
      if (cell.row < head && cell.row + cell.rowSpan > head && cell.row + cell.rowSpan < grid.rows) {
        head = cell.row + cell.rowSpan
        grown = true
      }
    }
  }
  return head
}

/**
 * Body cells that act as headers: bold labels in rows that also hold plain
 * cells, and section rows (one cell across the whole width).
 */
export function markBodyHeaders(grid: Grid<CellText>): Grid<CellText> {
  const plainInRow = new Set<number>()
  for (const cell of grid.cells) if (cell.content.text.trim() && !cell.content.bold) plainInRow.add(cell.row)
  const cells = grid.cells.map((cell) => {
    if (cell.row < grid.headerRows || !cell.content.text.trim()) return cell
    const section = cell.col === 0 && cell.colSpan === grid.cols && grid.cols > 1
    const label = cell.content.bold && plainInRow.has(cell.row)
    return section || label ? { ...cell, header: true } : cell
  })
  return { ...grid, cells }
}
