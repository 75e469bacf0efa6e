/** Fragments of one column stretch → lines (fragments sharing a baseline). */
import { type Fragment, joinPieces } from './fragments.js'

export interface Line {
  /** Left to right. */
  fragments: Fragment[]
  text: string
  x1: number
  x2: number
  /** Baseline. */
  y: number
  size: number
  /** Every fragment is bold (italic). */
  bold: boolean
  italic: boolean
  /** 1-based page number. */
  page: number
}

export function makeLine(fragments: Fragment[], page: number): Line {
  const sorted = [...fragments].sort((a, b) => a.x1 - b.x1)
  // The line's type size is that of most of its text (not of a big bullet or a drop cap).
  const main = sorted.reduce((a, b) => (Array.from(b.text).length > Array.from(a.text).length ? b : a))
  return {
    fragments: sorted,
    text: joinPieces(sorted.map((f) => ({ text: f.text, x1: f.x1, x2: f.x2, size: f.size }))),
    x1: sorted[0].x1,
    x2: Math.max(...sorted.map((f) => f.x2)),
    y: main.y,
    size: main.textSize,
    bold: sorted.every((f) => f.bold),
    italic: sorted.every((f) => f.italic),
    page
  }
}

/** Group fragments (already in one column) into lines, top to bottom. */
export function groupLines(fragments: readonly Fragment[], page: number): Line[] {
  const sorted = [...fragments].sort((a, b) => a.y - b.y || a.x1 - b.x1)
  const groups: Fragment[][] = []
  let y = Number.NEGATIVE_INFINITY
  let size = 0
  for (const f of sorted) {
    const last = groups[groups.length - 1]
    if (last && Math.abs(f.y - y) <= 0.3 * Math.max(f.size, size)) last.push(f)
    else {
      groups.push([f])
      y = f.y
      size = f.size
    }
  }
  return groups.map((g) => makeLine(g, page))
}

