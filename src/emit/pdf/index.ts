/**
 * PDF writer: walks the canonical mdast and draws it with pdfkit as a tagged
 * PDF (structure tree, language, title in the title bar), with fonts
 * shipped through npm embedded and subset, page numbers in the footer and
 * tables with merged cells drawn as such.
 */
import type { Definition, FootnoteDefinition } from 'mdast'
import PDFDocument from 'pdfkit'
import { visit } from 'unist-util-visit'
import { documentLang, documentTitle } from '../../ast/document.js'
import type { Doc } from '../../ast/types.js'
import { ConversionError } from '../../errors.js'
import { type Message, warning } from '../../messages.js'
import type { WriteOptions, WriteResult } from '../types.js'
import { blocks } from './blocks.js'
import { type PageSize, type PdfContext, type StructElement, PAGE_SIZES, artifact, contentBox, newPage } from './context.js'
import { FontBook } from './fonts.js'
import { layoutLines } from './line-layout.js'
import { drawLine } from './paint.js'
import { drawFootnotes } from './notes.js'
import { MM, loadPdfStyle } from './style.js'

/**
 * The date written into the file: the option, else `SOURCE_DATE_EPOCH`
 * (seconds, the reproducible-builds convention), else now. A fixed date
 * also fixes the document ID, so the same input gives the same bytes.
 */
export function pdfDate(options: WriteOptions): Date {
  if (options.pdfDate) return options.pdfDate
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000)
  return new Date()
}

export async function writePdf(doc: Doc, options: WriteOptions = {}): Promise<WriteResult> {
  const tree = doc.tree
  const style = loadPdfStyle()
  const lang = documentLang(tree)
  const title = documentTitle(tree)
  const pageSize: PageSize = options.pageSize ?? 'a4'
  if (!(pageSize in PAGE_SIZES)) throw new ConversionError(`unknown page size '${String(pageSize)}' (use a4 or letter)`, 'unsupported')
  const margin = (options.marginMm ?? style.page.marginMm) * MM
  const date = pdfDate(options)
  const info: PDFKit.DocumentInfo = { Title: title, Creator: 'docmend', Producer: 'docmend (PDFKit)', CreationDate: date, ModDate: date }
  const author = tree.data?.author
  if (author) info.Author = author

  const pdf = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang,
    displayTitle: true,
    info,
    size: PAGE_SIZES[pageSize],
    margin
  } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve)
    pdf.on('error', reject)
  })

  const fonts = new FontBook(pdf, {
    lang,
    ...(options.font ? { userFont: options.font } : {}),
    ...(options.fontName ? { userFontName: options.fontName } : {})
  })
  const root = pdf.struct('Document') as StructElement
  pdf.addStructure(root)

  const definitions = new Map<string, Definition>()
  const footnotes = new Map<string, FootnoteDefinition>()
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node)
    if (node.type === 'footnoteDefinition') footnotes.set(node.identifier.toLowerCase(), node)
  })
  const ctx: PdfContext = {
    doc: pdf,
    fonts,
    style,
    lang,
    pageSize,
    margin,
    landscape: false,
    wantLandscape: false,
    pageOpen: false,
    y: margin,
    parents: [root],
    decorations: [],
    messages: [],
    resources: new Map(doc.resources.map((r) => [r.path, r])),
    definitions,
    footnotes,
    footnoteNumbers: new Map(),
    nextAnchorId: 1
  }

  blocks(ctx, tree.children, contentBox(ctx))
  drawFootnotes(ctx)
  if (!ctx.pageOpen && pdf.bufferedPageRange().count === 0) newPage(ctx)
  root.end()
  drawPageNumbers(ctx)
  pdf.end()
  await finished
  return { data: new Uint8Array(Buffer.concat(chunks)), messages: [...ctx.messages, ...glyphWarnings(fonts.missing)] }
}

/** "n / total" centred in the bottom margin of every page, as pagination artifacts. */
function drawPageNumbers(ctx: PdfContext): void {
  const { doc, style } = ctx
  const range = doc.bufferedPageRange()
  const runStyle = { role: 'text' as const, bold: false, italic: false, size: style.footer.fontSize, color: style.footer.color }
  for (let i = 0; i < range.count; i++) {
    const page = doc.switchToPage(range.start + i)
    const line = layoutLines([{ text: `${i + 1} / ${range.count}`, style: runStyle }], page.width, ctx.fonts)[0]
    const top = page.height - ctx.margin + style.page.footerGap
    artifact(ctx, () => drawLine(ctx, line, { x: 0, top, width: page.width, pitch: line.size * 1.4 }, null, new Map(), 'center'), 'Pagination')
  }
}

/** One warning listing the characters no font could draw. */
function glyphWarnings(missing: Map<string, number>): Message[] {
  if (missing.size === 0) return []
  const list = [...missing.entries()]
    .slice(0, 12)
    .map(([ch, n]) => `'${ch}' (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) ×${n}`)
    .join(', ')
  const more = missing.size > 12 ? ` and ${missing.size - 12} more` : ''
  return [warning('pdf-warning-glyph', `PDF: no font has a glyph for ${list}${more}; they show as empty boxes (use --font with a font that has them)`)]
}
