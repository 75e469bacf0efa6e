/**
 * Ruled tables: tables whose cells are drawn. The rules that touch one
 * another form a table; their distinct x and y positions form the grid; a
 * rule missing between two grid slots means one merged cell covers both.
 *
 *     x0      x1      x2      x3
 *  y0 ┌───────────────┬───────┐     no rule at x1 between y0 and y1:
 *     │  A            │   B   │     A spans columns 0–1
 *  y1 ├───────┬───────┤       │     no rule at y1 between x2 and x3:
 *     │  C    │  D    │       │     B spans rows 0–1
 *  y2 └───────┴───────┴───────┘
 *
 * Pure: rules and text runs in page coordinates in, tables and the runs
 * they did not take out.
 */
import { joinLines } from './join-lines.js'
import { type GridCell, normalizeGrid } from '../../../ast/grid.js'
import type { Rule, TextRun } from '../types.js'
import { type Box, cluster, overlap } from './geometry.js'
import { baselineGroups, joinPieces, splitAtGaps } from './fragments.js'
import { detectHeaderRows, markBodyHeaders } from './header-rows.js'
import { type CellText, type PageTable, emptyCell } from './table-types.js'
import { foldWrappedRows } from './wrapped-rows.js'
import { withoutTextlessColumns } from './textless-columns.js'

/** Rules closer than this (points) are the same line. */
const SNAP = 2.5
/** A boundary counts as drawn when rules cover this share of it. */
const DRAWN = 0.6
/** A column or row narrower than this (points) and empty is a sliver between drawn lines. */
const SLIVER = 7
/** A cell holding more text than this is a box around prose, not a table cell. */
const PROSE_CELL = 300
/** Grid lines closer than this are one (double rules, thick borders drawn as two). */
const MERGE_LINES = 3.5

interface Segment {
  /** Position across (y for horizontal rules, x for vertical). */
  at: number
  from: number
  to: number
}

/** Collinear pieces joined: dashed and per-cell rules become whole lines. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from)
  const out: Segment[] = []
  let band: Segment[] = []
  const flush = () => {
    band.sort((a, b) => a.from - b.from)
    const at = band.reduce((s, x) => s + x.at, 0) / band.length
    let current: Segment | null = null
    for (const s of band) {
      if (current && s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to)
      else {
        current = { at, from: s.from, to: s.to }
        out.push(current)
      }
    }
    band = []
  }
  for (const s of sorted) {
    if (band.length > 0 && s.at - band[band.length - 1].at > 1) flush()
    band.push(s)
  }
  if (band.length > 0) flush()
  return out
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]]
    i = parent[i]
  }
  return i
}

function union(parent: number[], a: number, b: number): void {
  const ra = find(parent, a)
  const rb = find(parent, b)
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
}

/** Groups of horizontal and vertical rules that touch each other. */
function connectedRules(h: Segment[], v: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i)
  const byX = v.map((s, i) => ({ s, i })).sort((a, b) => a.s.at - b.s.at)
  const xs = byX.map((e) => e.s.at)
  const lowerBound = (x: number) => {
    let lo = 0
    let hi = xs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (xs[mid] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  h.forEach((hs, hi) => {
    for (let k = lowerBound(hs.from - SNAP); k < byX.length && byX[k].s.at <= hs.to + SNAP; k++) {
      const vs = byX[k].s
      if (hs.at >= vs.from - SNAP && hs.at <= vs.to + SNAP) union(parent, hi, h.length + byX[k].i)
    }
  })
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>()
  const groupOf = (i: number) => {
    const root = find(parent, i)
    let g = groups.get(root)
    if (!g) {
      g = { h: [], v: [] }
      groups.set(root, g)
    }
    return g
  }
  h.forEach((s, i) => groupOf(i).h.push(s))
  v.forEach((s, i) => groupOf(h.length + i).v.push(s))
  return [...groups.values()]
}

function drawn(rules: Segment[], at: number, from: number, to: number): boolean {
  const need = (to - from) * DRAWN
  let covered = 0
  for (const r of rules) if (Math.abs(r.at - at) <= MERGE_LINES) covered += overlap(r.from, r.to, from, to)
  return covered >= need
}

/** Merged-cell rectangles over the elementary grid, from the boundaries that are not drawn. */
export function mergedCells(
  xs: readonly number[],
  ys: readonly number[],
  h: Segment[],
  v: Segment[],
  /** Undrawn column boundaries a row keeps all the same (the white rows of a striped table keep the columns around them). */
  keepsBoundary: (row: number, col: number) => boolean = () => false
): { cells: { row: number; col: number; rowSpan: number; colSpan: number }[]; irregular: number; owner: number[] } {
  const rows = ys.length - 1
  const cols = xs.length - 1
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !keepsBoundary(r, c + 1) && !drawn(v, xs[c + 1], ys[r], ys[r + 1])) union(parent, r * cols + c, r * cols + c + 1)
      if (r + 1 < rows && !drawn(h, ys[r + 1], xs[c], xs[c + 1])) union(parent, r * cols + c, (r + 1) * cols + c)
    }
  }
  const extent = new Map<number, { r1: number; c1: number; r2: number; c2: number; n: number }>()
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(parent, r * cols + c)
      const e = extent.get(root)
      if (!e) extent.set(root, { r1: r, c1: c, r2: r, c2: c, n: 1 })
      else {
        e.r1 = Math.min(e.r1, r)
        e.c1 = Math.min(e.c1, c)
        e.r2 = Math.max(e.r2, r)
        e.c2 = Math.max(e.c2, c)
        e.n++
      }
    }
  }
  let irregular = 0
  // Each slot belongs to one cell: an L-shaped group's bounding box may overlap another cell, its text must not.
  const index = new Map([...extent.keys()].map((root, i) => [root, i]))
  const owner = Array.from({ length: rows * cols }, (_, slot) => index.get(find(parent, slot))!)
  const cells = [...extent.values()].map((e) => {
    const rowSpan = e.r2 - e.r1 + 1
    const colSpan = e.c2 - e.c1 + 1
    // An L-shaped group (a rule drawn only part of the way) is taken as its bounding box.
    if (rowSpan * colSpan !== e.n) irregular++
    return { row: e.r1, col: e.c1, rowSpan, colSpan }
  })
  return { cells, irregular, owner }
}

function indexIn(bounds: readonly number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i] && v < bounds[i + 1]) return i
  return -1
}

/**
 * Grid lines minus those that only bound slivers: strips narrower than
 * SLIVER with no text in them come from boxes drawn inset in their cells or
 * shading drawn apart from the rules, not from columns or rows.
 */
export function withoutSlivers(bounds: readonly number[], centres: readonly number[], rules: readonly Segment[]): number[] {
  const out = [...bounds]
  // How much rule is drawn along a grid line: the real boundary of a sliver is the longer one.
  const drawnAlong = (at: number) => rules.reduce((sum, r) => (Math.abs(r.at - at) <= MERGE_LINES ? sum + r.to - r.from : sum), 0)
  for (let k = 0; k + 1 < out.length && out.length > 2; ) {
    const empty = !centres.some((c) => c > out[k] && c < out[k + 1])
    if (out[k + 1] - out[k] < SLIVER && empty) {
      const outer = k === 0 ? k : k + 1 === out.length - 1 ? k + 1 : -1
      const drop = outer === k ? k + 1 : outer === k + 1 ? k : drawnAlong(out[k]) >= drawnAlong(out[k + 1]) ? k + 1 : k
      out.splice(drop, 1)
    } else k++
  }
  return out
}

/** A proportional cut this close (characters) to a space moves to the space: widths vary, words do not break at rules. */
const SNAP_TO_SPACE = 3

/** A run cut at the x positions given, its characters shared out by their advance. */
export function splitRun(run: TextRun, cuts: readonly number[]): TextRun[] {
  const chars = Array.from(run.text)
  if (chars.length < 2) return [run]
  const each = run.width / chars.length
  const pieces: TextRun[] = []
  let start = 0
  for (const cut of [...cuts, Number.POSITIVE_INFINITY]) {
    let end = start
    while (end < chars.length && run.x + (end + 0.5) * each < cut) end++
    if (end > start && end < chars.length && !/\s/u.test(chars[end - 1]) && !/\s/u.test(chars[end])) {
      // The nearest space on either side (the piece still keeps a character).
      for (let d = 1; d <= SNAP_TO_SPACE; d++) {
        if (end - d > start && /\s/u.test(chars[end - d])) {
          end -= d
          break
        }
        if (end + d < chars.length && /\s/u.test(chars[end + d - 1])) {
          end += d
          break
        }
      }
    }
    if (end > start) pieces.push({ ...run, text: chars.slice(start, end).join(''), x: run.x + start * each, width: (end - start) * each })
    start = end
  }
  return pieces
}

/** Text of the runs in one cell: lines joined as wrapped lines. */
export function cellText(runs: readonly TextRun[]): CellText {
  if (runs.length === 0) return emptyCell()
  const lines = baselineGroups(runs.filter((r) => r.length === undefined)).map((line) => joinPieces(line.map((r) => ({ text: r.text, x1: r.x, x2: r.x + r.width, size: r.size }))))
  // Vertical writing and turned labels: columns read right to left.
  const columns = runs.filter((r) => r.length !== undefined).sort((a, b) => b.x - a.x || a.y - b.y)
  lines.push(...columns.map((r) => r.text.trim()))
  const visible = runs.filter((r) => r.text.trim())
  return { text: lines.reduce((a, b) => joinLines(a, b), ''), bold: visible.length > 0 && visible.every((r) => r.bold) }
}

/** Below this share of cells holding text, and of rows holding two or more, a drawn grid is a figure. */
const SPARSE = 0.35
const LONE_ROWS = 0.5
/** A sparse grid with this share of rows holding no text is a figure. */
const EMPTY_ROWS = 0.25

/**
 * Whether the text lines up with the grid the rules draw, as in a table:
 * a figure (boxes, callouts, arrows) draws many cells and fills few, one
 * to a row. Its text is then left as text.
 */
function likeATable(cells: readonly GridCell<CellText>[]): boolean {
  const filled = cells.filter((c) => c.content.text)
  const perRow = new Map<number, number>()
  for (const c of filled) perRow.set(c.row, (perRow.get(c.row) ?? 0) + 1)
  const paired = [...perRow.values()].filter((n) => n >= 2).length
  if (filled.length >= cells.length * SPARSE) return true
  // Rows with no text at all between the drawn lines: boxes of a diagram, not rows of a table.
  const rows = Math.max(...cells.map((c) => c.row + c.rowSpan))
  return paired >= perRow.size * LONE_ROWS && rows - perRow.size < rows * EMPTY_ROWS
}

/** The vertical middle of a run's glyphs. */
const middleOf = (r: TextRun) => (r.length === undefined ? r.y - r.size * 0.35 : r.y + r.length / 2)

/** A group of touching rules, and the undrawn strips between the stripes it was joined from. */
interface RuleGroup {
  h: Segment[]
  v: Segment[]
  gaps: [number, number][]
  /** Height of its shortest row. */
  rowHeight: number
}

/**
 * A striped table may end on a white row, which draws nothing: the line of
 * cells right under the last stripe, inside its width, is that row.
 */
function trailingWhiteRow(box: Box, rowHeight: number, runs: readonly TextRun[], taken: Set<TextRun>): boolean {
  const below = runs.filter((r) => {
    const cx = r.x + r.width / 2
    const cy = middleOf(r)
    return !taken.has(r) && r.text.trim() && cx > box.x1 && cx < box.x2 && cy > box.y2 && cy < box.y2 + rowHeight
  })
  return below.length >= 2 && below.every((r) => r.x >= box.x1 - 1 && r.x + r.width <= box.x2 + 1)
}

function buildTable(group: RuleGroup, runs: readonly TextRun[], taken: Set<TextRun>): PageTable | null {
  const { h, v } = group
  const gaps = [...group.gaps]
  const box = extent(group)
  if (gaps.length > 0 && trailingWhiteRow(box, group.rowHeight, runs, taken)) {
    gaps.push([box.y2, box.y2 + group.rowHeight])
    box.y2 += group.rowHeight
  }
  const inBox = runs.filter((r) => !taken.has(r) && r.text.trim())
  const xs = withoutSlivers(
    cluster([box.x1, box.x2, ...v.map((s) => s.at)], MERGE_LINES),
    inBox.map((r) => r.x + r.width / 2),
    v
  )
  const ys = withoutSlivers(
    cluster([box.y1, box.y2, ...h.map((s) => s.at)], MERGE_LINES),
    inBox.map(middleOf),
    h
  )
  const rows = ys.length - 1
  const cols = xs.length - 1
  if (rows < 1 || cols < 2 || rows * cols < 4) return null
  // A row that draws no inner column rule (a white row between fills, a header on one fill) keeps the columns:
  // in a striped table always, elsewhere where its text stands in separate columns (a row set across all
  // columns, a title or a section row, holds one piece of text or pieces that cross the boundaries).
  const drawsColumns = (r: number) => xs.slice(1, -1).some((x) => v.some((s) => Math.abs(s.at - x) <= MERGE_LINES && overlap(s.from, s.to, ys[r], ys[r + 1]) > 1))
  const rowRuns = (r: number) => inBox.filter((run) => indexIn(ys, middleOf(run)) === r && run.x + run.width / 2 > box.x1 && run.x + run.width / 2 < box.x2)
  const kept = new Map<number, (c: number) => boolean>()
  const keepsBoundary = (r: number, c: number): boolean => {
    if (drawsColumns(r)) return false
    if (gaps.length > 0) return true
    let keeps = kept.get(r)
    if (!keeps) {
      // Pieces of text as a reader sees them (glyphs drawn one by one are joined up to a word gap).
      const pieces = baselineGroups(rowRuns(r).filter((run) => run.length === undefined)).flatMap(splitAtGaps)
      const held = new Set(pieces.map((f) => indexIn(xs, (f.x1 + f.x2) / 2)))
      keeps = held.size < 2 ? () => false : (col: number) => !pieces.some((f) => f.x1 < xs[col] - 1 && f.x2 > xs[col] + 1)
      kept.set(r, keeps)
    }
    return keeps(c)
  }
  const { cells: rects, irregular, owner } = mergedCells(xs, ys, h, v, keepsBoundary)

  // Slot → the runs whose middle falls in it; runs across a drawn column rule are cut there.
  const slotRuns = new Map<number, TextRun[]>()
  const inside = runs.filter((r) => {
    const cx = r.x + r.width / 2
    const cy = middleOf(r)
    return !taken.has(r) && cx > box.x1 && cx < box.x2 && cy > box.y1 && cy < box.y2
  })
  let cut = 0
  for (const run of inside) {
    taken.add(run)
    const row = indexIn(ys, middleOf(run))
    if (row < 0) continue
    // A run turned a quarter is not cut: its width is the glyphs' height, and it goes to the cell its middle is in.
    const cuts = run.length !== undefined ? [] : xs.slice(1, -1).filter((x) => run.x < x - 1 && run.x + run.width > x + 1 && drawn(v, x, ys[row], ys[row + 1]))
    if (cuts.length > 0 && run.text.trim()) cut++
    for (const piece of cuts.length > 0 ? splitRun(run, cuts) : [run]) {
      const col = indexIn(xs, piece.x + piece.width / 2)
      if (col < 0) continue
      const key = row * cols + col
      const list = slotRuns.get(key)
      if (list) list.push(piece)
      else slotRuns.set(key, [piece])
    }
  }
  const mine: TextRun[][] = rects.map(() => [])
  for (const [slot, list] of slotRuns) mine[owner[slot]].push(...list)
  const cells: GridCell<CellText>[] = rects.map((rect, i) => ({ ...rect, header: false, content: cellText(mine[i]) }))
  const filled = cells.filter((c) => c.content.text)
  // A box around a paragraph, a figure frame or boxes around page halves are not tables.
  const prose = filled.filter((c) => c.content.text.length > PROSE_CELL).length
  if (filled.length < 2 || prose * 2 >= filled.length) {
    for (const run of inside) taken.delete(run)
    return null
  }
  const folded = foldWrappedRows(normalizeGrid({ rows, cols, headerRows: 0, cells }, emptyCell).grid)
  if (!likeATable(folded.cells)) {
    for (const run of inside) taken.delete(run)
    return null
  }
  const { grid, columns } = withoutTextlessColumns(folded, xs)
  grid.headerRows = detectHeaderRows(grid)
  const confidence = Math.max(0.5, 0.95 - 0.15 * irregular - (cut > 0 ? 0.1 : 0))
  return { kind: 'table', layout: 'pdf-ruled', confidence, box, columns, grid: markBodyHeaders(normalizeGrid(grid, emptyCell).grid) }
}

/** The extent of a group of rules. */
function extent(g: { h: Segment[]; v: Segment[] }): Box {
  return {
    x1: Math.min(...g.h.map((s) => s.from), ...g.v.map((s) => s.at)),
    x2: Math.max(...g.h.map((s) => s.to), ...g.v.map((s) => s.at)),
    y1: Math.min(...g.v.map((s) => s.from), ...g.h.map((s) => s.at)),
    y2: Math.max(...g.v.map((s) => s.to), ...g.h.map((s) => s.at))
  }
}

/** Column positions of a group (its vertical rules, clustered). */
const columnsOf = (g: { v: Segment[] }) => cluster(g.v.map((s) => s.at), MERGE_LINES)

/**
 * A striped table (rows shaded in turn, cell by cell, with white rows
 * between that draw nothing) is one table, not a table per shaded row:
 * groups stacked close below one another, over the same width and with the
 * same columns, are joined; the strips between them are remembered so
 * their rows keep the columns.
 */
function joinStripes(groups: readonly { h: Segment[]; v: Segment[] }[]): RuleGroup[] {
  const sorted = groups.map((g) => ({ ...g, box: extent(g), cols: columnsOf(g) })).sort((a, b) => a.box.y1 - b.box.y1)
  const out: (RuleGroup & { box: Box; cols: number[] })[] = []
  for (const g of sorted) {
    // The group's smallest row: between its closest horizontal lines.
    const ys = cluster(g.h.map((s) => s.at), MERGE_LINES)
    const rowHeight = Math.min(...ys.slice(1).map((y, i) => y - ys[i]))
    const last = out[out.length - 1]
    const gap = last ? g.box.y1 - last.box.y2 : Number.POSITIVE_INFINITY
    const sameWidth = last && Math.abs(last.box.x1 - g.box.x1) <= MERGE_LINES && Math.abs(last.box.x2 - g.box.x2) <= MERGE_LINES
    const sameColumns = last && g.cols.length >= 3 && g.cols.length === last.cols.length && g.cols.every((x, i) => Math.abs(x - last.cols[i]) <= MERGE_LINES)
    if (last && sameWidth && sameColumns && gap >= -SNAP && gap <= Math.min(rowHeight, last.rowHeight) * 1.5) {
      last.h.push(...g.h)
      last.v.push(...g.v)
      if (gap > SNAP) last.gaps.push([last.box.y2, g.box.y1])
      last.box = { ...last.box, y2: Math.max(last.box.y2, g.box.y2) }
      last.rowHeight = Math.min(rowHeight, last.rowHeight)
    } else out.push({ h: [...g.h], v: [...g.v], gaps: [], box: g.box, cols: g.cols, rowHeight })
  }
  return out
}


/**
 * The ruled tables on a page and the runs that are not in them. Rules must
 * be horizontal or vertical (as `rulesFromOperators` gives them).
 */
export function findRuledTables(rules: readonly Rule[], runs: readonly TextRun[]): { tables: PageTable[]; rest: TextRun[] } {
  const h = mergeSegments(rules.filter((r) => r.y1 === r.y2).map((r) => ({ at: r.y1, from: r.x1, to: r.x2 })))
  const v = mergeSegments(rules.filter((r) => r.x1 === r.x2 && r.y1 !== r.y2).map((r) => ({ at: r.x1, from: r.y1, to: r.y2 })))
  const taken = new Set<TextRun>()
  const tables: PageTable[] = []
  const groups = connectedRules(h, v).filter((g) => g.h.length >= 2 && g.v.length >= 2)
  for (const group of joinStripes(groups)) {
    const table = buildTable(group, runs, taken)
    if (table) tables.push(table)
  }
  return { tables: tables.sort((a, b) => a.box.y1 - b.box.y1), rest: runs.filter((r) => !taken.has(r)) }
}
