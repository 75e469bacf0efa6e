/**
 * The pdf.js I/O: open a document (with its password), then read each page
 * of the range into plain `PageContent`. Runs inside the extraction worker
 * (see `run-extraction.ts`), reporting page by page so the caller can keep
 * a time budget.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PageContent, PdfInfo } from '../types.js'
import type { Matrix } from './matrix.js'
import { type ObjectIndex, PAGE_CONTENT_CAP, drawingCycle, drawingIndex, oversizedContent } from './drawing-cycles.js'
import { documentParams, loadPdfjs } from './pdfjs.js'
import { rulesFromOperators } from './rules.js'
import { type PdfjsTextItem, type PdfjsTextStyle, runsFromTextItems } from './runs.js'
import { type FontFacts, drawnGlyphs, mendItems } from './unmapped-glyphs.js'

export interface ExtractRequest {
  bytes: Uint8Array
  password?: string
  /** 1-based inclusive range; clipped to the document. */
  pages?: { from: number; to: number }
  /** Also read this many pages before and after the range (to recognise running heads). */
  context?: number
}

/** A failure pdf.js reported, reduced to what can cross a worker boundary. */
export interface ExtractFailure {
  name: string
  message: string
  /** pdf.js `PasswordResponses` code for a `PasswordException`. */
  code?: number
}

export type ExtractEvent =
  | { type: 'info'; info: PdfInfo; first: number; last: number }
  | { type: 'page'; page: PageContent; warnings: string[] }
  | { type: 'page-failed'; number: number; error: ExtractFailure }
  | { type: 'done' }

export function toFailure(error: unknown): ExtractFailure {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown; code?: unknown }
    const failure: ExtractFailure = { name: String(e.name ?? 'Error'), message: String(e.message ?? error) }
    if (typeof e.code === 'number') failure.code = e.code
    return failure
  }
  return { name: 'Error', message: String(error) }
}

/** Declared metadata worth keeping (not "Microsoft Word - report.docx"). */
function cleanTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined
  const t = title.replace(/\s+/g, ' ').trim()
  if (!t || /^untitled\b/i.test(t) || /^microsoft (word|powerpoint|excel) - /i.test(t) || /\.(docx?|pdf|rtf|odt|txt|html?)$/i.test(t)) return undefined
  return t
}

async function documentInfo(doc: PDFDocumentProxy): Promise<PdfInfo> {
  const info: PdfInfo = { pageCount: doc.numPages }
  try {
    const meta = await doc.getMetadata()
    const dict = meta.info as Record<string, unknown>
    const title = cleanTitle(dict.Title)
    if (title) info.title = title
    if (typeof dict.Language === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(dict.Language)) info.lang = dict.Language
    if (typeof dict.Author === 'string' && dict.Author.trim()) info.author = dict.Author.trim()
  } catch {
    // Metadata is optional; a broken Info dictionary must not stop the text.
  }
  return info
}

/** The chain of objects through which the page's drawing comes back to itself, if any (see drawing-cycles.ts). */
function pageCycle(index: ObjectIndex | undefined, page: PDFPageProxy): number[] | null {
  if (!index || !page.ref) return null
  try {
    return drawingCycle(index, page.ref.num)
  } catch {
    // What this reader cannot follow is left to pdf.js, as before.
    return null
  }
}

/** A font as pdf.js resolved it into the page's common objects. */
type PageFont = FontFacts & { name?: unknown; clearData?: () => void }

/**
 * What the page's operator list gives: its drawn rules, its fonts' real
 * names, and its text items mended where pdf.js read a glyph as a space.
 */
async function readDrawings(
  page: PDFPageProxy,
  pdfjs: Awaited<ReturnType<typeof loadPdfjs>>,
  items: PdfjsTextItem[],
  styleIds: string[],
  base: Matrix,
  size: { width: number; height: number },
  warnings: string[]
): Promise<{ items: PdfjsTextItem[]; fontNames: Map<string, string>; rules: PageContent['rules']; truncated: boolean }> {
  // The operator list also resolves the fonts, so their real names become known.
  const operators = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })
  const fonts = new Map<string, PageFont | undefined>()
  const fontOf = (id: string) => {
    if (!fonts.has(id)) {
      try {
        fonts.set(id, page.commonObjs.has(id) ? (page.commonObjs.get(id) as PageFont) : undefined)
      } catch {
        // An unresolved font keeps pdf.js's id; only bold/italic detection suffers.
        fonts.set(id, undefined)
      }
    }
    return fonts.get(id)
  }
  const fontNames = new Map<string, string>()
  for (const id of styleIds) {
    const name = fontOf(id)?.name
    if (typeof name === 'string') fontNames.set(id, name)
  }
  // Glyphs pdf.js read as spaces although the font's /ToUnicode names them (see unmapped-glyphs.ts).
  const glyphs = drawnGlyphs(operators.fnArray, operators.argsArray, pdfjs.OPS, fontOf)
  if (glyphs) {
    const mended = mendItems(items, glyphs)
    items = mended.items
    if (mended.unplaced > 0) warnings.push(`page ${page.pageNumber}: ${mended.unplaced} character(s) the PDF maps in /ToUnicode but pdf.js reads as spaces could not be placed; they are left as spaces`)
  }
  // pdf.js keeps a font's data when asked for its extra properties; nothing here needs it once the page is read.
  for (const font of fonts.values()) font?.clearData?.()
  const { rules, truncated } = rulesFromOperators(operators, pdfjs.OPS, base, size)
  return { items, fontNames, rules, truncated }
}

async function readPage(page: PDFPageProxy, pdfjs: Awaited<ReturnType<typeof loadPdfjs>>, index?: ObjectIndex): Promise<{ content: PageContent; warnings: string[] }> {
  const viewport = page.getViewport({ scale: 1 })
  const base = viewport.transform as Matrix
  const warnings: string[] = []
  // Read from the raw bytes first: a drawing that draws itself, and content too large to read, are known before pdf.js expands them.
  const cycle = pageCycle(index, page)
  const oversized = index && page.ref ? oversizedContent(index, page.ref.num) : undefined
  if (oversized !== undefined) {
    throw new Error(`its content (object ${oversized} 0 R) decompresses to more than ${PAGE_CONTENT_CAP / 2 ** 20} MiB: a decompression bomb?`)
  }
  const text = await page.getTextContent({ disableNormalization: false })
  const size = { width: viewport.width, height: viewport.height }
  const items = text.items.filter((item): item is PdfjsTextItem & typeof item => 'str' in item)
  let drawn: { items: PdfjsTextItem[]; fontNames: Map<string, string>; rules: PageContent['rules']; truncated: boolean }
  // pdf.js 5.6 would expand such a drawing without end (see drawing-cycles.ts): only the page's text is read.
  if (cycle) {
    const reason = `a form XObject or pattern draws itself (objects ${cycle.map((num) => `${num} 0 R`).join(' -> ')})`
    if (!items.some((item) => item.str.trim() !== '')) throw new Error(reason)
    warnings.push(`page ${page.pageNumber}: ${reason}; its drawings are not read, only its text`)
    drawn = { items, fontNames: new Map(), rules: [], truncated: false }
  } else {
    drawn = await readDrawings(page, pdfjs, items, Object.keys(text.styles), base, size, warnings)
  }
  const { runs, slanted } = runsFromTextItems(drawn.items, text.styles as Record<string, PdfjsTextStyle>, drawn.fontNames, base)
  if (slanted.length > 0) warnings.push(`page ${page.pageNumber}: ${slanted.length} text run(s) drawn at a slant are read apart, at the end of the page`)
  if (drawn.truncated) warnings.push(`page ${page.pageNumber}: too many drawn lines; table rulings read only in part`)
  page.cleanup()
  const content: PageContent = { number: page.pageNumber, ...size, runs, rules: drawn.rules }
  if (slanted.length > 0) content.slanted = slanted
  return { content, warnings }
}

/**
 * Read a document page by page, calling `emit` for each event. Throws what
 * pdf.js throws when the document cannot be opened at all; a page that fails
 * is reported as `page-failed` and the others are still read.
 */
export async function extractDocument(request: ExtractRequest, emit: (event: ExtractEvent) => void): Promise<void> {
  const pdfjs = await loadPdfjs()
  // Built before pdf.js is given the bytes (it may take them over).
  let index: ObjectIndex | undefined
  try {
    index = drawingIndex(request.bytes)
  } catch {
    index = undefined
  }
  const task = pdfjs.getDocument(documentParams(request.bytes, request.password))
  try {
    const doc = await task.promise
    const info = await documentInfo(doc)
    const first = Math.max(1, request.pages?.from ?? 1)
    const last = Math.min(doc.numPages, request.pages?.to ?? doc.numPages)
    emit({ type: 'info', info, first, last })
    const context = request.context ?? 0
    for (let n = Math.max(1, first - context); n <= Math.min(doc.numPages, last + context); n++) {
      try {
        const page = await doc.getPage(n)
        const { content, warnings } = await readPage(page, pdfjs, index)
        emit({ type: 'page', page: content, warnings })
      } catch (error) {
        emit({ type: 'page-failed', number: n, error: toFailure(error) })
      }
    }
    emit({ type: 'done' })
  } finally {
    await task.destroy()
  }
}
