/** The document as one stream in reading order: lines, tables, ready paragraphs, and column/page ends. */
import type { Box } from './geometry.js'
import type { Line } from './lines.js'
import type { PageTable } from './table-types.js'

export type FlowItem =
  /** A text line, with the column stretch it sits in (for its margins). */
  | { kind: 'line'; line: Line; region: Box }
  /** A table on `page`; `firstPage` when it started on an earlier page. */
  | (PageTable & { page: number; firstPage?: number })
  /** A paragraph built elsewhere (vertical writing). */
  | { kind: 'paragraph'; text: string; page: number }
  /** The end of a column stretch; `page` when it is also the end of a page. */
  | { kind: 'break'; page: boolean }

/**
 * Text the reader leaves out on purpose, reported so that every character
 * drawn on a page is accounted for: running heads and page numbers, a copy
 * overprinted to fake bold, head rows a continued table repeats, list
 * markers (the list says them).
 */
export interface DroppedText {
  page: number
  text: string
  reason: 'furniture' | 'overprint' | 'repeated-header' | 'list-marker'
}
