/**
 * Reading order on pages set in columns. A gutter is a vertical strip that
 * almost nothing crosses, with lines of running text on both sides; what
 * does cross it (a title, a full-width figure caption or table) cuts the
 * page into sections, and each section is read left column first.
 *
 *     ┌──────────── title ────────────┐   section 0: title
 *     │ left column   ┊ right column  │   section 1: left, then right
 *     ├──────── wide table ───────────┤   section 2: the table
 *     │ left          ┊ right         │   section 3: left, then right
 *
 * Pure: boxes in, groups of boxes (one per column stretch) out.
 */
import { type Box, median } from './geometry.js'

/** Columns inside columns (three-column pages) are found down to this depth. */
const MAX_DEPTH = 3

export interface Strip {
  x1: number
  x2: number
}

/**
 * Low-coverage vertical strips, from a sweep over the boxes' x-extents:
 * stretches where at most `maxCross` boxes overlap, each narrowed to its
 * least-crossed part (so a strip does not reach into the text beside it).
 */
export function lowStrips(boxes: readonly Box[], maxCross: number): Strip[] {
  const events: [number, number][] = []
  for (const b of boxes) events.push([b.x1, 1], [b.x2, -1])
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  // Elementary segments between consecutive event positions, with their coverage.
  const segments: { x1: number; x2: number; count: number }[] = []
  let count = 0
  for (let k = 0; k < events.length; k++) {
    count += events[k][1]
    const next = events[k + 1]
    if (next && next[0] > events[k][0]) segments.push({ x1: events[k][0], x2: next[0], count })
  }
  const strips: Strip[] = []
  let k = 0
  while (k < segments.length) {
    if (segments[k].count > maxCross) {
      k++
      continue
    }
    let end = k
    while (end + 1 < segments.length && segments[end + 1].count <= maxCross) end++
    const low = segments.slice(k, end + 1)
    const least = Math.min(...low.map((s) => s.count))
    let best: Strip | null = null
    for (let i = 0; i < low.length; i++) {
      if (low[i].count !== least) continue
      let j = i
      while (j + 1 < low.length && low[j + 1].count === least) j++
      if (!best || low[j].x2 - low[i].x1 > best.x2 - best.x1) best = { x1: low[i].x1, x2: low[j].x2 }
      i = j
    }
    if (best) strips.push(best)
    k = end + 1
  }
  return strips
}

/** Boxes that look like lines of running text filling a column `width` wide. */
function textLines(boxes: readonly Box[], width: number): number {
  return boxes.filter((b) => b.x2 - b.x1 >= width * 0.5).length
}

/**
 * The gutter between two columns of text, if the boxes are set in columns.
 * Only long boxes (lines of running text) are weighed: short ones (centred
 * affiliations, labels) may sit anywhere. Lines across the gutter (titles,
 * an abstract set full width) are allowed while the columns outnumber them.
 */
export function findGutter(boxes: readonly Box[], typicalSize: number): Strip | null {
  if (boxes.length < 6) return null
  const left = Math.min(...boxes.map((b) => b.x1))
  const right = Math.max(...boxes.map((b) => b.x2))
  const width = right - left
  const long = boxes.filter((b) => b.x2 - b.x1 >= width * 0.2)
  let best: { strip: Strip; score: number } | null = null
  for (const strip of lowStrips(long, Math.floor(long.length * 0.3))) {
    const centre = (strip.x1 + strip.x2) / 2
    if (strip.x2 - strip.x1 < Math.max(3, typicalSize * 0.5)) continue
    if (centre < left + width * 0.15 || centre > right - width * 0.15) continue
    const leftBoxes = boxes.filter((b) => b.x2 <= strip.x1 + 1)
    const rightBoxes = boxes.filter((b) => b.x1 >= strip.x2 - 1)
    const crossing = long.filter((b) => b.x1 < strip.x2 - 1 && b.x2 > strip.x1 + 1).length
    const l = textLines(leftBoxes, strip.x1 - left)
    const r = textLines(rightBoxes, right - strip.x2)
    if (l < 3 || r < 3 || l + r < (leftBoxes.length + rightBoxes.length) * 0.25 || crossing > l + r) continue
    const score = Math.min(l, r) * 1000 + (strip.x2 - strip.x1)
    if (!best || score > best.score) best = { strip, score }
  }
  return best?.strip ?? null
}

const centreY = (b: Box) => (b.y1 + b.y2) / 2

function byPosition<T>(items: T[], boxOf: (t: T) => Box): T[] {
  return [...items].sort((a, b) => boxOf(a).y2 - boxOf(b).y2 || boxOf(a).x1 - boxOf(b).x1)
}

/**
 * Items grouped into column stretches in reading order. Each group is one
 * column (or the full width) between two cuts, sorted top to bottom.
 */
export function readingOrder<T>(items: readonly T[], boxOf: (t: T) => Box, depth = 0): T[][] {
  if (items.length === 0) return []
  const boxes = items.map(boxOf)
  const size = median(boxes.map((b) => b.y2 - b.y1))
  const gutter = depth < MAX_DEPTH ? findGutter(boxes, size) : null
  if (!gutter) return [byPosition([...items], boxOf)]
  const middle = (gutter.x1 + gutter.x2) / 2
  const crossing = (b: Box) => b.x1 < gutter.x2 - 1 && b.x2 > gutter.x1 + 1
  const spanning = byPosition(
    items.filter((t) => crossing(boxOf(t))),
    boxOf
  )
  let rest = items.filter((t) => !crossing(boxOf(t)))
  const groups: T[][] = []
  const section = (part: T[]) => {
    if (part.length === 0) return
    const left = part.filter((t) => (boxOf(t).x1 + boxOf(t).x2) / 2 < middle)
    const right = part.filter((t) => (boxOf(t).x1 + boxOf(t).x2) / 2 >= middle)
    groups.push(...readingOrder(left, boxOf, depth + 1), ...readingOrder(right, boxOf, depth + 1))
  }
  let wide: T[] = []
  for (const item of spanning) {
    const top = boxOf(item).y1
    const above = rest.filter((t) => centreY(boxOf(t)) < top)
    if (above.length > 0) {
      if (wide.length > 0) groups.push(wide)
      wide = []
      section(above)
      rest = rest.filter((t) => centreY(boxOf(t)) >= top)
    }
    wide.push(item)
  }
  if (wide.length > 0) groups.push(wide)
  section(rest)
  return groups
}
