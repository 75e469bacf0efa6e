/**
 * The spaces layout, as `pdftotext -layout` prints tables: columns aligned
 * with runs of spaces, CJK characters two columns wide.
 *
 *     项目              数量        金额
 *     一、本年新收          21       3,400
 *     二、上年结转           0          —
 *
 * Cells are the text between runs of 2+ spaces. Columns come from the data
 * rows: value cells of one column overlap (they are right- or left-aligned
 * in a band), label cells of one column start at the same place. Every cell
 * then knows the columns it covers.
 */
import { displayWidth } from '../../text/cjk.js'
import { cellKind } from '../cell-kind.js'
import { MAX_TABLE_COLUMNS, type RawRow, type RawTable } from '../raw.js'

interface Segment {
  text: string
  start: number
  end: number
}

/** Characters measured for display width by this layout's column finding (tests bound it: linear in the input). */
export const segmentWork = { chars: 0 }

/** Cells of a line with their display-column extents. */
export function segmentsOf(line: string): Segment[] {
  const out: Segment[] = []
  const re = /\S+(?:[ ](?! )\S+)*/gu
  const expanded = line.replace(/\t/g, '    ')
  // Widths add up segment by segment: measuring from the line's start each time is quadratic on a long line.
  let at = 0
  let width = 0
  for (const m of expanded.matchAll(re)) {
    const start = width + displayWidth(expanded.slice(at, m.index))
    const end = start + displayWidth(m[0])
    segmentWork.chars += m.index + m[0].length - at
    out.push({ text: m[0].replace(/\u3000/g, ' ').trim(), start, end })
    at = m.index + m[0].length
    width = end
  }
  return out.filter((s) => s.text !== '')
}

interface Column {
  start: number
  end: number
}

/** Merge overlapping intervals into bands. */
function bands(intervals: Column[]): Column[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const out: Column[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last && i.start < last.end) last.end = Math.max(last.end, i.end)
    else out.push({ ...i })
  }
  return out
}

/** Distinct positions, those within one display column of each other counted once. */
function clusters(xs: number[]): number[] {
  const out: number[] = []
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) if (out.length === 0 || x - out[out.length - 1] > 1) out.push(x)
  return out
}

/**
 * Split a band of labels at its left edges when they are indented levels
 * (`一、…` at one edge, `（一）…` further in): few left edges shared by
 * several labels, more right edges than left ones. A right-aligned column
 * (one right edge, ragged left edges) or a left-aligned one stays whole.
 */
function splitByIndent(band: Column, labels: Segment[]): Column[] {
  const inBand = labels.filter((s) => s.start < band.end && s.end > band.start)
  const lefts = clusters(inBand.map((s) => s.start))
  const rights = clusters(inBand.map((s) => s.end))
  if (lefts.length < 2 || rights.length <= lefts.length) return [band]
  // Every level is a real edge: at least two labels start there (the deepest may hold one).
  const shared = lefts.filter((x, i) => i === lefts.length - 1 || inBand.filter((s) => Math.abs(s.start - x) <= 1).length >= 2)
  if (shared.length < 2) return [band]
  return shared.map((start, i) => ({ start: i === 0 ? band.start : start, end: i + 1 < shared.length ? shared[i + 1] : band.end }))
}

/**
 * Columns of the table, left to right. The body's cells fix them: a column
 * is a band where the cells of body rows overlap (values right-aligned,
 * text left-aligned or right-aligned alike), and a band of row labels left
 * of the values splits at its indent levels. Head cells then widen the band
 * they fall in (a left-aligned header over right-aligned values); a head
 * cell over several bands spans them and widens none.
 */
function columnsOf(rows: Segment[][]): Column[] {
  const isValue = (s: Segment) => cellKind(s.text) === 'value'
  const hasValues = rows.some((r) => r.some(isValue))
  // Rows of data (with values; in a text-only table every row after the first) fix the columns.
  // One-cell rows (titles, section rows) span the table and head rows may span columns: they only widen them.
  const isBody = (r: Segment[], i: number) => r.length >= 2 && (hasValues ? r.some(isValue) : i > 0)
  let body = rows.filter(isBody)
  if (body.length === 0) body = rows.filter((r) => r.length >= 2)
  if (body.length === 0) body = rows
  const segments = body.flat()
  const firstValue = Math.min(...segments.filter(isValue).map((s) => s.start))
  const labels = segments.filter((s) => !isValue(s) && s.start < firstValue)
  const columns = bands(segments).flatMap((band) => (band.start < firstValue ? splitByIndent(band, labels) : [band]))
  for (const row of rows) {
    if (body.includes(row)) continue
    for (const s of row) {
      const over = columns.filter((c) => s.start < c.end && s.end > c.start)
      if (over.length !== 1) continue
      const k = columns.indexOf(over[0])
      const lo = k > 0 ? columns[k - 1].end + 1 : -Infinity
      const hi = k + 1 < columns.length ? columns[k + 1].start - 1 : Infinity
      over[0].start = Math.max(lo, Math.min(over[0].start, s.start))
      over[0].end = Math.min(hi, Math.max(over[0].end, s.end))
    }
  }
  return columns
}

/** Boundaries halfway through the gaps between columns: edges[k] is where column k starts. */
function edgesOf(columns: Column[]): number[] {
  return columns.map((c, i) => (i === 0 ? -Infinity : (columns[i - 1].end + c.start) / 2))
}

/** Which columns a segment covers: those its extent overlaps, at least the one it starts in. */
function coverage(segment: Segment, edges: number[]): [number, number] {
  // The last column whose edge is at or before x (binary search: a wide line has many columns).
  const colAt = (x: number) => {
    let lo = 0
    let hi = edges.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (x >= edges[mid]) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const first = colAt(segment.start)
  const last = Math.max(first, colAt(segment.end - 1))
  return [first, last + 1]
}

export function parseSpaces(lines: string[], first: number): RawTable {
  const segmented = lines.map((line, i) => ({ segments: segmentsOf(line), line: first + i })).filter((r) => r.segments.length > 0)
  // Wider than any table: stays text (find-tables), and placing its cells would cost width² here.
  if (segmented.some((r) => r.segments.length > MAX_TABLE_COLUMNS)) {
    return { layout: 'spaces', rows: segmented.map(({ segments, line }) => ({ cells: segments.map((s) => ({ text: s.text })), line })), columns: MAX_TABLE_COLUMNS + 1 }
  }
  const columns = columnsOf(segmented.map((r) => r.segments))
  const edges = edgesOf(columns)
  const left = Math.min(...segmented.map((r) => r.segments[0].start))
  const rows: RawRow[] = segmented.map(({ segments, line }) => {
    const cells = segments.map((s) => {
      const [from, to] = coverage(s, edges)
      return { text: s.text, hint: from, columns: [from, to] as [number, number] }
    })
    const row: RawRow = { cells, line }
    if (cells.length === 1 && cells[0].columns[1] - cells[0].columns[0] === 1 && segments[0].start > left + 1) row.lone = true
    return row
  })
  return { layout: 'spaces', rows, columns: columns.length }
}
