/** Flow runs down the page: lay out lines, break pages between lines, tag. */
import { type PdfContext, type StructElement, ensureSpace } from './context.js'
import type { Run } from './inline.js'
import { type Line, layoutLines } from './line-layout.js'
import { type Align, type AnchorElements, drawLine } from './paint.js'

export interface FlowOptions {
  /** Line pitch as a multiple of the largest font size on the line. */
  lineHeight: number
  align?: Align
  preserveSpaces?: boolean
  /** Space kept free below the first line (keeps a heading with what follows). */
  keepWithNext?: number
  /** Called with each line's box before it is drawn (list markers). */
  beforeLine?: (index: number, top: number, pitch: number) => void
}

/** Height of a line box. */
export const pitchOf = (line: Line, lineHeight: number) => line.size * lineHeight

/** Draw runs as lines in the horizontal box, tagged into `element`. Returns the lines drawn. */
export function flowRuns(ctx: PdfContext, runs: Run[], box: { x: number; width: number }, element: StructElement, options: FlowOptions): Line[] {
  const lines = layoutLines(runs, box.width, ctx.fonts, options.preserveSpaces ? { preserveSpaces: true } : {})
  const anchors: AnchorElements = new Map()
  lines.forEach((line, i) => {
    const pitch = pitchOf(line, options.lineHeight)
    ensureSpace(ctx, pitch + (i === 0 ? (options.keepWithNext ?? 0) : 0))
    for (const decorate of ctx.decorations) decorate(ctx.y, pitch)
    options.beforeLine?.(i, ctx.y, pitch)
    drawLine(ctx, line, { x: box.x, top: ctx.y, width: box.width, pitch }, element, anchors, options.align ?? 'left')
    ctx.y += pitch
  })
  for (const el of anchors.values()) el.end()
  return lines
}
