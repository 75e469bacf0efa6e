/**
 * Footnotes at the end of the document, numbered in order of first
 * reference (unreferenced ones after), each a Note element that the
 * superscript marks in the text link to.
 */
import { type Box, type PdfContext, backToPortrait, contentBox, ensureSpace, gap, openElement, within } from './context.js'
import { blocks, bodyStyle } from './blocks.js'
import { flowRuns } from './flow.js'
import { layoutLines } from './line-layout.js'
import { drawLine } from './paint.js'
import { footnoteDest, footnoteNumber } from './phrasing.js'

function notesTitle(ctx: PdfContext): string {
  const titles = ctx.style.footnotes.titles
  const primary = ctx.lang.split('-')[0].toLowerCase()
  return titles[primary] ?? titles.en ?? 'Notes'
}

export function drawFootnotes(ctx: PdfContext): void {
  if (ctx.footnotes.size === 0) return
  backToPortrait(ctx)
  for (const id of ctx.footnotes.keys()) footnoteNumber(ctx, id)
  const ordered = [...ctx.footnoteNumbers.entries()].filter(([id]) => ctx.footnotes.has(id)).sort((a, b) => a[1] - b[1])
  const box: Box = contentBox(ctx)
  const size = ctx.style.footnotes.fontSize
  const h = ctx.style.headings
  gap(ctx, h.gapBefore)
  const heading = openElement(ctx, 'H2')
  const titleStyle = { ...bodyStyle(ctx), bold: true, size: h.sizes[1] ?? 14, color: h.color }
  const bodyLine = size * ctx.style.body.lineHeight
  within(ctx, heading, () => flowRuns(ctx, [{ text: notesTitle(ctx), style: titleStyle }], box, heading, { lineHeight: h.lineHeight, keepWithNext: 2 * bodyLine }))
  ctx.y += h.gapAfter
  const saved = ctx.style.body.fontSize
  ctx.style.body.fontSize = size
  try {
    for (const [id, n] of ordered) {
      const def = ctx.footnotes.get(id)!
      const note = openElement(ctx, 'Note')
      within(ctx, note, () => {
        const line = layoutLines([{ text: `${n}.`, style: bodyStyle(ctx) }], box.width, ctx.fonts)[0]
        const pitch = line.size * ctx.style.body.lineHeight
        ensureSpace(ctx, pitch)
        ctx.doc.addNamedDestination(footnoteDest(n), 'XYZ', box.x, ctx.y, null as unknown as number)
        const indent = Math.max(ctx.style.list.indent, line.width + 4)
        const label = openElement(ctx, 'Lbl')
        within(ctx, label, () => drawLine(ctx, line, { x: box.x, top: ctx.y, width: indent - 4, pitch }, label, new Map(), 'right'))
        blocks(ctx, def.children, { x: box.x + indent, width: box.width - indent })
      })
    }
  } finally {
    ctx.style.body.fontSize = saved
  }
}
