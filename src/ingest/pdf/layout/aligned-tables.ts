/**
 * Unruled tables: consecutive lines split into several fragments whose
 * edges line up in columns. Column boundaries are the vertical strips that
 * (almost) no fragment of those lines crosses; a fragment that does cross
 * one (a head cell over two columns) spans them.
 *
 *     Region      2023    2024        ← rows: lines with ≥ 2 fragments
 *     North        120     130
 *     South         95     101
 *               ┊       ┊             ← strips nothing crosses: column boundaries
 *
 * Pure: lines in, lines and tables out (in order).
 */
import { joinLines } from './join-lines.js'
import { type GridCell, normalizeGrid } from '../../../ast/grid.js'
import type { Rule, TextRun } from '../types.js'
import { type Strip, lowStrips } from './columns.js'
import { type Fragment, fragmentFromRuns, joinPieces } from './fragments.js'
import { median } from './geometry.js'
import { detectHeaderRows, isNumeric, markBodyHeaders } from './header-rows.js'
import { type Line, makeLine } from './lines.js'
import { type CellText, type PageTable, emptyCell } from './table-types.js'

export type LineOrTable = { kind: 'line'; line: Line } | PageTable

/** Fewest lines with several cells that make a table. */
const MIN_ROWS = 3
/** Lines further apart than this many font sizes are not rows of one table. */
const MAX_ROW_GAP = 3
const LIST_MARKER = /^(?:[-*+•·●▪◦‣⁃○■□◆◇➢➤✓√–]|\(?[0-9]{1,3}[.)、]|\(?[a-zA-Z][.)]|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[ivxIVX]{1,4}[.)])$/u

const isMulti = (line: Line) => line.fragments.length >= 2

/** Stretches of lines that may be a table: lines with several fragments, close together. */
function candidateRuns(lines: readonly Line[]): [number, number][] {
  const runs: [number, number][] = []
  let i = 0
  while (i < lines.length) {
    if (!isMulti(lines[i])) {
      i++
      continue
    }
    let j = i
    const width = () => Math.max(...lines.slice(i, j + 1).map((l) => l.x2)) - Math.min(...lines.slice(i, j + 1).map((l) => l.x1))
    while (j + 1 < lines.length) {
      const next = lines[j + 1]
      if (next.y - lines[j].y > MAX_ROW_GAP * Math.max(next.size, lines[j].size)) break
      if (isMulti(next)) {
        j++
        continue
      }
      // A lone short fragment between table lines: a label row or a wrapped cell.
      const after = lines[j + 2]
      if (after && isMulti(after) && next.x2 - next.x1 < width() * 0.5 && after.y - next.y <= MAX_ROW_GAP * after.size) {
        j++
        continue
      }
      break
    }
    runs.push([i, j])
    i = j + 1
  }
  return runs
}

/** Cut a fragment at run boundaries that fall inside column gaps (cells set closer than a word gap). */
function splitAtStrips(fragment: Fragment, strips: readonly Strip[]): Fragment[] {
  if (fragment.runs.length < 2) return [fragment]
  const groups: TextRun[][] = [[fragment.runs[0]]]
  for (let k = 1; k < fragment.runs.length; k++) {
    const group = groups[groups.length - 1]
    const prev = group[group.length - 1]
    const run = fragment.runs[k]
    const end = prev.x + prev.width
    if (strips.some((s) => end <= s.x2 + 1 && run.x >= s.x1 - 1)) groups.push([run])
    else group.push(run)
  }
  return groups.length === 1 ? [fragment] : groups.map(fragmentFromRuns)
}

function columnOf(bounds: readonly number[], x: number): number {
  for (let c = 0; c + 1 < bounds.length; c++) if (x < bounds[c + 1]) return c
  return bounds.length - 2
}

interface RowDraft {
  y: number
  size: number
  cells: { col: number; span: number; fragments: Fragment[] }[]
}

function draftRows(lines: readonly Line[], bounds: readonly number[], strips: readonly Strip[]): RowDraft[] {
  return lines.map((line) => {
    const cells: RowDraft['cells'] = []
    for (const f of line.fragments.flatMap((frag) => splitAtStrips(frag, strips))) {
      const c1 = columnOf(bounds, f.x1 + 1)
      const c2 = Math.max(c1, columnOf(bounds, f.x2 - 1))
      const same = cells.find((c) => c.col === c1 || (c1 >= c.col && c1 < c.col + c.span))
      if (same) {
        same.fragments.push(f)
        same.span = Math.max(same.span, c2 - same.col + 1)
      } else cells.push({ col: c1, span: c2 - c1 + 1, fragments: [f] })
    }
    return { y: line.y, size: line.size, cells: cells.sort((a, b) => a.col - b.col) }
  })
}

const draftText = (cell: RowDraft['cells'][number]) =>
  joinPieces(cell.fragments.map((f) => ({ text: f.text, x1: f.x1, x2: f.x2, size: f.size })))

/**
 * Lines that only continue cells of the row above (a wrapped label or
 * description, set tighter than the rows) are folded into it.
 */
function foldContinuations(rows: RowDraft[]): RowDraft[] {
  if (rows.length < 3) return rows
  const gaps = rows.slice(1).map((r, k) => r.y - rows[k].y)
  const pitch = median(gaps)
  // The first row is left out: a head often leaves its corner empty.
  const keyFilled = rows.slice(1).filter((r) => r.cells.some((c) => c.col === 0)).length
  const out: RowDraft[] = [rows[0]]
  for (let k = 1; k < rows.length; k++) {
    const row = rows[k]
    const prev = out[out.length - 1]
    const tight = row.y - rows[k - 1].y < pitch * 0.85
    const noKey = !row.cells.some((c) => c.col === 0) && keyFilled >= (rows.length - 1) * 0.7
    const wordsOnly = row.cells.every((c) => !isNumeric(draftText(c)))
    const fits = row.cells.every((c) => prev.cells.some((p) => p.col === c.col))
    if (tight && noKey && wordsOnly && fits) {
      for (const c of row.cells) prev.cells.find((p) => p.col === c.col)?.fragments.push(...c.fragments)
      continue
    }
    out.push(row)
  }
  return out
}

function cellContent(cell: RowDraft['cells'][number]): CellText {
  // Fragments on different baselines (a folded continuation) are wrapped lines.
  const byLine = new Map<number, Fragment[]>()
  for (const f of cell.fragments) {
    const key = Math.round(f.y)
    const list = byLine.get(key)
    if (list) list.push(f)
    else byLine.set(key, [f])
  }
  const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, fs]) => joinPieces(fs.sort((a, b) => a.x1 - b.x1).map((f) => ({ text: f.text, x1: f.x1, x2: f.x2, size: f.size }))))
  return { text: lines.reduce((a, b) => joinLines(a, b), ''), bold: cell.fragments.every((f) => f.bold) }
}

/** A rule under the first rows (booktabs style) says where the head ends. */
function ruleHint(rows: RowDraft[], rules: readonly Rule[], x1: number, x2: number): number {
  for (let k = 1; k < Math.min(rows.length, 4); k++) {
    const above = rows[k - 1].y
    const below = rows[k].y - rows[k].size * 0.8
    if (rules.some((r) => r.y1 === r.y2 && r.y1 > above && r.y1 < below && r.x2 - r.x1 >= (x2 - x1) * 0.8)) return k
  }
  return 0
}

/** The middle gutter of a snaked table is at least this many times wider than any gap between its columns. */
const SNAKE_GUTTER = 1.5

/** The fragments of some lines that lie on one side of `x`, as lines (lines left empty are dropped). */
function sideOf(lines: readonly Line[], keep: (f: Fragment) => boolean): Line[] {
  return lines.flatMap((line) => {
    const fragments = line.fragments.filter(keep)
    return fragments.length > 0 ? [makeLine(fragments, line.page)] : []
  })
}

/**
 * A long, narrow table set in two blocks side by side to fill the page (the
 * right block goes on from the left one): an even number of columns whose
 * halves are alike (figures under figures, words under words), a gutter
 * between the halves clearly wider than the gaps between columns, and a
 * right block that ends higher than the left one. Each block is read as a
 * table of its own, left first.
 */
function snakedHalves(lines: readonly Line[], strips: readonly Strip[], rows: readonly RowDraft[], cols: number): [Line[], Line[]] | null {
  if (cols < 4 || cols % 2 !== 0) return null
  const half = cols / 2
  const width = (s: Strip) => s.x2 - s.x1
  const middle = strips[half - 1]
  if (strips.some((s) => s !== middle && width(middle) < width(s) * SNAKE_GUTTER)) return null
  const figures = (col: number) => {
    const texts = rows.flatMap((r) => r.cells.filter((c) => c.col === col && c.span === 1).map(draftText))
    return texts.length > 0 && texts.filter((t) => isNumeric(t)).length * 2 >= texts.length
  }
  for (let c = 0; c < half; c++) if (figures(c) !== figures(c + half)) return null
  const cut = (middle.x1 + middle.x2) / 2
  const left = sideOf(lines, (f) => f.x2 <= cut)
  const right = sideOf(lines, (f) => f.x1 >= cut)
  if (lines.some((l) => l.fragments.some((f) => f.x1 < cut && f.x2 > cut))) return null
  if (right.length < MIN_ROWS || right.length >= left.length || right[right.length - 1].y >= left[left.length - 1].y) return null
  return [left, right]
}

function buildTable(lines: readonly Line[], rules: readonly Rule[]): PageTable[] {
  const fragments = lines.flatMap((l) => l.fragments)
  const x1 = Math.min(...fragments.map((f) => f.x1))
  const x2 = Math.max(...fragments.map((f) => f.x2))
  const size = median(fragments.map((f) => f.size))
  const boxes = fragments.map((f) => ({ x1: f.x1, x2: f.x2, y1: f.y - f.size, y2: f.y }))
  const strips = lowStrips(boxes, Math.floor(lines.length * 0.15)).filter((s) => s.x1 > x1 + 0.5 && s.x2 < x2 - 0.5 && s.x2 - s.x1 >= size * 0.3)
  if (strips.length === 0) return []
  const bounds = [x1, ...strips.map((s) => (s.x1 + s.x2) / 2), x2]
  const cols = bounds.length - 1
  const rows = foldContinuations(draftRows(lines, bounds, strips))
  if (rows.filter((r) => r.cells.length >= 2).length < MIN_ROWS) return []
  const halves = snakedHalves(lines, strips, rows, cols)
  if (halves) {
    const parts = halves.map((side) => buildTable(side, rules))
    if (parts.every((p) => p.length === 1)) return parts.flat()
  }
  const table = gridTable(lines, rules, rows, bounds, x1, x2)
  return table ? [table] : []
}

const gridCells = (rows: readonly RowDraft[]): GridCell<CellText>[] =>
  rows.flatMap((row, r) => row.cells.map((cell) => ({ row: r, col: cell.col, rowSpan: 1, colSpan: cell.span, header: false, content: cellContent(cell) })))

/** Head lines closer than this many type sizes are wrapped lines of one head row. */
const HEAD_LEADING = 1.3

/**
 * A head set as several lines, each head cell wrapped within its column
 * (`Percentage of` / `international` / `coverage`), is one head row: its
 * lines are set tighter than the body rows and no cell spans columns (a
 * cell over two columns makes a head of two levels).
 */
function stackedHead(rows: readonly RowDraft[], head: number): RowDraft | null {
  if (head < 2 || rows.length < head + 3) return null
  const lines = rows.slice(0, head)
  if (lines.some((r) => r.cells.some((c) => c.span > 1))) return null
  const bodyPitch = median(rows.slice(head + 1).map((r, k) => r.y - rows[head + k].y))
  // From the lowest line of the row above (a row may hold lines already folded into it).
  const foot = (r: RowDraft) => Math.max(r.y, ...r.cells.flatMap((c) => c.fragments.map((f) => f.y)))
  for (let k = 1; k < head; k++) {
    const pitch = lines[k].y - foot(lines[k - 1])
    if (pitch > HEAD_LEADING * Math.max(lines[k].size, lines[k - 1].size) || pitch >= bodyPitch * 0.95) return null
  }
  const cells: RowDraft['cells'] = []
  for (const line of lines) {
    for (const cell of line.cells) {
      const same = cells.find((c) => c.col === cell.col)
      if (same) same.fragments.push(...cell.fragments)
      else cells.push({ col: cell.col, span: 1, fragments: [...cell.fragments] })
    }
  }
  return { y: lines[head - 1].y, size: lines[0].size, cells: cells.sort((a, b) => a.col - b.col) }
}

function gridTable(lines: readonly Line[], rules: readonly Rule[], draft: RowDraft[], bounds: number[], x1: number, x2: number): PageTable | null {
  let rows = draft
  const cols = bounds.length - 1

  const texts = (col: number) => rows.flatMap((r) => r.cells.filter((c) => c.col === col).map(draftText))
  // A list (markers in the first column) or two columns of prose are not tables.
  if (cols === 2 && texts(0).every((t) => LIST_MARKER.test(t))) return null
  if (Array.from({ length: cols }, (_, c) => median(texts(c).map((t) => t.length))).every((m) => m > 30)) return null

  let cells = gridCells(rows)
  let { grid } = normalizeGrid({ rows: rows.length, cols, headerRows: 0, cells }, emptyCell)
  grid.headerRows = detectHeaderRows(grid, ruleHint(rows, rules, x1, x2))
  const head = stackedHead(rows, grid.headerRows)
  if (head) {
    rows = [head, ...rows.slice(grid.headerRows)]
    cells = gridCells(rows)
    grid = { ...normalizeGrid({ rows: rows.length, cols, headerRows: 0, cells }, emptyCell).grid, headerRows: 1 }
  }
  const full = rows.filter((r) => r.cells.reduce((n, c) => n + c.span, 0) === cols).length / rows.length
  const numeric = cells.filter((c) => isNumeric(c.content.text)).length / Math.max(1, cells.length)
  const confidence = Math.min(0.9, 0.5 + (full >= 0.6 ? 0.15 : 0) + (numeric >= 0.3 ? 0.1 : 0) + (rows.length >= 5 ? 0.1 : 0) + (cols >= 3 ? 0.05 : 0))
  return {
    kind: 'table',
    layout: 'pdf-aligned',
    confidence,
    box: { x1, x2, y1: lines[0].y - lines[0].size, y2: lines[lines.length - 1].y },
    columns: bounds,
    grid: markBodyHeaders(normalizeGrid(grid, emptyCell).grid)
  }
}

/** The lines of one column stretch, with the column-aligned tables among them taken out as tables. */
export function findAlignedTables(lines: readonly Line[], rules: readonly Rule[] = []): LineOrTable[] {
  const out: LineOrTable[] = []
  let cursor = 0
  for (const [start, end] of candidateRuns(lines)) {
    if (end - start + 1 < MIN_ROWS) continue
    const tables = buildTable(lines.slice(start, end + 1), rules)
    if (tables.length === 0) continue
    for (let k = cursor; k < start; k++) out.push({ kind: 'line', line: lines[k] })
    out.push(...tables)
    cursor = end + 1
  }
  for (let k = cursor; k < lines.length; k++) out.push({ kind: 'line', line: lines[k] })
  return out
}
