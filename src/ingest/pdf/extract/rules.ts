/**
 * The rulings a page draws, from its pdf.js operator list: stroked straight
 * lines, the edges of rectangles, and thin filled bars (many generators draw
 * table rules as 0.5 pt high filled rectangles). Pure: operator codes and
 * arrays in, rules out, so it runs on hand-made operator lists too.
 *
 * pdf.js (5.x) folds path construction into `constructPath` operators whose
 * arguments are `[paintOp, [Float32Array of DrawOPS], minMax]`; coordinates
 * are in user space, so the current transform is tracked here through
 * `save`/`restore`/`transform` and form XObjects.
 */
import type { Rule } from '../types.js'
import { type Matrix, apply, compose } from './matrix.js'

/** The pdf.js operator codes this module reads (`pdfjs.OPS`). */
export interface OpCodes {
  save: number
  restore: number
  transform: number
  constructPath: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
  stroke: number
  closeStroke: number
  fill: number
  eoFill: number
  fillStroke: number
  eoFillStroke: number
  closeFillStroke: number
  closeEOFillStroke: number
  endPath: number
}

/** pdf.js `DrawOPS`: the path commands inside a `constructPath` buffer. */
const MOVE = 0
const LINE = 1
const CURVE = 2
const QUAD = 3
const CLOSE = 4

/** Lines shorter than this are glyph-like marks, not rules. */
const MIN_LENGTH = 3
/** Filled rectangles thinner than this are bars (rules); larger ones contribute their edges. */
const BAR = 3
/** How far from horizontal/vertical a segment may lean and still count. */
const SKEW = 0.5
/** A page drawing more straight segments than this is a chart or a map; stop collecting. */
export const MAX_RULES = 20000

export interface OperatorList {
  fnArray: ArrayLike<number>
  argsArray: ArrayLike<unknown>
}

type Point = [number, number]
interface SubPath {
  points: Point[]
  /** Segments that are straight, as point index pairs. */
  straight: [number, number][]
  closed: boolean
  curved: boolean
}

/** Split a pdf.js path buffer into sub-paths of transformed points. */
function readPath(buffer: ArrayLike<number>, ctm: Matrix): SubPath[] {
  const paths: SubPath[] = []
  let current: SubPath | null = null
  let i = 0
  const start = (p: Point) => {
    current = { points: [p], straight: [], closed: false, curved: false }
    paths.push(current)
  }
  while (i < buffer.length) {
    const op = buffer[i++]
    if (op === MOVE) {
      start(apply(ctm, buffer[i], buffer[i + 1]))
      i += 2
    } else if (op === LINE) {
      const p = apply(ctm, buffer[i], buffer[i + 1])
      i += 2
      if (!current) start(p)
      else {
        const c: SubPath = current
        c.points.push(p)
        c.straight.push([c.points.length - 2, c.points.length - 1])
      }
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4
      const p = apply(ctm, buffer[i + n - 2], buffer[i + n - 1])
      i += n
      if (!current) start(p)
      else {
        const c: SubPath = current
        c.points.push(p)
        c.curved = true
      }
    } else if (op === CLOSE) {
      if (current) {
        const c: SubPath = current
        if (c.points.length > 1) c.straight.push([c.points.length - 1, 0])
        c.closed = true
        // A path continuing after closepath starts again at the sub-path's first point.
        start(c.points[0])
      }
    } else {
      break // unknown command: stop reading rather than misread coordinates
    }
  }
  return paths.filter((p) => p.points.length > 1)
}

/** A segment as a rule when it is (nearly) horizontal or vertical and long enough. */
function straightRule(a: Point, b: Point): Rule | null {
  const dx = Math.abs(a[0] - b[0])
  const dy = Math.abs(a[1] - b[1])
  if (dy <= SKEW && dx >= MIN_LENGTH) {
    const y = (a[1] + b[1]) / 2
    return { x1: Math.min(a[0], b[0]), y1: y, x2: Math.max(a[0], b[0]), y2: y }
  }
  if (dx <= SKEW && dy >= MIN_LENGTH) {
    const x = (a[0] + b[0]) / 2
    return { x1: x, y1: Math.min(a[1], b[1]), x2: x, y2: Math.max(a[1], b[1]) }
  }
  return null
}

/** The bounding box of a sub-path that is an axis-aligned rectangle, else null. */
function rectangleOf(path: SubPath): { x1: number; y1: number; x2: number; y2: number } | null {
  if (path.curved) return null
  let pts = path.points
  if (pts.length === 5 && Math.hypot(pts[4][0] - pts[0][0], pts[4][1] - pts[0][1]) < 0.01) pts = pts.slice(0, 4)
  if (pts.length === 2) {
    // pdf.js writes a zero-width or zero-height `re` as a two-point path.
    const [a, b] = pts
    return { x1: Math.min(a[0], b[0]), y1: Math.min(a[1], b[1]), x2: Math.max(a[0], b[0]), y2: Math.max(a[1], b[1]) }
  }
  if (pts.length !== 4) return null
  for (let k = 0; k < 4; k++) {
    const a = pts[k]
    const b = pts[(k + 1) % 4]
    if (Math.abs(a[0] - b[0]) > SKEW && Math.abs(a[1] - b[1]) > SKEW) return null
  }
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) }
}

function filledRules(path: SubPath, out: Rule[]): void {
  const box = rectangleOf(path)
  if (!box) return
  const w = box.x2 - box.x1
  const h = box.y2 - box.y1
  if (h <= BAR && w >= MIN_LENGTH) {
    const y = (box.y1 + box.y2) / 2
    out.push({ x1: box.x1, y1: y, x2: box.x2, y2: y })
  } else if (w <= BAR && h >= MIN_LENGTH) {
    const x = (box.x1 + box.x2) / 2
    out.push({ x1: x, y1: box.y1, x2: x, y2: box.y2 })
  } else if (w > BAR && h > BAR) {
    // A shaded cell or box: its edges separate it from its neighbours.
    out.push({ x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y1 }, { x1: box.x1, y1: box.y2, x2: box.x2, y2: box.y2 })
    out.push({ x1: box.x1, y1: box.y1, x2: box.x1, y2: box.y2 }, { x1: box.x2, y1: box.y1, x2: box.x2, y2: box.y2 })
  }
}

function strokedRules(path: SubPath, out: Rule[]): void {
  for (const [i, j] of path.straight) {
    const rule = straightRule(path.points[i], path.points[j])
    if (rule) out.push(rule)
  }
}

/**
 * Horizontal and vertical rules drawn by an operator list, in page
 * coordinates (`base` maps user space to the page as displayed: the pdf.js
 * viewport transform). Filled boxes larger than `page` (a background) are skipped.
 */
export function rulesFromOperators(
  list: OperatorList,
  ops: OpCodes,
  base: Matrix,
  page: { width: number; height: number }
): { rules: Rule[]; truncated: boolean } {
  const rules: Rule[] = []
  const stack: Matrix[] = []
  let ctm = base
  const { fnArray, argsArray } = list
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k]
    if (fn === ops.save) stack.push(ctm)
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm
    else if (fn === ops.transform) ctm = compose(ctm, argsArray[k] as number[])
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm)
      const matrix = (argsArray[k] as unknown[] | null)?.[0] as number[] | null | undefined
      if (matrix && matrix.length === 6) ctm = compose(ctm, matrix)
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    else if (fn === ops.constructPath) {
      const args = argsArray[k] as [number, (ArrayLike<number> | null)[], unknown]
      const paint = args[0]
      const buffer = args[1]?.[0]
      if (!buffer || paint === ops.endPath) continue
      const stroke = paint === ops.stroke || paint === ops.closeStroke || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke
      const fill = paint === ops.fill || paint === ops.eoFill || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke
      for (const path of readPath(buffer, ctm)) {
        if (stroke) strokedRules(path, rules)
        if (fill && !stroke) {
          const box = rectangleOf(path)
          if (box && box.x2 - box.x1 >= page.width * 0.95 && box.y2 - box.y1 >= page.height * 0.95) continue
          filledRules(path, rules)
        }
      }
      if (rules.length > MAX_RULES) return { rules: rules.slice(0, MAX_RULES), truncated: true }
    }
  }
  return { rules, truncated: false }
}
