/**
 * Draw a planned table across pages.
 *
 * Rows are kept whole; rows joined by row spans are kept together when the
 * group fits on a page. A group taller than a page is cut between rows (a
 * merged cell's text continues below the break), and a row taller than a
 * page is cut between lines. The head rows are repeated at the top of every
 * page the table crosses (as artifacts, so they are tagged once).
 *
 * Tags: Table > [Caption] > THead/TBody > TR > TH/TD, each merged cell in the
 * row where it starts, with RowSpan/ColSpan and the Scope of header cells.
 */
import type { Table } from 'mdast'
import {
  type PdfContext,
  type StructElement,
  PAGE_SIZES,
  artifact,
  contentBottom,
  contentTop,
  newPage,
  openElement,
  pageWidth,
  within
} from './context.js'
import type { Box } from './context.js'
import { flowRuns } from './flow.js'
import { type AnchorElements, drawLine } from './paint.js'
import { type PlannedCell, type TablePlan, planTable } from './table-layout.js'

interface TableState {
  plan: TablePlan
  box: Box
  /** x of each column's left edge. */
  colX: number[]
  /** Next line to draw, per planned cell. */
  next: number[]
  /** Row heights still needed (shrinks when a row was cut between lines). */
  base: number[]
  /** Planned cells touching each row. */
  touching: number[][]
  /** A page may break after row r (no merged cell crosses that line). */
  breakAfter: boolean[]
  /** Rows repeated on each page (0: none). */
  repeatRows: number
  elements: StructElement[]
  anchors: AnchorElements[]
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

export function drawTable(ctx: PdfContext, node: Table, box: Box): void {
  const t = ctx.style.table
  const indent = box.x - ctx.margin
  const inner = 2 * ctx.margin + indent + (pageWidth(ctx) - ctx.margin - (box.x + box.width))
  const [short, long] = PAGE_SIZES[ctx.pageSize]
  const plan = planTable(ctx, node, short - inner, long - inner)
  if (plan.rows === 0) return

  if (plan.landscape && (!ctx.pageOpen || !ctx.landscape)) {
    ctx.wantLandscape = true
    newPage(ctx, true)
  }
  const tableBox: Box = { x: box.x, width: sum(plan.widths) }
  const state = prepare(ctx, plan, tableBox)
  const tableElement = openElement(ctx, 'Table')
  within(ctx, tableElement, () => {
    const caption = node.data?.caption
    if (caption) {
      const el = openElement(ctx, 'Caption')
      const style = { role: 'text' as const, bold: true, italic: false, size: t.fontSize, color: ctx.style.body.color }
      within(ctx, el, () => flowRuns(ctx, [{ text: caption, style }], tableBox, el, { lineHeight: t.lineHeight, keepWithNext: 3 * t.fontSize }))
    }
    structure(ctx, state, tableElement)
    if (!ctx.pageOpen) newPage(ctx, ctx.wantLandscape)
    paginate(ctx, state)
  })
  ctx.wantLandscape = false
  ctx.y += t.gapAfter
}

function prepare(ctx: PdfContext, plan: TablePlan, box: Box): TableState {
  const colX: number[] = []
  let x = box.x
  for (const w of plan.widths) {
    colX.push(x)
    x += w
  }
  colX.push(x)
  const touching: number[][] = Array.from({ length: plan.rows }, () => [])
  const breakAfter = new Array<boolean>(plan.rows).fill(true)
  plan.cells.forEach((pc, i) => {
    for (let r = pc.cell.row; r < pc.cell.row + pc.cell.rowSpan; r++) touching[r].push(i)
    for (let r = pc.cell.row; r < pc.cell.row + pc.cell.rowSpan - 1; r++) breakAfter[r] = false
  })
  // Head rows extend down to where no head cell spans further.
  let head = plan.headerRows
  for (const pc of plan.cells) if (pc.cell.row < head) head = Math.max(head, pc.cell.row + pc.cell.rowSpan)
  head = Math.min(head, plan.rows)
  // The head stays with the first body row.
  for (let r = 0; r < head && r < plan.rows - 1; r++) breakAfter[r] = false
  const headHeight = sum(plan.rowHeights.slice(0, head))
  const page = contentBottom(ctx) - contentTop(ctx)
  const repeatRows = head > 0 && head < plan.rows && headHeight <= ctx.style.table.maxRepeatedHeadRatio * page ? head : 0
  return {
    plan,
    box,
    colX,
    next: plan.cells.map(() => 0),
    base: plan.rowHeights.slice(),
    touching,
    breakAfter,
    repeatRows,
    elements: [],
    anchors: plan.cells.map(() => new Map())
  }
}

/** Create THead/TBody, TR and TH/TD elements up front, in reading order. */
function structure(ctx: PdfContext, state: TableState, table: StructElement): void {
  const { plan } = state
  const head = plan.headerRows > 0 ? (ctx.doc.struct('THead') as StructElement) : undefined
  const body = plan.rows > plan.headerRows ? (ctx.doc.struct('TBody') as StructElement) : undefined
  if (head) table.add(head)
  if (body) table.add(body)
  const rowElements = Array.from({ length: plan.rows }, (_, r) => {
    const tr = ctx.doc.struct('TR') as StructElement
    ;(r < plan.headerRows ? head : body)!.add(tr)
    return tr
  })
  state.elements = plan.cells.map((pc) => {
    const el = ctx.doc.struct(pc.header ? 'TH' : 'TD') as StructElement
    const attributes: Record<string, unknown> = { O: 'Table' }
    if (pc.cell.rowSpan > 1) attributes.RowSpan = pc.cell.rowSpan
    if (pc.cell.colSpan > 1) attributes.ColSpan = pc.cell.colSpan
    if (pc.header) attributes.Scope = pc.cell.row < plan.headerRows ? 'Column' : 'Row'
    el.dictionary.data.A = attributes
    rowElements[pc.cell.row].add(el)
    return el
  })
}

/** Heights of `rows` drawn together, grown so that merged cells ending among them fit what is left of their text. */
function sliceHeights(ctx: PdfContext, state: TableState, rows: number[]): number[] {
  const first = rows[0]
  const last = rows[rows.length - 1]
  const heights = rows.map((r) => state.base[r])
  const seen = new Set<number>()
  for (const r of rows) {
    for (const i of state.touching[r]) {
      if (seen.has(i)) continue
      seen.add(i)
      const pc = state.plan.cells[i]
      const end = pc.cell.row + pc.cell.rowSpan - 1
      if (end > last) continue
      const start = Math.max(pc.cell.row, first)
      const need = sum(pc.pitches.slice(state.next[i])) + 2 * ctx.style.table.paddingY
      const have = sum(heights.slice(start - first, end - first + 1))
      if (need > have) heights[end - first] += need - have
    }
  }
  return heights
}

function paginate(ctx: PdfContext, state: TableState): void {
  const { plan } = state
  const fresh = () => contentBottom(ctx) - contentTop(ctx) - sum(state.base.slice(0, state.repeatRows))
  let r = 0
  let pageTop = contentTop(ctx)
  const nextPage = () => {
    newPage(ctx, ctx.wantLandscape)
    if (state.repeatRows > 0 && r >= state.repeatRows) drawRepeatedHead(ctx, state)
    pageTop = ctx.y
  }
  while (r < plan.rows) {
    const available = contentBottom(ctx) - ctx.y
    let slice: number[] = []
    let heights: number[] = []
    let boundary = 0
    for (let rr = r; rr < plan.rows; rr++) {
      const trial = [...slice, rr]
      const h = sliceHeights(ctx, state, trial)
      if (sum(h) > available + 0.01) break
      slice = trial
      heights = h
      if (state.breakAfter[rr]) boundary = slice.length
    }
    const complete = r + slice.length >= plan.rows
    const atTop = ctx.y <= pageTop + 0.01
    if (!complete && slice.length > 0) {
      // Keep a group of merged rows whole when it would fit on a fresh page.
      const cut = boundary > 0 ? boundary : 0
      const groupStart = r + cut
      let groupEnd = groupStart
      while (groupEnd < plan.rows - 1 && !state.breakAfter[groupEnd]) groupEnd++
      const groupFits = sum(sliceHeights(ctx, state, range(groupStart, groupEnd))) <= fresh() + 0.01
      if (groupFits && cut < slice.length) {
        if (cut === 0 && !atTop) {
          nextPage()
          continue
        }
        if (cut > 0) {
          slice = slice.slice(0, cut)
          heights = sliceHeights(ctx, state, slice)
        }
      }
    }
    if (slice.length === 0) {
      if (!atTop) {
        nextPage()
        continue
      }
      // A row taller than the page: draw the lines that fit, continue below.
      drawSlice(ctx, state, [r], [available], true)
      state.base[r] = Math.min(state.base[r], plan.fontSize * ctx.style.table.lineHeight + 2 * ctx.style.table.paddingY)
      nextPage()
      continue
    }
    drawSlice(ctx, state, slice, heights, true)
    r += slice.length
    if (r < plan.rows) nextPage()
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k)
}

function drawRepeatedHead(ctx: PdfContext, state: TableState): void {
  const rows = range(0, state.repeatRows - 1)
  const heights = rows.map((r) => state.plan.rowHeights[r])
  artifact(ctx, () => drawSlice(ctx, state, rows, heights, false), 'Pagination')
}

/**
 * Draw rows at the cursor. `live`: the table's own rows (tagged, consuming
 * each cell's lines); otherwise a repeated head drawn in full, untagged.
 */
function drawSlice(ctx: PdfContext, state: TableState, rows: number[], heights: number[], live: boolean): void {
  const t = ctx.style.table
  const { plan } = state
  const first = rows[0]
  const last = rows[rows.length - 1]
  const tops: number[] = []
  let y = ctx.y
  for (const h of heights) {
    tops.push(y)
    y += h
  }
  const cells = [...new Set(rows.flatMap((r) => state.touching[r]))].sort((a, b) => a - b)
  // Backgrounds and borders first, as one artifact.
  const boxes = cells.map((i) => {
    const pc = plan.cells[i]
    const r0 = Math.max(pc.cell.row, first)
    const r1 = Math.min(pc.cell.row + pc.cell.rowSpan - 1, last)
    const x = state.colX[pc.cell.col]
    const w = state.colX[pc.cell.col + pc.cell.colSpan] - x
    const top = tops[r0 - first]
    const h = sum(heights.slice(r0 - first, r1 - first + 1))
    return { i, pc, x, w, top, h, whole: pc.cell.row >= first && r1 === pc.cell.row + pc.cell.rowSpan - 1 }
  })
  const paint = () => {
    const { doc } = ctx
    doc.save()
    for (const b of boxes) if (b.pc.header) doc.rect(b.x, b.top, b.w, b.h).fill(t.headerFill)
    doc.lineWidth(t.border).strokeColor(t.borderColor)
    for (const b of boxes) doc.rect(b.x, b.top, b.w, b.h).stroke()
    doc.restore()
  }
  if (live) artifact(ctx, paint)
  else paint()
  for (const b of boxes) drawCellText(ctx, state, b, live)
  ctx.y = y
}

function drawCellText(
  ctx: PdfContext,
  state: TableState,
  b: { i: number; pc: PlannedCell; x: number; w: number; top: number; h: number; whole: boolean },
  live: boolean
): void {
  const t = ctx.style.table
  const { pc } = b
  const start = live ? state.next[b.i] : 0
  const capacity = b.h - 2 * t.paddingY
  let end = start
  let used = 0
  while (end < pc.lines.length && used + pc.pitches[end] <= capacity + 0.01) used += pc.pitches[end++]
  // A cell drawn whole sits in the middle of its box; a cut one starts at the top.
  const offset = b.whole && start === 0 && end === pc.lines.length ? (capacity - used) / 2 : 0
  let top = b.top + t.paddingY + Math.max(0, offset)
  const element = live ? state.elements[b.i] : null
  for (let k = start; k < end; k++) {
    const box = { x: b.x + t.paddingX + t.border / 2, top, width: b.w - 2 * t.paddingX - t.border, pitch: pc.pitches[k] }
    drawLine(ctx, pc.lines[k], box, element, state.anchors[b.i], pc.align)
    top += pc.pitches[k]
  }
  if (live) state.next[b.i] = end
}

