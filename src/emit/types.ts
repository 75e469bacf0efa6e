import type { Doc } from '../ast/types.js'
import type { Message } from '../messages.js'

export type Format = 'md' | 'html' | 'pdf' | 'txt' | 'json'
export const FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'txt', 'json']

export interface WriteOptions {
  /** HTML: body only, no page shell (default: `false`). */
  fragment?: boolean
  /** HTML: a page template's text, with `{{body}}` and optional `{{title}}`, `{{lang}}`, `{{style}}`, `{{toc}}`. */
  template?: string
  /** HTML: inline images docmend extracted as `data:` URIs (default: `false`). */
  embedImages?: boolean
  /**
   * Set when the output travels alone, naming where to (`stdout`, `the
   * response`): no file is written beside it, so images are inlined, and one a
   * browser cannot show inline (EMF, WMF) is left out, its description kept as
   * text, with a warning, rather than linked to a file that will never exist.
   */
  standalone?: string
  /** Where images written beside the output live, relative to it (default: `'media'`). */
  mediaBase?: string
  /** Markdown: how tables with merged cells are written (default: `'gfm'`). */
  mdTables?: 'gfm' | 'html'
  /** Plain text: line width in display columns (default: `80`). */
  width?: number
  /** Plain text: `grid` when it fits, else `linear` (default: `'auto'`). */
  tables?: 'auto' | 'grid' | 'linear'
  /** PDF: page size (default: `'a4'`). */
  pageSize?: 'a4' | 'letter'
  /** PDF: margin on every side in millimetres (default: `templates/pdf-style.json`, 20). */
  marginMm?: number
  /** PDF: a TrueType/OpenType font (TTF, OTF, TTC, OTC bytes) to draw text with, before the bundled Noto fonts. */
  font?: Uint8Array
  /** PDF: which font of a collection (`.ttc`) to use, by PostScript name (default: the first). */
  fontName?: string
  /** PDF: creation and modification date (default: `SOURCE_DATE_EPOCH` if set, else now); fixing it makes the bytes reproducible. */
  pdfDate?: Date
}

export interface WriteResult {
  data: string | Uint8Array
  messages: Message[]
}

/** Every writer: the canonical document in, bytes or text out. */
export type Writer = (doc: Doc, options?: WriteOptions) => Promise<WriteResult>
