/**
 * The pipeline: sniff → read → transform → write. Readers and writers meet
 * only in the canonical mdast tree.
 */
import type { Root } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import { annotateDocument } from './ast/document.js'
import { isCanonical, normalizeTable } from './ast/table.js'
import { checkDocument, checkMessages } from './check/check-document.js'
import type { CheckOptions } from './check/check-table.js'
import type { Doc } from './ast/types.js'
import { writers } from './emit/index.js'
import type { Format, WriteOptions } from './emit/types.js'
import { ConversionError } from './errors.js'
import { readers } from './ingest/index.js'
import type { ReadOptions } from './ingest/types.js'
import { type Message, combineMessages, warning } from './messages.js'
import { DEFAULT_MAX_INPUT_BYTES } from './limits.js'
import { type InputKind, sniff } from './sniff.js'

export { DEFAULT_MAX_INPUT_BYTES }

export interface ReadDocumentOptions extends ReadOptions {
  /** Input kind; sniffed from the bytes when absent. */
  from?: InputKind
  /** Reject larger inputs (default: 256 MiB). */
  maxInputBytes?: number
}

export interface ConvertOptions extends ReadDocumentOptions, WriteOptions {
  /** Output format(s). */
  to: Format | readonly Format[]
  /**
   * Check table totals: each total that does not add up becomes a
   * `check-total-mismatch` warning and is recorded on its cell (`data.check`),
   * which the HTML writer marks (default: off).
   */
  check?: boolean | CheckOptions
}

export interface ReadDocumentResult {
  kind: InputKind
  doc: Doc
  messages: Message[]
}

export interface ConvertResult extends ReadDocumentResult {
  outputs: Partial<Record<Format, string | Uint8Array>>
}

/** Transforms every document goes through after its reader, in order. */
export type Transform = (tree: Root, messages: Message[]) => void | Promise<void>

/** Every table canonical, whatever the reader did. */
const normalizeTables: Transform = (tree, messages) => {
  visit(tree, (node, index, parent) => {
    // Tables sit in the flow (root, quotes, list items, footnotes), never inside a paragraph or heading.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') return SKIP
    if (node.type !== 'table') return
    // Tables the readers built with gridToTable are canonical already; never walk into cells.
    if (!parent || index === undefined || isCanonical(node)) return SKIP
    const { table, fixes } = normalizeTable(node)
    if (fixes.overlaps > 0 || fixes.clamped > 0) {
      messages.push(warning('span-clamped', `a table had overlapping or out-of-range merged cells; ${fixes.overlaps + fixes.clamped} span(s) were cut back`))
    }
    parent.children[index] = table
    return SKIP
  })
}

export const transforms: Transform[] = [normalizeTables, async (tree) => void (await annotateDocument(tree))]

function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input
}

/** Load every stage and the language statistics now, for long-lived workers (server, batch pool). */
export async function preloadStages(): Promise<void> {
  const { preloadReaders } = await import('./ingest/index.js')
  const { preloadWriters } = await import('./emit/index.js')
  const { loadLanguageData } = await import('./text/detect-lang.js')
  await Promise.all([preloadReaders(), preloadWriters(), loadLanguageData()])
}

/** Read any supported input into the canonical document. */
export async function readDocument(input: Uint8Array | string, options: ReadDocumentOptions = {}): Promise<ReadDocumentResult> {
  const bytes = toBytes(input)
  const max = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
  if (bytes.length > max) throw new ConversionError(`input is ${bytes.length} bytes, over the ${max}-byte limit`, 'too-large')
  if (bytes.length === 0) throw new ConversionError('the input is empty', 'empty')
  let kind = options.from
  if (!kind) {
    const sniffed = sniff(bytes)
    if (sniffed.kind === null) throw new ConversionError(sniffed.reason, 'unsupported')
    kind = sniffed.kind
  }
  const { doc, messages } = await readers[kind](bytes, options)
  const all = [...messages]
  for (const transform of transforms) await transform(doc.tree, all)
  return { kind, doc, messages: combineMessages(all) }
}

/** Write one format from a canonical document. */
export async function writeDocument(doc: Doc, format: Format, options: WriteOptions = {}) {
  return writers[format](doc, options)
}

/** Convert an input to each requested format. Nothing is written to disk. */
export async function convert(input: Uint8Array | string, options: ConvertOptions): Promise<ConvertResult> {
  const formats = (typeof options.to === 'string' ? [options.to] : [...options.to]) as Format[]
  const read = await readDocument(input, options)
  const outputs: ConvertResult['outputs'] = {}
  const messages = [read.messages]
  if (options.check) {
    const checkOptions = options.check === true ? {} : options.check
    messages.push(checkMessages(checkDocument(read.doc.tree, { ...checkOptions, annotate: true })))
  }
  for (const format of formats) {
    const written = await writeDocument(read.doc, format, options)
    outputs[format] = written.data
    messages.push(written.messages)
  }
  return { ...read, outputs, messages: combineMessages(...messages) }
}
