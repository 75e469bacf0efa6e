/** The web page's view of a document: sanitized HTML fragment, table reports, warnings. */
import { documentLang, documentTitle } from './ast/document.js'
import { describeTables, formatTableReport, type TableReport } from './ast/explain-tables.js'
import { type ReadDocumentOptions, readDocument, writeDocument } from './convert.js'
import type { Message } from './messages.js'
import type { InputKind } from './sniff.js'

export interface TablePreview extends TableReport {
  /** The `--explain` line for this table. */
  summary: string
}

export interface Preview {
  /** The input kind read (sniffed or given). */
  kind: InputKind
  title: string
  lang: string
  /** The document as a sanitized HTML fragment, images inlined. */
  html: string
  /** One report per table, in document order (the order of `<table>`s in `html`). */
  tables: TablePreview[]
  messages: Message[]
}

export async function previewDocument(input: Uint8Array, options: ReadDocumentOptions = {}): Promise<Preview> {
  const read = await readDocument(input, options)
  const written = await writeDocument(read.doc, 'html', { fragment: true, embedImages: true, standalone: 'the preview' })
  const tree = read.doc.tree
  return {
    kind: read.kind,
    title: documentTitle(tree),
    lang: documentLang(tree),
    html: String(written.data),
    tables: describeTables(tree).map((report) => ({ ...report, summary: formatTableReport(report) })),
    messages: [...read.messages, ...written.messages]
  }
}
