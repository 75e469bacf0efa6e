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
