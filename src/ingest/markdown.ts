/** Reader for Markdown (CommonMark + GFM) with remark. */
import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { normalizeTable } from '../ast/table.js'
import { repairTables } from '../transforms/repair-tables.js'
import { ConversionError } from '../errors.js'
import { assertLooksLikeText, decodeText } from '../io/decode-text.js'
import { info } from '../messages.js'
import type { ReadOptions, ReadResult } from './types.js'

const parser = unified().use(remarkParse).use(remarkGfm)

/** Markdown (already decoded) to canonical mdast. Pure. */
export function markdownToMdast(text: string): Root {
  const tree = parser.parse(text)
  // Pasted tables: rows in paragraphs, and GFM tables whose rows lost cells.
  repairTables(tree, text)
  visit(tree, 'table', (node, index, parent) => {
    if (!parent || index === undefined || node.data?.origin) return
    // GFM: the first row is the head and its cells are header cells.
    node.data = { headerRows: 1, ...node.data, origin: { layout: 'gfm', confidence: 1 } }
    parent.children[index] = normalizeTable(node).table
  })
  return tree
}

export async function readMarkdown(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const decoded = decodeText(bytes)
  assertLooksLikeText(decoded.text)
  if (decoded.text.trim() === '') throw new ConversionError('the input is empty', 'empty')
  const messages = decoded.guessed ? [info('encoding-detected', `decoded as ${decoded.encoding}`)] : []
  return { doc: { tree: markdownToMdast(decoded.text), resources: [] }, messages }
}
