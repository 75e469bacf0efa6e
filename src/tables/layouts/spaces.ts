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
import type { RawRow, RawTable } from '../raw.js'

interface Segment {
  text: string
  start: number
  end: number
}

/** Cells of a line with their display-column extents. */
export function segmentsOf(line: string): Segment[] {
  const out: Segment[] = []
  const re = /\S+(?:[ ](?! )\S+)*/gu
  const expanded = line.replace(/\t/g, '    ')
  for (const m of expanded.matchAll(re)) {
    const start = displayWidth(expanded.slice(0, m.index))
    out.push({ text: m[0].replace(/\u3000/g, ' ').trim(), start, end: start + displayWidth(m[0]) })
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

/** Columns of the table, left to right, from its data rows. */
function columnsOf(rows: Segment[][]): Column[] {
  const data = rows.filter((r) => r.some((s) => cellKind(s.text) === 'value'))
  const basis = data.length > 0 ? data : rows
  const values = basis.flatMap((r) => r.filter((s) => cellKind(s.text) === 'value'))
  const valueBands = bands(values)
  const firstValue = valueBands.length > 0 ? valueBands[0].start : Infinity
  // Label columns: the distinct left edges of labels left of the values.
  const starts = [...new Set(basis.flatMap((r) => r.filter((s) => cellKind(s.text) !== 'value' && s.start < firstValue).map((s) => s.start)))].sort((a, b) => a - b)
  const labelStarts: number[] = []
  for (const s of starts) if (labelStarts.length === 0 || s - labelStarts[labelStarts.length - 1] > 1) labelStarts.push(s)
  const labelColumns = labelStarts.map((start, i) => ({ start, end: i + 1 < labelStarts.length ? labelStarts[i + 1] : Math.min(firstValue, start + 1) }))
  return [...labelColumns, ...valueBands]
}

/** Which columns a segment covers: those its extent overlaps, at least the one it starts in. */
function coverage(segment: Segment, columns: Column[]): [number, number] {
  // Boundaries halfway through the gaps between columns.
  const edges = columns.map((c, i) => (i === 0 ? -Infinity : (columns[i - 1].end + c.start) / 2))
  const colAt = (x: number) => {
    let k = 0
    while (k + 1 < columns.length && x >= edges[k + 1]) k++
    return k
  }
  const first = colAt(segment.start)
  const last = Math.max(first, colAt(segment.end - 1))
  return [first, last + 1]
}

export function parseSpaces(lines: string[], first: number): RawTable {
  const segmented = lines.map((line, i) => ({ segments: segmentsOf(line), line: first + i })).filter((r) => r.segments.length > 0)
  const columns = columnsOf(segmented.map((r) => r.segments))
  const rows: RawRow[] = segmented.map(({ segments, line }) => ({
    cells: segments.map((s) => {
      const [from, to] = coverage(s, columns)
      return { text: s.text, hint: from, columns: [from, to] as [number, number] }
    }),
    line
  }))
  return { layout: 'spaces', rows, columns: columns.length }
}
