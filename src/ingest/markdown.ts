/** Reader for Markdown (CommonMark + GFM) with remark. */
import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { normalizeTable } from '../ast/table.js'
import { repairTables } from '../tables/repair-tables.js'
import { warning } from '../messages.js'
import { decodeInput } from './decode.js'
import { markdownChunks } from './markdown-chunks.js'
import type { ReadOptions, ReadResult } from './types.js'

const parser = unified().use(remarkParse).use(remarkGfm)

/** Parse chunk by chunk (see markdown-chunks.ts), with positions as in the whole text. */
function parseInChunks(text: string): Root {
  const chunks = markdownChunks(text)
  if (chunks.length === 1) return parser.parse(text)
  const children: Root['children'] = []
  for (const chunk of chunks) {
    const part = parser.parse(chunk.text)
    visit(part, (node) => {
      for (const point of node.position ? [node.position.start, node.position.end] : []) {
        point.line += chunk.line
        if (point.offset !== undefined) point.offset += chunk.offset
      }
    })
    children.push(...part.children)
  }
  const lines = text.split('\n')
  const end = { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } }
}

/**
 * Deepest indentation kept, in characters. Each open list costs micromark a
 * check on every later line, so 3,000 nested lists took minutes; lines
 * indented further are pulled back to this depth (their text is kept).
 */
export const MAX_MARKDOWN_INDENT = 100
const tooDeep = () => new RegExp(`^[ \\t]{${MAX_MARKDOWN_INDENT + 1},}`, 'gm')

/** Markdown (already decoded) to canonical mdast. Pure. */
export function markdownToMdast(text: string): Root {
  const source = text.replace(tooDeep(), ' '.repeat(MAX_MARKDOWN_INDENT))
  const tree = parseInChunks(source)
  // Pasted tables: rows in paragraphs, and GFM tables whose rows lost cells.
  repairTables(tree, source)
  visit(tree, 'table', (node, index, parent) => {
    if (!parent || index === undefined || node.data?.origin) return
    // GFM: the first row is the head and its cells are header cells.
    node.data = { headerRows: 1, ...node.data, origin: { layout: 'gfm', confidence: 1 } }
    parent.children[index] = normalizeTable(node).table
  })
  return tree
}

export async function readMarkdown(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const { text, messages } = decodeInput(bytes)
  if (tooDeep().test(text)) {
    messages.push(warning('nesting-flattened', `lines indented more than ${MAX_MARKDOWN_INDENT} columns were pulled back (their text is kept)`))
  }
  return { doc: { tree: markdownToMdast(text), resources: [] }, messages }
}
