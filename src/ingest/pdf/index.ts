/**
 * Reader for PDF: pdf.js (in a worker thread, under a time budget) reads
 * each page's text runs and rulings; pure layout analysis turns them into
 * headings, paragraphs, lists and tables with merged cells.
 */
import type { Root, RootContent, Table } from 'mdast'
import { gridToTable } from '../../ast/table.js'
import { ConversionError } from '../../errors.js'
import { type Message, info, warning } from '../../messages.js'
import { mapGrid } from '../../ast/grid.js'
import type { ReadOptions, ReadResult } from '../types.js'
import { type TableItem, buildBlocks } from './layout/blocks.js'
import { layoutPages } from './layout/document.js'
import type { DroppedText } from './layout/flow.js'
import type { PageContent, PdfInfo } from './types.js'
import { DEFAULT_BUDGET, type Extraction, type ExtractionBudget, runExtraction } from './run-extraction.js'

export type { DroppedText } from './layout/flow.js'

/** Pages read on each side of a `--pages` range, so running heads are still recognised. */
const RANGE_CONTEXT = 2

export interface PdfReadOptions extends ReadOptions {
  /** Time limits for pdf.js (default: 30 s per page, 10 min per document). */
  budget?: Partial<ExtractionBudget>
}

/** A table found on a page as a canonical mdast table. */
export function pdfTableNode(table: TableItem): Table {
  const node = gridToTable(mapGrid(table.grid, (cell) => (cell.text ? [{ type: 'text' as const, value: cell.text }] : [])))
  node.data = { ...node.data, origin: { layout: table.layout, confidence: Number(table.confidence.toFixed(2)), pages: [table.firstPage ?? table.page, table.page] } }
  return node
}

/**
 * Pages already extracted → mdast. Pure. `dropped` lists the text left out
 * on purpose (running heads, overprinted copies, repeated table heads, list
 * markers): with the tree, it accounts for every character drawn.
 */
export function pdfToMdast(
  pages: readonly PageContent[],
  meta: Partial<PdfInfo> = {},
  range?: { first: number; last: number }
): { tree: Root; messages: Message[]; dropped: DroppedText[] } {
  const messages: Message[] = []
  const { flow, dropped } = layoutPages(pages, range)
  const children: RootContent[] = buildBlocks(flow, (table) => {
    messages.push(
      info(
        'table-repaired',
        `table of ${table.grid.rows}×${table.grid.cols} read from ${table.layout === 'pdf-ruled' ? 'drawn rules' : 'aligned columns'} on page ${table.page} (confidence ${table.confidence.toFixed(2)})`
      )
    )
    return pdfTableNode(table)
  }, dropped)
  const tree: Root = { type: 'root', children }
  const data: NonNullable<Root['data']> = {}
  if (meta.title) data.title = meta.title
  if (meta.lang) data.lang = meta.lang
  if (meta.author) data.author = meta.author
  if (Object.keys(data).length > 0) tree.data = data
  return { tree, messages, dropped }
}

/** pdf.js's reading of the document (in a worker, under the time budget). */
export function extractPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<Extraction> {
  return runExtraction(
    {
      bytes,
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.pages ? { pages: options.pages, context: RANGE_CONTEXT } : {})
    },
    { ...DEFAULT_BUDGET, ...options.budget }
  )
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<ReadResult> {
  return readExtraction(await extractPdf(bytes, options), options)
}

/** An extraction → the document, or the one-line error a user sees. Pure. */
export function readExtraction(extraction: Extraction, options: Pick<PdfReadOptions, 'pages'> = {}): ReadResult {
  const { pageCount } = extraction.info
  if (options.pages && options.pages.from > pageCount) {
    throw new ConversionError(`page ${options.pages.from} is past the end: the PDF has ${pageCount} page${pageCount === 1 ? '' : 's'}`, 'empty')
  }
  if (!extraction.pages.some((p) => p.number >= extraction.first && p.number <= extraction.last)) {
    // The first reason a page of the range gave, when there is one: it names the damage.
    const failure = extraction.failures?.find((f) => f.number >= extraction.first && f.number <= extraction.last)
    const why = failure ? ` (page ${failure.number}: ${failure.reason.replace(/\s+/g, ' ').trim().slice(0, 200)})` : ''
    throw new ConversionError(`no page of the PDF could be read; it is damaged${why}`, 'corrupt')
  }
  const { tree, messages } = pdfToMdast(extraction.pages, extraction.info, { first: extraction.first, last: extraction.last })
  const warnings = extraction.warnings.map((text) => warning('pdf-warning', text))
  if (options.pages && options.pages.to > pageCount) warnings.push(warning('pdf-warning', `the PDF has ${pageCount} pages; read pages ${extraction.first}-${extraction.last}`))
  if (tree.children.length === 0) {
    throw new ConversionError('the PDF has no text to read (scanned pages are images; docmend does not do OCR)', 'empty')
  }
  return { doc: { tree, resources: [] }, messages: [...warnings, ...messages] }
}
