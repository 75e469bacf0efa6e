/**
 * A table's caption: the one its source gave (`table.data.caption`), else
 * the heading or label immediately before it. Rules (README, "HTML output"):
 *
 * - a heading right before the table (nothing in between) captions it;
 * - so does a paragraph right before it that reads as a label: a table
 *   number (`表 2 …`, `Table 2: …`), a paragraph that is all bold, or one
 *   short line (at most 40 characters) that does not end like a sentence.
 */
import type { Nodes, Paragraph, Parents, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import '../../ast/types.js'

const MAX_LABEL_CHARS = 40
const TABLE_NUMBER = /^(表|table|tab\.)\s*[\d一二三四五六七八九十]+/i
const SENTENCE_END = /[.!?;:,。！？；：，、…]$/

function isBoldLabel(node: Paragraph): boolean {
  const parts = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  return parts.length > 0 && parts.every((child) => child.type === 'strong')
}

function labelText(node: Nodes): string | undefined {
  const text = toString(node).replace(/\s+/g, ' ').trim()
  if (!text) return undefined
  if (node.type === 'heading') return text
  if (node.type !== 'paragraph') return undefined
  if (node.children.some((child) => child.type === 'break')) return undefined
  if (TABLE_NUMBER.test(text) && Array.from(text).length <= 200) return text
  if (isBoldLabel(node) && Array.from(text).length <= 200) return text
  if (Array.from(text).length <= MAX_LABEL_CHARS && !SENTENCE_END.test(text)) return text
  return undefined
}

export interface Caption {
  text: string
  /** True when the text repeats the heading or label shown just above the table. */
  repeated: boolean
}

/** The caption for `table`, found in `parent`, or undefined. */
export function tableCaption(table: Table, parent: Parents | undefined): Caption | undefined {
  const declared = table.data?.caption?.trim()
  if (declared) return { text: declared, repeated: false }
  if (!parent) return undefined
  const index = (parent.children as Nodes[]).indexOf(table)
  const previous = index > 0 ? (parent.children[index - 1] as Nodes) : undefined
  const text = previous ? labelText(previous) : undefined
  return text ? { text, repeated: true } : undefined
}
