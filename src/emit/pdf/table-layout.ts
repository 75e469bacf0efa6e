/**
 * Plan a table: type size, page orientation, column widths fitted to the
 * content, each cell's lines, and row heights.
 *
 * Column widths follow the automatic table layout browsers use: every
 * column has a minimum (its widest unbreakable piece), a comfortable width
 * (at least `comfortEms` ems, or its widest line if shorter) and a maximum
 * (its widest line); spanning cells widen the columns they cover. The table
 * takes the text width. When even the comfortable widths do not fit, the
 * type gets smaller step by step, then the page turns to landscape; as a
 * last resort cells break between any two characters. Nothing is clipped.
 */
import type { AlignType, Table } from 'mdast'
import { type CellContent, tableToGrid } from '../../ast/table.js'
import type { GridCell } from '../../ast/grid.js'
import { isFigureType, typeCell } from '../../tables/cell-type.js'
import type { PdfContext } from './context.js'
import type { Run, RunStyle } from './inline.js'
import { type Line, layoutLines, measureRuns } from './line-layout.js'
import type { Align } from './paint.js'
import { phrasingRuns } from './phrasing.js'

export interface PlannedCell {
  cell: GridCell<CellContent>
  header: boolean
  align: Align
  lines: Line[]
  /** Pitch of each line. */
  pitches: number[]
}

export interface TablePlan {
  rows: number
  cols: number
  headerRows: number
  fontSize: number
  landscape: boolean
  widths: number[]
  cells: PlannedCell[]
  /** Height each row needs so that every cell's content fits. */
  rowHeights: number[]
}

interface Extent {
  min: number
  max: number
}

/** Figures (and years) line up on the right, as in the reports they come from. */
const isFigure = (text: string) => {
  const type = typeCell(text)
  return isFigureType(type) || type === 'year'
}

function alignOf(inHead: boolean, align: AlignType | undefined, text: string): Align {
  if (inHead) return 'center'
  if (align === 'right' || align === 'center' || align === 'left') return align
  return isFigure(text) ? 'right' : 'left'
}

/** Width candidates to try, in order: portrait at shrinking sizes, then landscape. */
function candidates(ctx: PdfContext): { size: number; landscape: boolean }[] {
  const t = ctx.style.table
  const sizes: number[] = []
  for (let s = t.fontSize; s >= t.minFontSize - 1e-6; s -= t.fontStep) sizes.push(Math.round(s * 100) / 100)
  return [...sizes.map((size) => ({ size, landscape: false })), ...sizes.map((size) => ({ size, landscape: true }))]
}

/** Spread the need of spanning cells over the columns they cover. */
function columnNeeds(cols: number, entries: { col: number; span: number; need: number }[]): number[] {
  const out = new Array<number>(cols).fill(0)
  const sorted = [...entries].sort((a, b) => a.span - b.span)
  for (const e of sorted) {
    const have = out.slice(e.col, e.col + e.span).reduce((a, b) => a + b, 0)
    if (have >= e.need) continue
    const extra = e.need - have
    for (let c = e.col; c < e.col + e.span; c++) out[c] += have > 0 ? (extra * out[c]) / have : extra / e.span
  }
  return out
}

/** Column widths filling `available`, from per-column minimum, comfortable and maximum widths. */
export function distributeWidths(min: number[], pref: number[], max: number[], available: number): number[] {
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const [sMin, sPref, sMax] = [total(min), total(pref), total(max)]
  if (sMax <= available) return max.map((m) => m + ((available - sMax) * (sMax > 0 ? m / sMax : 1 / max.length)))
  if (sPref <= available) return pref.map((p, i) => p + ((max[i] - p) * (available - sPref)) / (sMax - sPref || 1))
  if (sMin <= available) return min.map((m, i) => m + ((pref[i] - m) * (available - sMin)) / (sPref - sMin || 1))
  return min.map((m) => (available * m) / (sMin || 1))
}

export function planTable(ctx: PdfContext, table: Table, portraitWidth: number, landscapeWidth: number): TablePlan {
  const t = ctx.style.table
  const { grid } = tableToGrid(table)
  const base: RunStyle = { role: 'text', bold: false, italic: false, size: t.fontSize, color: ctx.style.body.color }
  const cellRuns = grid.cells.map((cell) => {
    const header = cell.header || cell.row < grid.headerRows
    return phrasingRuns(ctx, cell.content, header ? { ...base, bold: true } : base)
  })
  // Widths scale with the type size: measure once at the base size.
  const extents: Extent[] = cellRuns.map((runs) => measureRuns(runs, ctx.fonts))
  const pad = 2 * t.paddingX + t.border

  let chosen: { size: number; landscape: boolean; widths: number[] } | undefined
  for (const { size, landscape } of candidates(ctx)) {
    const k = size / t.fontSize
    const available = landscape ? landscapeWidth : portraitWidth
    const entries = (pick: (e: Extent, cell: GridCell<CellContent>) => number) =>
      columnNeeds(
        grid.cols,
        grid.cells.map((cell, i) => ({ col: cell.col, span: cell.colSpan, need: pick(extents[i], cell) }))
      )
    const min = entries((e) => e.min * k + pad)
    const max = entries((e) => e.max * k + pad)
    const pref = entries((e) => Math.max(e.min * k, Math.min(e.max * k, t.comfortEms * size)) + pad).map((p, i) => Math.min(Math.max(p, min[i]), max[i]))
    const sum = pref.reduce((a, b) => a + b, 0)
    if (sum <= available + 0.01) {
      chosen = { size, landscape, widths: distributeWidths(min, pref, max, available) }
      break
    }
    if (landscape && size === t.minFontSize) {
      chosen = { size, landscape, widths: distributeWidths(min, pref, max, available) }
    }
  }
  if (!chosen) {
    const size = t.minFontSize
    const k = size / t.fontSize
    const min = columnNeeds(grid.cols, grid.cells.map((cell, i) => ({ col: cell.col, span: cell.colSpan, need: extents[i].min * k + pad })))
    chosen = { size, landscape: true, widths: distributeWidths(min, min, min, landscapeWidth) }
  }

  const { size, widths } = chosen
  const scale = size / t.fontSize
  const lineHeight = t.lineHeight
  const cells: PlannedCell[] = grid.cells.map((cell, i) => {
    const header = cell.header || cell.row < grid.headerRows
    const runs: Run[] = cellRuns[i].map((r) => ({ text: r.text, style: scaled(r.style, scale) }))
    const width = widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0) - pad
    const lines = runs.length > 0 ? layoutLines(runs, Math.max(1, width), ctx.fonts) : []
    const text = runs.map((r) => r.text).join('')
    return { cell, header, align: alignOf(cell.row < grid.headerRows, table.align?.[cell.col] ?? undefined, text), lines, pitches: lines.map((l) => l.size * lineHeight) }
  })
  const rowHeights = rowHeightsFor(grid.rows, cells, size * lineHeight + 2 * t.paddingY, 2 * t.paddingY)
  return { rows: grid.rows, cols: grid.cols, headerRows: grid.headerRows, fontSize: size, landscape: chosen.landscape, widths, cells, rowHeights }
}

/** Scale a run style's sizes (and superscript rise) by `k`; styles shared by runs stay shared. */
function scaled(style: RunStyle, k: number): RunStyle {
  if (k === 1) return style
  const out: RunStyle = { ...style, size: style.size * k }
  if (style.rise !== undefined) out.rise = style.rise * k
  return out
}

/** Heights that fit every cell: single-row cells first, then row spans spread the rest evenly. */
export function rowHeightsFor(rows: number, cells: PlannedCell[], minRow: number, padding: number): number[] {
  const heights = new Array<number>(rows).fill(minRow)
  const need = (c: PlannedCell) => c.pitches.reduce((a, b) => a + b, 0) + padding
  for (const c of cells) if (c.cell.rowSpan === 1) heights[c.cell.row] = Math.max(heights[c.cell.row], need(c))
  const spanning = cells.filter((c) => c.cell.rowSpan > 1).sort((a, b) => a.cell.rowSpan - b.cell.rowSpan)
  for (const c of spanning) {
    const { row, rowSpan } = c.cell
    const have = heights.slice(row, row + rowSpan).reduce((a, b) => a + b, 0)
    const extra = need(c) - have
    if (extra > 0) for (let r = row; r < row + rowSpan; r++) heights[r] += extra / rowSpan
  }
  return heights
}
