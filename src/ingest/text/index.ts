/**
 * Reader for pasted text: decode, find tables (the repair stage), then read
 * the rest as headings, paragraphs and lists.
 */
import type { Root, RootContent } from 'mdast'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { toString } from 'mdast-util-to-string'
import { detectedTableToMdast } from '../../tables/detected-table.js'
import { type Message, info, warning } from '../../messages.js'
import { decodeInput } from '../decode.js'
import { findTables } from '../../tables/index.js'
import type { ReadOptions, ReadResult } from '../types.js'
import { MAX_TEXT_LIST_DEPTH, type Segment, buildBlocks } from './blocks.js'

/** Split text into lines, whatever the line endings. */
export function splitLines(text: string): string[] {
  // Each replace copies the whole text: only when there is something to replace.
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  return (/[\u2028\u2029\u0085]/.test(lf) ? lf.replace(/[\u2028\u2029\u0085]/g, '\n') : lf).split('\n')
}

const autolinks = gfmAutolinkLiteralFromMarkdown()
/** Text that GFM's autolink-literal rule could turn into a link. */
const LINK_HINT = /https?:|www\.|@/i

function anyLine(lines: string[], start: number, end: number, pattern: RegExp): boolean {
  for (let i = start; i < end; i++) if (pattern.test(lines[i])) return true
  return false
}

/** Text (already decoded) to mdast. Pure. */
export function textToMdast(text: string): { tree: Root; messages: Message[] } {
  const lines = splitLines(text)
  const tables = findTables(lines)
  const segments: Segment[] = []
  let cursor = 0
  const messages: Message[] = []
  // Tables whose source text holds nothing a link could come from: skipped below without walking their cells.
  const linkless = new Set<RootContent>()
  for (const found of tables) {
    if (found.start > cursor) segments.push({ lines: lines.slice(cursor, found.start), firstLine: cursor })
    const node = detectedTableToMdast(found) as RootContent
    if (!anyLine(lines, found.start, found.end, LINK_HINT)) linkless.add(node)
    segments.push({ node })
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
  const { blocks, flattened } = buildBlocks(segments)
  const tree: Root = { type: 'root', children: blocks }
  if (flattened) {
    messages.push(warning('nesting-flattened', `list items nested more than ${MAX_TEXT_LIST_DEPTH} deep were kept at that depth (their text is kept)`))
  }
  // Bare URLs and e-mail addresses become links, by GFM's own autolink-literal rule
  // (run only on blocks that could hold one: it is costly on big tables of numbers).
  for (const block of tree.children) {
    if (linkless.has(block) || !LINK_HINT.test(toString(block))) continue
    for (const transform of autolinks.transforms ?? []) transform({ type: 'root', children: [block] })
  }
  return { tree, messages }
}

export async function readText(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const decoded = decodeInput(bytes)
  const { tree, messages } = textToMdast(decoded.text)
  return { doc: { tree, resources: [] }, messages: [...decoded.messages, ...messages] }
}
