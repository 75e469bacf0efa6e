/**
 * Row labels in the leading label columns of a body. Rows shorter than the
 * grid have their leading slots covered by label cells above them:
 *
 *     col:  0             1              2
 *           三、本年度办理结果 （三）不予公开   1.属于国家秘密   0 0 …
 *           │              │              2.其他法律…     0 0 …
 *           │              （四）无法提供   1.本机关不掌握…  0 0 …
 *
 * A label's column is its depth: from its numbering family when it has one
 * (see depth.ts), else labels sit right-aligned in the label columns. A
 * label cell spans down while the rows below start deeper than it; its
 * width is cut back where a row below starts inside it. Slots no cell can
 * cover get an empty filler: the source lost that cell.
 */
import { depthOf } from './depth.js'
import type { Item } from './model.js'
import type { Placed } from './placed.js'

export interface LabelRow {
  /** Grid row index. */
  row: number
  labels: Item[]
  /** Known start columns of the labels (from positions in the source), if any. */
  starts?: number[]
  /** Known end columns (one past the last): a label spans no further than its text reaches. */
  ends?: number[]
}

interface LabelShape {
  chars: string[]
  pairs: Set<string>
  /** The words before a number (`Section ` in `Section 2`, `第` in `第六十条`), if any. */
  lead: string | undefined
}

/** What similarity needs of a label, memoized: section-row checks compare the same lines many times. */
const shapeCache = new Map<string, LabelShape>()

function shapeOf(text: string): LabelShape {
  let shape = shapeCache.get(text)
  if (!shape) {
    const chars = Array.from(text)
    shape = {
      chars,
      pairs: new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1])),
      lead: /^(\D{1,12}?)\s*[\d一二三四五六七八九十百]+/u.exec(text)?.[1]
    }
    if (shapeCache.size > 20000) shapeCache.clear()
    shapeCache.set(text, shape)
  }
  return shape
}

/** How alike two labels look: shared ending or beginning, or shared character pairs (0..1). */
export function labelSimilarity(a: string, b: string): number {
  const sa = shapeOf(a)
  const sb = shapeOf(b)
  const x = sa.chars
  const y = sb.chars
  if (x.length === 0 || y.length === 0) return 0
  let suffix = 0
  while (suffix < Math.min(x.length, y.length) && x[x.length - 1 - suffix] === y[y.length - 1 - suffix]) suffix++
  let prefix = 0
  while (prefix < Math.min(x.length, y.length) && x[prefix] === y[prefix]) prefix++
  const px = sa.pairs
  const py = sb.pairs
  let shared = 0
  for (const p of px) if (py.has(p)) shared++
  const dice = px.size + py.size === 0 ? 0 : (2 * shared) / (px.size + py.size)
  const longest = Math.max(x.length, y.length)
  // Numbered alike: the same words before a number (`Section 1…`/`Section 2…`, `第六十条…`/`第七十条…`).
  const numberedAlike = sa.lead !== undefined && sa.lead !== '' && sa.lead === sb.lead ? 0.8 : 0
  return Math.max(suffix / longest, prefix / longest, dice, numberedAlike)
}

/** Column of each label in a row, or null when they cannot be placed by depth. */
function startsOf(labels: Item[], width: number, depths: Map<string, number>, recent: (Item | null)[], open: (Placed | null)[]): number[] {
  const k = labels.length
  const known = labels.map((l) => depthOf(l, depths))
  // Unnumbered labels next to numbered ones sit one level deeper than the one before.
  for (let i = 0; i < k; i++) {
    if (known[i] === null && i > 0 && known[i - 1] !== null) known[i] = known[i - 1]! + 1
  }
  for (let i = k - 1; i >= 0; i--) {
    if (known[i] === null && i + 1 < k && known[i + 1] !== null) known[i] = known[i + 1]! - 1
  }
  const numbered = known.every((d) => d !== null)
  const increasing = known.every((d, i) => i === 0 || (d !== null && known[i - 1] !== null && d > known[i - 1]!))
  if (numbered && increasing && known[0]! >= 0 && known[k - 1]! < width) return known as number[]
  // A lone total with no numbering spans the label columns ("Total", "合计").
  if (k === 1 && labels[0].total && !labels[0].numbering) return [0]
  // More labels than label columns (never from a well-sized grid): one per column, left to right.
  if (k > width) return labels.map((_, i) => i)
  // Right-aligned (leading slots covered by the labels above), unless nothing above
  // could cover them, or the first label reads as a sibling of a shallower one.
  let first = width - k
  while (first > 0 && !open.slice(0, first).some(Boolean)) first--
  for (let level = 0; level < first; level++) {
    const near = recent[level]
    const deeper = recent[first]
    const likeNear = near ? labelSimilarity(labels[0].text, near.text) : 0
    if (likeNear >= 0.5 && likeNear > (deeper ? labelSimilarity(labels[0].text, deeper.text) : 0)) {
      first = level
      break
    }
  }
  return labels.map((_, i) => (i === 0 ? first : width - k + i))
}

/**
 * Place the labels of consecutive body rows into columns [0, width).
 * Rows with no label at all (lost in the source) get a filler where a sibling
 * of the previous row's last label would be.
 */
export function placeLabels(rows: LabelRow[], width: number, depths: Map<string, number>): Placed[] {
  if (width === 0) return []
  const placed: Placed[] = []
  const open: (Placed | null)[] = new Array(width).fill(null)
  /** Per grid row: start columns of the cells present in that row (extended or own). */
  const startsInRow = new Map<number, Set<number>>()
  const mark = (row: number, col: number) => {
    if (!startsInRow.has(row)) startsInRow.set(row, new Set())
    startsInRow.get(row)!.add(col)
  }
  let previousLast = 0
  /** The latest label placed at each column: what a new label may be a sibling of. */
  const recent: (Item | null)[] = new Array(width).fill(null)

  for (const { row, labels, starts, ends } of rows) {
    const known = starts && starts.length === labels.length && starts.every((c, i) => c < width && (i === 0 || c > starts[i - 1]))
    const own = labels.length === 0 ? [] : known ? starts : startsOf(labels, width, depths, recent, open)
    const first = own.length > 0 ? own[0] : previousLast
    // Leading slots: covered by open cells above, else by a filler.
    let c = 0
    while (c < first) {
      const cell = open[c]
      if (cell) {
        cell.rowSpan++
        mark(row, c)
        // The cell also covers the columns it spans that no deeper cell claims.
        c++
        while (c < first && c < cell.col + cell.colSpan && !open[c]) c++
        continue
      }
      let end = c + 1
      while (end < first && !open[end]) end++
      const filler: Placed = { row, col: c, rowSpan: 1, colSpan: end - c, text: '', header: true, filler: true }
      placed.push(filler)
      mark(row, c)
      c = end
    }
    for (let k = first; k < width; k++) open[k] = null
    if (own.length === 0) {
      const filler: Placed = { row, col: first, rowSpan: 1, colSpan: width - first, text: '', header: true, filler: true }
      placed.push(filler)
      open[first] = filler
      mark(row, first)
      continue
    }
    own.forEach((col, i) => {
      let end = i + 1 < own.length ? own[i + 1] : width
      if (known && ends && ends[i] > col) end = Math.min(end, ends[i])
      const cell: Placed = { row, col, rowSpan: 1, colSpan: end - col, text: labels[i].text, header: true }
      placed.push(cell)
      open[col] = cell
      mark(row, col)
      recent[col] = labels[i]
      for (let k = col + 1; k < width; k++) recent[k] = null
    })
    previousLast = own[own.length - 1]
  }

  // Cut widths back where a row below starts inside a cell; refill what its own row lost.
  const refills: Placed[] = []
  for (const cell of placed) {
    let limit = cell.colSpan
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (const s of startsInRow.get(r) ?? []) if (s > cell.col && s - cell.col < limit) limit = s - cell.col
    }
    if (limit < cell.colSpan) {
      const freedFrom = cell.col + limit
      const freedTo = cell.col + cell.colSpan
      cell.colSpan = limit
      const ownStarts = [...(startsInRow.get(cell.row) ?? [])].filter((s) => s >= freedFrom && s < freedTo)
      if (ownStarts.length === 0) {
        refills.push({ row: cell.row, col: freedFrom, rowSpan: 1, colSpan: freedTo - freedFrom, text: '', header: true, filler: true })
      }
    }
  }
  return [...placed, ...refills]
}
