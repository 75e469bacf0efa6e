/**
 * Draw laid-out lines: each atom with its face at the line's baseline, link
 * annotations over linked text, and every piece tagged as marked content of
 * its structure element (the block's element, or a Link/Reference inside it).
 */
import { type PdfContext, type StructElement, openElement, tagged } from './context.js'
import type { Anchor } from './inline.js'
import type { Atom, Line } from './line-layout.js'

export type Align = 'left' | 'center' | 'right'

/** Link and Reference elements of one block, by anchor id. */
export type AnchorElements = Map<number, StructElement>

/** Angle of synthesized italics, in degrees. */
const OBLIQUE_DEGREES = 12

/** Where a line's baseline sits in a line box of height `pitch`. */
export function baselineOf(line: Line, top: number, pitch: number): number {
  return top + (pitch - (line.ascent + line.descent)) / 2 + line.ascent
}

/**
 * Draw `line` in the box (`x`, `top`, `width` × `pitch`). Content goes into
 * `element`, or, when `element` is null, is drawn untagged (inside an artifact).
 */
export function drawLine(
  ctx: PdfContext,
  line: Line,
  box: { x: number; top: number; width: number; pitch: number },
  element: StructElement | null,
  anchors: AnchorElements,
  align: Align = 'left'
): void {
  const offset = align === 'right' ? box.width - line.width : align === 'center' ? (box.width - line.width) / 2 : 0
  const x0 = box.x + Math.max(0, offset)
  const baseline = baselineOf(line, box.top, box.pitch)
  let k = 0
  while (k < line.atoms.length) {
    // Consecutive atoms under the same anchor form one tagged stretch.
    const anchor = line.atoms[k].style.anchor
    let end = k + 1
    while (end < line.atoms.length && line.atoms[end].style.anchor === anchor) end++
    const group = line.atoms.slice(k, end)
    const draw = () => {
      for (const atom of group) drawAtom(ctx, atom, x0, baseline)
    }
    if (!element) draw()
    else if (anchor) {
      const target = anchorElement(ctx, element, anchors, anchor)
      tagged(ctx, target, draw)
      annotate(ctx, anchor, target, x0 + group[0].x, box.top, group.reduce((w, a) => w + a.width, 0), box.pitch)
    } else tagged(ctx, element, draw)
    k = end
  }
}

function anchorElement(ctx: PdfContext, parent: StructElement, anchors: AnchorElements, anchor: Anchor): StructElement {
  let el = anchors.get(anchor.id)
  if (!el) {
    ctx.parents.push(parent)
    el = openElement(ctx, anchor.role === 'Reference' ? 'Reference' : 'Link')
    ctx.parents.pop()
    anchors.set(anchor.id, el)
  }
  return el
}

function annotate(ctx: PdfContext, anchor: Anchor, element: StructElement, x: number, top: number, width: number, height: number): void {
  const options = { structParent: element } as unknown as PDFKit.Mixins.AnnotationOption
  if (anchor.url) ctx.doc.link(x, top, width, height, anchor.url, options)
  else if (anchor.dest) ctx.doc.goTo(x, top, width, height, anchor.dest, options)
}

function drawAtom(ctx: PdfContext, atom: Atom, x0: number, baseline: number): void {
  const { doc } = ctx
  const { style, face } = atom
  const x = x0 + atom.x
  const y = baseline - (style.rise ?? 0)
  doc.font(face.id, style.size).fillColor(style.color)
  const options: PDFKit.Mixins.TextOptions & { baseline: string } = { lineBreak: false, baseline: 'alphabetic' }
  if (face.synthItalic) options.oblique = OBLIQUE_DEGREES
  if (face.synthBold) {
    doc.lineWidth(style.size * 0.035).strokeColor(style.color)
    options.stroke = true
    options.fill = true
  }
  doc.text(atom.text, x, y, options)
  const thickness = Math.max(0.4, style.size * 0.05)
  const rule = (lineY: number) => doc.save().lineWidth(thickness).strokeColor(style.color).moveTo(x, lineY).lineTo(x + atom.width, lineY).stroke().restore()
  if (style.underline) rule(y + style.size * 0.12)
  if (style.strike) rule(y - style.size * 0.3)
}
