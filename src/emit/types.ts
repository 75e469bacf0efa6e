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
  /** Where images written beside the output live, relative to it (default: `'media'`). */
  mediaBase?: string
  /** Markdown: how tables with merged cells are written (default: `'gfm'`). */
  mdTables?: 'gfm' | 'html'
  /** Plain text: line width in display columns (default: `80`). */
  width?: number
  /** Plain text: `grid` when it fits, else `linear` (default: `'auto'`). */
  tables?: 'auto' | 'grid' | 'linear'
}

export interface WriteResult {
  data: string | Uint8Array
  messages: Message[]
}

/** Every writer: the canonical document in, bytes or text out. */
export type Writer = (doc: Doc, options?: WriteOptions) => Promise<WriteResult>
