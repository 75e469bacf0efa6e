/**
 * Block handlers: one per mdast block type, each drawing its node in a
 * horizontal box at the context's cursor and tagging it (H1…H6, P, L/LI,
 * BlockQuote, Code, Figure, Table).
 */
import type { Blockquote, Code, Heading, List, Nodes, Paragraph, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { orderedMarker } from '../../ast/list-marker.js'
import { warning } from '../../messages.js'
import { type Box, type PdfContext, artifact, backToPortrait, ensureSpace, gap, openElement, within } from './context.js'
import { drawFigure, isFigureParagraph } from './figure.js'
import { flowRuns } from './flow.js'
import type { Run, RunStyle } from './inline.js'
import { layoutLines } from './line-layout.js'
import { drawLine } from './paint.js'
import { phrasingRuns } from './phrasing.js'
import { drawTable } from './table.js'

export function bodyStyle(ctx: PdfContext): RunStyle {
  return { role: 'text', bold: false, italic: false, size: ctx.style.body.fontSize, color: ctx.style.body.color }
}

type Handler<N> = (ctx: PdfContext, node: N, box: Box) => void

function heading(ctx: PdfContext, node: Heading, box: Box): void {
  const s = ctx.style.headings
  const size = s.sizes[node.depth - 1] ?? ctx.style.body.fontSize
  gap(ctx, s.gapBefore)
  const runs = phrasingRuns(ctx, node.children, { ...bodyStyle(ctx), size, bold: true, color: s.color })
  const element = openElement(ctx, `H${node.depth}`)
  const bodyLine = ctx.style.body.fontSize * ctx.style.body.lineHeight
  within(ctx, element, () => flowRuns(ctx, runs, box, element, { lineHeight: s.lineHeight, keepWithNext: 2 * bodyLine }))
  if (node.depth <= 3) {
    const title = toString(node).trim()
    if (title) ctx.doc.outline.addItem(title)
  }
  ctx.y += s.gapAfter
}

function paragraph(ctx: PdfContext, node: Paragraph, box: Box): void {
  if (isFigureParagraph(node)) {
    for (const child of node.children) if (child.type === 'image') drawFigure(ctx, child, box)
    return
  }
  const runs = phrasingRuns(ctx, node.children, bodyStyle(ctx))
  if (runs.length === 0) return
  const element = openElement(ctx, 'P')
  within(ctx, element, () => flowRuns(ctx, runs, box, element, { lineHeight: ctx.style.body.lineHeight }))
  ctx.y += ctx.style.body.paragraphGap
}

function list(ctx: PdfContext, node: List, box: Box): void {
  const s = ctx.style.list
  const element = openElement(ctx, 'L')
  const base = bodyStyle(ctx)
  within(ctx, element, () => {
    node.children.forEach((item, i) => {
      const li = openElement(ctx, 'LI')
      within(ctx, li, () => {
        const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
        const marker = `${node.ordered ? orderedMarker(node, item, i) : '•'} ${check}`.trim() || ' '
        const label = openElement(ctx, 'Lbl')
        const line = layoutLines([{ text: marker, style: base }], s.indent * 3, ctx.fonts)[0]
        const pitch = line.size * ctx.style.body.lineHeight
        ensureSpace(ctx, pitch)
        const markerWidth = Math.max(s.indent, line.width + 4)
        within(ctx, label, () =>
          drawLine(ctx, line, { x: box.x, top: ctx.y, width: markerWidth - 4, pitch }, label, new Map(), 'right')
        )
        const body = openElement(ctx, 'LBody')
        within(ctx, body, () => blocks(ctx, item.children, { x: box.x + markerWidth, width: box.width - markerWidth }))
      })
      ctx.y += s.itemGap
    })
  })
  ctx.y += ctx.style.body.paragraphGap - s.itemGap
}

function blockquote(ctx: PdfContext, node: Blockquote, box: Box): void {
  const s = ctx.style.blockquote
  const element = openElement(ctx, 'BlockQuote')
  ctx.decorations.push((top, height) =>
    artifact(ctx, () => ctx.doc.save().rect(box.x, top, s.barWidth, height).fill(s.barColor).restore())
  )
  try {
    within(ctx, element, () => blocks(ctx, node.children, { x: box.x + s.indent, width: box.width - s.indent }))
  } finally {
    ctx.decorations.pop()
  }
}

function code(ctx: PdfContext, node: Code, box: Box): void {
  const s = ctx.style.code
  const style: RunStyle = { ...bodyStyle(ctx), role: 'code', size: s.fontSize }
  const runs: Run[] = [{ text: node.value.replace(/\t/g, '    ').replace(/\r\n?/g, '\n'), style }]
  const element = openElement(ctx, 'Code')
  ctx.decorations.push((top, height) =>
    artifact(ctx, () => ctx.doc.save().rect(box.x, top, box.width, height).fill(s.background).restore())
  )
  try {
    within(ctx, element, () =>
      flowRuns(ctx, runs, { x: box.x + s.padding, width: box.width - 2 * s.padding }, element, { lineHeight: s.lineHeight, preserveSpaces: true })
    )
  } finally {
    ctx.decorations.pop()
  }
  ctx.y += ctx.style.body.paragraphGap
}

function thematicBreak(ctx: PdfContext, _node: unknown, box: Box): void {
  ensureSpace(ctx, 12)
  const y = ctx.y + 6
  artifact(ctx, () => ctx.doc.save().lineWidth(0.5).strokeColor('#999999').moveTo(box.x, y).lineTo(box.x + box.width, y).stroke().restore())
  ctx.y += 12
}

const handlers: Partial<Record<RootContent['type'], Handler<never>>> = {
  heading,
  paragraph,
  list,
  blockquote,
  code,
  thematicBreak,
  table: (ctx, node, box) => drawTable(ctx, node, box),
  // Collected before drawing and written at the end (./notes.ts); definitions only resolve links.
  footnoteDefinition: () => {},
  definition: () => {},
  html: () => {},
  yaml: () => {}
}

/** Draw block nodes one after another in the box. */
export function blocks(ctx: PdfContext, nodes: RootContent[], box: Box): void {
  for (const node of nodes) {
    const handler = handlers[node.type] as Handler<RootContent> | undefined
    if (node.type !== 'table') backToPortrait(ctx)
    if (handler) handler(ctx, node, box)
    else unknownBlock(ctx, node, box)
  }
}

/** A node type this writer does not know: its text as a paragraph, and a warning. */
function unknownBlock(ctx: PdfContext, node: RootContent, box: Box): void {
  ctx.messages.push(warning('unknown-node', `PDF: a '${node.type}' node was written as plain text`))
  const text = toString(node as Nodes)
  if (!text) return
  const element = openElement(ctx, 'P')
  within(ctx, element, () => flowRuns(ctx, [{ text, style: bodyStyle(ctx) }], box, element, { lineHeight: ctx.style.body.lineHeight }))
}
