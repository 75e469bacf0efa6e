/**
 * The state of one PDF being written: the pdfkit document, fonts, style,
 * the vertical cursor, the structure-tree stack and collected warnings.
 * Block handlers receive it; nothing lives at module level.
 */
import type { Definition, FootnoteDefinition } from 'mdast'
import type { Resource } from '../../ast/types.js'
import type { Message } from '../../messages.js'
import type { FontBook } from './fonts.js'
import type { PdfStyle } from './style.js'

export type PageSize = 'a4' | 'letter'

/** Page sizes in points, portrait. */
export const PAGE_SIZES: Record<PageSize, [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792]
}

/** A structure element as pdfkit 0.20 has it (its types lag behind). */
export type StructElement = PDFKit.PDFStructureElement & { dictionary: { data: Record<string, unknown> } }

/** Something drawn beside every line inside a block (a quote bar, a code background). */
export type Decoration = (top: number, height: number) => void

export interface PdfContext {
  doc: PDFKit.PDFDocument
  fonts: FontBook
  style: PdfStyle
  lang: string
  pageSize: PageSize
  /** Margin on every side, in points. */
  margin: number
  /** The current page is landscape. */
  landscape: boolean
  /** Orientation of the next page to open (a wide table asks for landscape). */
  wantLandscape: boolean
  /** A page is open for drawing (pages open lazily, so none is left blank). */
  pageOpen: boolean
  /** Top of the next thing to draw. */
  y: number
  /** The structure element new elements go into (top of the stack). */
  parents: StructElement[]
  decorations: Decoration[]
  messages: Message[]
  resources: Map<string, Resource>
  definitions: Map<string, Definition>
  footnotes: Map<string, FootnoteDefinition>
  /** Footnote identifier → its number, in order of first reference. */
  footnoteNumbers: Map<string, number>
  nextAnchorId: number
}

export function pageWidth(ctx: PdfContext): number {
  const [w, h] = PAGE_SIZES[ctx.pageSize]
  return ctx.landscape ? h : w
}

export function pageHeight(ctx: PdfContext): number {
  const [w, h] = PAGE_SIZES[ctx.pageSize]
  return ctx.landscape ? w : h
}

/** A horizontal band of the page that blocks are laid out in. */
export interface Box {
  x: number
  width: number
}

/** Left edge and width of the text area. */
export function contentBox(ctx: PdfContext): Box {
  return { x: ctx.margin, width: pageWidth(ctx) - 2 * ctx.margin }
}

/** Lowest y that content may reach (the footer lives below it). */
export function contentBottom(ctx: PdfContext): number {
  return pageHeight(ctx) - ctx.margin
}

export function contentTop(ctx: PdfContext): number {
  return ctx.margin
}

/** Start a new page, portrait unless `landscape` says otherwise. */
export function newPage(ctx: PdfContext, landscape = ctx.wantLandscape): void {
  ctx.landscape = landscape
  ctx.doc.addPage({ size: PAGE_SIZES[ctx.pageSize], layout: landscape ? 'landscape' : 'portrait', margin: ctx.margin })
  ctx.pageOpen = true
  ctx.y = contentTop(ctx)
}

/** Make room for `height` points, starting a new page if they do not fit (and the page is not empty). */
export function ensureSpace(ctx: PdfContext, height: number): void {
  if (!ctx.pageOpen) newPage(ctx)
  else if (ctx.y + height > contentBottom(ctx) + 0.01 && ctx.y > contentTop(ctx) + 0.01) newPage(ctx)
}

/** After landscape pages, the next block starts on a fresh portrait page. */
export function backToPortrait(ctx: PdfContext): void {
  ctx.wantLandscape = false
  if (ctx.pageOpen && ctx.landscape) {
    ctx.pageOpen = false
    ctx.y = contentTop(ctx)
  }
}

/** Add vertical space, unless at the top of a page. */
export function gap(ctx: PdfContext, points: number): void {
  if (ctx.pageOpen && ctx.y > contentTop(ctx) + 0.01) ctx.y = Math.min(ctx.y + points, contentBottom(ctx))
}

/** Create a structure element inside the current parent. */
export function openElement(ctx: PdfContext, type: string, options: { alt?: string; lang?: string; title?: string } = {}): StructElement {
  const element = ctx.doc.struct(type, options) as StructElement
  const parent = ctx.parents[ctx.parents.length - 1]
  parent.add(element)
  return element
}

/** Run `body` with `element` as the parent of the elements it creates, then end it. */
export function within<T>(ctx: PdfContext, element: StructElement, body: () => T): T {
  ctx.parents.push(element)
  try {
    return body()
  } finally {
    ctx.parents.pop()
    element.end()
  }
}

/** Draw real content as marked content of `element`. */
export function tagged(ctx: PdfContext, element: StructElement, draw: () => void): void {
  const type = String(element.dictionary.data.S ?? 'Span')
  const content = ctx.doc.markStructureContent(type)
  draw()
  ctx.doc.endMarkedContent()
  element.add(content)
}

/** Draw decoration (borders, backgrounds, repeated headers, page numbers) that is not content. */
export function artifact(ctx: PdfContext, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  ctx.doc.markContent('Artifact', { type })
  draw()
  ctx.doc.endMarkedContent()
}
