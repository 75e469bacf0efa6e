/**
 * Which cells of a table are headers: the one place that decides it for the
 * text repair's callers, the PDF reader, the HTML and Word readers and
 * `check`. Pure functions over a grid whose cells give their text and,
 * when the source has it, style evidence (bold, or marked as a header cell).
 *
 * - `inferHeaderRows`: how many leading rows form the head.
 * - `leadingLabelRows`: leading rows of labels above rows of figures.
 * - `markStyledBodyHeaders`: body cells set apart by style (bold labels, section rows).
 * - `inferRowHeaders`: row headers of a table of values (labels left of a row's first value).
 */
import type { Grid, GridCell } from '../ast/grid.js'
import { cellKind } from './cell-kind.js'
import { isFigureType, isValueType, typeCell } from './cell-type.js'

/** What a header decision may look at in a cell. */
export interface HeaderCue {
  text: string
  /** Set apart by style: every glyph bold, or a cell the source marks as a header (`<th>`). */
  strong?: boolean
}

/**
 * Steps the header decisions take over cells and rows (one per cell or row
 * looked at), for tests that hold them to work linear in the table: a table
 * pasted as thousands of text lines must not cost thousands of steps per line.
 */
export const headerWork = { steps: 0 }

/** At most this many rows make a head inferred from content. */
const MAX_HEAD = 4

/** A cell that is data a header labels (a figure, dash, date or time); years are not. */
export function isDataCell(text: string): boolean {
  return isValueType(typeCell(text))
}

/** A cell read as a value or a year (what a head row does not hold, years apart): for layout decisions. */
export function isNumericCell(text: string): boolean {
  const kind = cellKind(text)
  return kind === 'value' || kind === 'year'
}

/**
 * How many of `rows` (each a row's non-empty cell texts), from `start`, are
 * rows of labels above rows of data: no data cell of their own, and data
 * somewhere below. Years may head the columns of figures below.
 */
export function leadingLabelRows(rows: string[][], start = 0): number {
  const hasData = rows.map((texts) => texts.some(isDataCell))
  // The last row with data, found once: "data somewhere below" is then one comparison per row.
  let lastData = -1
  for (let k = rows.length - 1; k >= 0 && lastData < 0; k--) {
    headerWork.steps++
    if (hasData[k]) lastData = k
  }
  let r = start
  while (r < rows.length && rows[r].length > 0 && !hasData[r] && lastData > r) {
    headerWork.steps++
    r++
  }
  return r - start
}

export interface HeaderRowOptions {
  /** A head the source suggests (a rule drawn under it): used when neither style nor content decides. */
  hint?: number
  /**
   * The cues are the author's own markup (`<th>`), not typography: any
   * number of marked rows is the head, a table marked throughout has its
   * first row as head, and nothing is inferred from content.
   */
  marked?: boolean
}

/**
 * The number of head rows: leading rows set apart by style above rows that
 * are not, else leading rows of labels above rows of data, else the hint,
 * else 0. Extended to cover row spans that start in it.
 */
export function inferHeaderRows<C>(grid: Grid<C>, cue: (cell: GridCell<C>) => HeaderCue, options: HeaderRowOptions = {}): number {
  const { hint = 0, marked = false } = options
  const rows = Array.from({ length: grid.rows }, () => [] as HeaderCue[])
  for (const cell of grid.cells) {
    const c = cue(cell)
    if (c.text.trim()) rows[cell.row].push(c)
  }
  const allStrong = (r: number) => rows[r].length > 0 && rows[r].every((c) => c.strong)

  let head = 0
  let strong = 0
  while (strong < grid.rows && (allStrong(strong) || (rows[strong].length === 0 && strong > 0))) strong++
  const plainBelow = rows.slice(strong).some((_, k) => rows[strong + k].length > 0 && !allStrong(strong + k))
  if (marked) head = strong >= grid.rows ? Math.min(1, grid.rows) : strong
  else if (strong > 0 && strong < grid.rows && strong <= MAX_HEAD && plainBelow) head = strong
  else {
    const texts = rows.map((r) => r.map((c) => c.text))
    const labels = leadingLabelRows(texts)
    const body = texts.slice(labels).filter((r) => r.length > 0)
    const dataBody = body.filter((r) => r.some(isDataCell)).length
    if (labels > 0 && labels <= MAX_HEAD && body.length > 0 && dataBody >= body.length * 0.5) head = labels
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
 * Body cells set apart as headers: strong (bold) labels in rows that also
 * hold plain cells, and section rows (one cell across the whole width).
 */
export function markStyledBodyHeaders<C>(grid: Grid<C>, cue: (cell: GridCell<C>) => HeaderCue): Grid<C> {
  const plainInRow = new Set<number>()
  for (const cell of grid.cells) {
    const c = cue(cell)
    if (c.text.trim() && !c.strong) plainInRow.add(cell.row)
  }
  const cells = grid.cells.map((cell) => {
    const c = cue(cell)
    if (cell.row < grid.headerRows || !c.text.trim()) return cell
    const section = cell.col === 0 && cell.colSpan === grid.cols && grid.cols > 1
    const label = c.strong && plainInRow.has(cell.row)
    return section || label ? { ...cell, header: true } : cell
  })
  return { ...grid, cells }
}

/** A body column of row labels needs its neighbours to hold at least this share of figures. */
const LABELLED_SHARE = 0.6

/** A figure: a number, percent, amount or quantity. Marks (`Yes`, `✓`), dashes and dates are data, but rows of them are not labelled rows. */
const isFigure = (text: string) => isFigureType(typeCell(text))

/**
 * Row headers for sources that cannot mark them (Word tables have header
 * rows but no row headers, a paste has neither). Column 0 is a column of
 * row headers when it holds only labels while the other body cells (dashes
 * and `n/a` aside) are mostly figures: its labels then say what each row's
 * figures are. A column-0 label spanning several rows groups them and is a
 * header too, and so is a body row of labels only that sits over figures
 * (a section row, or a sub-head whose labels stand in columns of figures)
 * and heads the rows below it. A table without figures gets no row headers:
 * its words, marks and dates are read as they are, not labelled.
 */
export function inferRowHeaders<C>(grid: Grid<C>, textOf: (content: C) => string): Grid<C> {
  const texts = grid.cells.map((cell) => textOf(cell.content).trim())
  if (grid.cols < 2 || !texts.some((t) => t !== '' && isFigure(t))) return grid
  const body = grid.cells.map((cell, i) => ({ cell, text: texts[i], i })).filter(({ cell, text }) => cell.row >= grid.headerRows && text !== '')
  const firstColumn = body.filter(({ cell }) => cell.col === 0)
  const others = body.filter(({ cell, text }) => cell.col > 0 && typeCell(text) !== 'placeholder')
  const figures = others.filter(({ text }) => isFigure(text)).length
  const labelColumn = firstColumn.length > 0 && firstColumn.every(({ text }) => !isNumericCell(text)) && others.length > 0 && figures >= LABELLED_SHARE * others.length
  const header = new Set(firstColumn.filter(({ cell }) => labelColumn || (cell.rowSpan > 1 && cell.colSpan < grid.cols)).map(({ i }) => i))
  // Labels left of their row's first figure (a stub wider than column 0, as in
  // Word tables whose row labels span columns) head the row by the same test.
  const firstFigure = new Map<number, number>()
  for (const { cell, text } of body) if (isFigure(text)) firstFigure.set(cell.row, Math.min(firstFigure.get(cell.row) ?? Infinity, cell.col))
  // Past column 0 the stub goes only as far as columns that group rows (a label
  // at the head of a group, its other rows empty there): labels beside a row's own
  // label in column 0 are facts about the row (a city, a purpose), not headers of it.
  // A column groups rows when some row with a figure has no text of its own there:
  // counted per column in one pass, not by asking every such row for every column.
  // (A grid has one origin cell per slot, so each row counts once per column.)
  const figureRowsWithText = new Map<number, number>()
  for (const { cell } of body) {
    headerWork.steps++
    if (firstFigure.has(cell.row)) figureRowsWithText.set(cell.col, (figureRowsWithText.get(cell.col) ?? 0) + 1)
  }
  const groups = (col: number) => (figureRowsWithText.get(col) ?? 0) < firstFigure.size
  let stubWidth = 1
  while (stubWidth < grid.cols && groups(stubWidth - 1)) stubWidth++
  const stub = body.filter(({ cell, text }) => firstFigure.has(cell.row) && cell.col < stubWidth && cell.col + cell.colSpan <= firstFigure.get(cell.row)! && !isNumericCell(text))
  const inStub = new Set(stub.map((s) => s.cell))
  const rest = body.filter(({ cell, text }) => (headerWork.steps++, !inStub.has(cell)) && typeCell(text) !== 'placeholder')
  if (stub.length > 0 && rest.length > 0 && rest.filter(({ text }) => isFigure(text)).length >= LABELLED_SHARE * rest.length) for (const { i } of stub) header.add(i)
  // A body row of labels only heads the rows below it when it stands over figures:
  // one label from column 0 (a section row), or labels in columns of figures (a sub-head).
  // Counted per column in one pass over the cells (not one pass per column).
  const inColumn = new Map<number, { cells: number; figures: number }>()
  for (const { cell, text } of others) {
    headerWork.steps++
    const count = inColumn.get(cell.col) ?? { cells: 0, figures: 0 }
    count.cells++
    if (isFigure(text)) count.figures++
    inColumn.set(cell.col, count)
  }
  const figureColumns = new Set<number>()
  for (const [col, { cells, figures }] of inColumn) if (col >= 1 && cells > 0 && figures >= LABELLED_SHARE * cells) figureColumns.add(col)
  const rowsWithValues = new Set(body.filter(({ text }) => cellKind(text) === 'value').map(({ cell }) => cell.row))
  let lastFigureRow = -1
  for (const row of firstFigure.keys()) lastFigureRow = Math.max(lastFigureRow, row)
  const labelRows = new Map<number, { cell: GridCell<C>; i: number }[]>()
  for (const { cell, i } of body) {
    if (rowsWithValues.has(cell.row) || cellKind(texts[i]) !== 'label') continue
    const list = labelRows.get(cell.row)
    if (list) list.push({ cell, i })
    else labelRows.set(cell.row, [{ cell, i }])
  }
  for (const [row, cells] of labelRows) {
    if (row >= lastFigureRow) continue
    const section = cells.length === 1 && cells[0].cell.col === 0
    const overFigures = cells.every(({ cell }) => cell.col === 0 || figureColumns.has(cell.col))
    if (section || overFigures) for (const { i } of cells) header.add(i)
  }
  return { ...grid, cells: grid.cells.map((cell, i) => (header.has(i) ? { ...cell, header: true } : cell)) }
}
