/**
 * Reader for pasted text: decode, find tables (the repair stage), then read
 * the rest as headings, paragraphs and lists.
 */
import type { PhrasingContent, Root, RootContent, Table } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { gridToTable } from '../../ast/table.js'
import { ConversionError } from '../../errors.js'
import { assertLooksLikeText, decodeText } from '../../io/decode-text.js'
import { type Message, info } from '../../messages.js'
import { type DetectedTable, findTables } from '../../tables/index.js'
import { mapGrid } from '../../tables/grid.js'
import type { ReadOptions, ReadResult } from '../types.js'
import { type Segment, buildBlocks } from './blocks.js'

/** Split text into lines, whatever the line endings. */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\u0085]/g, '\n').split('\n')
}

const inlineParser = unified().use(remarkParse).use(remarkGfm)

/**
 * Cell text with no character Markdown gives a meaning to inside a line (and
 * no `www.` autolink): remark would return it as one text node, so skip
 * remark, which costs a parser run per cell (a 100,000-row table has 800,000).
 */
const PLAIN_CELL = /^[^*_`[\]<>!\\&~:@|=#\s](?:[^*_`[\]<>!\\&~:@|=#]*[^*_`[\]<>!\\&~:@|=#\s])?$/
const isPlainCell = (source: string) => PLAIN_CELL.test(source) && !/www\./i.test(source)

/** Markdown inline markup of a GFM cell, parsed by remark. */
function markdownInline(source: string): PhrasingContent[] {
  if (!source) return []
  if (isPlainCell(source)) return [{ type: 'text', value: source }]
  const tree = inlineParser.parse(source)
  const first = tree.children[0]
  if (tree.children.length === 1 && first.type === 'paragraph') return first.children
  return [{ type: 'text', value: source }]
}

function plainInline(source: string): PhrasingContent[] {
  return source ? [{ type: 'text', value: source }] : []
}

/** A detected table as a canonical mdast node. */
export function tableNode(found: DetectedTable, lineOffset = 0): Table {
  const toContent = found.markup === 'markdown' ? markdownInline : plainInline
  const table = gridToTable(mapGrid(found.grid, toContent))
  table.data = {
    ...table.data,
    origin: {
      layout: found.layout,
      confidence: found.confidence,
      lines: [found.start + 1 + lineOffset, found.end + lineOffset]
    }
  }
  return table
}

/** Text (already decoded) to mdast. Pure. */
export function textToMdast(text: string): { tree: Root; messages: Message[] } {
  const lines = splitLines(text)
  const tables = findTables(lines)
  const segments: Segment[] = []
  let cursor = 0
  const messages: Message[] = []
  for (const found of tables) {
    if (found.start > cursor) segments.push({ lines: lines.slice(cursor, found.start), firstLine: cursor })
    segments.push({ node: tableNode(found) as RootContent })
    if (found.layout !== 'gfm') {
      messages.push(
        info(
          'table-repaired',
          `table of ${found.grid.rows}×${found.grid.cols} rebuilt from ${found.layout} layout (confidence ${found.confidence.toFixed(2)})`,
          found.start + 1
        )
      )
    }
    cursor = found.end
  }
  if (cursor < lines.length) segments.push({ lines: lines.slice(cursor), firstLine: cursor })
  return { tree: { type: 'root', children: buildBlocks(segments) }, messages }
}

export async function readText(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const decoded = decodeText(bytes)
  assertLooksLikeText(decoded.text)
  if (decoded.text.trim() === '') throw new ConversionError('the input is empty', 'empty')
  const { tree, messages } = textToMdast(decoded.text)
  if (decoded.guessed) messages.unshift(info('encoding-detected', `decoded as ${decoded.encoding}`))
  return { doc: { tree, resources: [] }, messages }
}
