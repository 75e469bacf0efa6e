/**
 * Vertical writing (CJK set top to bottom, columns right to left) and text
 * turned a quarter: runs → columns → paragraphs. A column that starts lower
 * than the one before it is indented: a new paragraph. Pure.
 */
import { joinLines } from './join-lines.js'
import type { TextRun } from '../types.js'
import type { Box } from './geometry.js'

export interface VerticalColumn {
  text: string
  box: Box
  size: number
}

/** Runs grouped into columns (same x), each read top to bottom. */
export function verticalColumns(runs: readonly TextRun[]): VerticalColumn[] {
  const sorted = runs.filter((r) => r.length !== undefined && r.text.trim()).sort((a, b) => b.x - a.x || a.y - b.y)
  const columns: { runs: TextRun[]; x: number; size: number }[] = []
  for (const run of sorted) {
    const last = columns[columns.length - 1]
    if (last && Math.abs(last.x - run.x) <= 0.5 * Math.max(run.size, last.size)) last.runs.push(run)
    else columns.push({ runs: [run], x: run.x, size: run.size })
  }
  // One x can hold several columns one above the other (a page in tiers); split at gaps.
  const out: VerticalColumn[] = []
  for (const column of columns) {
    const runsDown = column.runs.sort((a, b) => a.y - b.y)
    let current: TextRun[] = []
    const flush = () => {
      if (current.length === 0) return
      out.push({
        text: current.map((r) => r.text).join(''),
        size: Math.max(...current.map((r) => r.size)),
        box: {
          x1: Math.min(...current.map((r) => r.x)),
          x2: Math.max(...current.map((r) => r.x + r.width)),
          y1: current[0].y,
          y2: Math.max(...current.map((r) => r.y + (r.length ?? 0)))
        }
      })
      current = []
    }
    for (const run of runsDown) {
      const end = current.length > 0 ? Math.max(...current.map((r) => r.y + (r.length ?? 0))) : run.y
      if (current.length > 0 && run.y - end > 2 * run.size) flush()
      current.push(run)
    }
    flush()
  }
  return out
}

/** Columns (right to left) joined into paragraphs. */
export function verticalParagraphs(columns: readonly VerticalColumn[]): string[] {
  const ordered = [...columns].sort((a, b) => b.box.x2 - a.box.x2 || a.box.y1 - b.box.y1)
  if (ordered.length === 0) return []
  const top = Math.min(...ordered.map((c) => c.box.y1))
  const bottom = Math.max(...ordered.map((c) => c.box.y2))
  const paragraphs: string[] = []
  let text = ''
  let prev: VerticalColumn | null = null
  for (const column of ordered) {
    const indented = column.box.y1 > top + column.size * 0.5
    const prevShort = prev !== null && prev.box.y2 < bottom - prev.size * 1.5
    const farApart = prev !== null && prev.box.x1 - column.box.x2 > column.size * 2
    if (prev && (indented || prevShort || farApart)) {
      paragraphs.push(text)
      text = ''
    }
    text = joinLines(text, column.text.trim())
    prev = column
  }
  if (text) paragraphs.push(text)
  return paragraphs
}
