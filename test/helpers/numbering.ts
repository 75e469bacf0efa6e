/**
 * What a reader sees numbered, for comparing docmend's numbering with
 * LibreOffice's text output: headings, ordered list items (label and first
 * line) and the lines of Word table cells, each as a line of text.
 */
import type { List, ListItem, Nodes, PhrasingContent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { orderedMarker, withGap } from '../../src/ast/list-marker.js'

export interface NumberedLine {
  kind: 'heading' | 'item' | 'cell'
  text: string
}

function firstLine(item: ListItem): string {
  const first = item.children[0]
  if (!first || first.type === 'list') return ''
  if (first.type === 'paragraph' || first.type === 'heading') return splitBreaks(first.children)[0] ?? ''
  return toString(first)
}

function splitBreaks(children: PhrasingContent[]): string[] {
  const lines: string[] = ['']
  for (const child of children) {
    if (child.type === 'break') lines.push('')
    else lines[lines.length - 1] += toString(child)
  }
  return lines
}

/** A cell line that opens with a label (`1.`, `（一）`, `a)`, `ii.`, `•`): cells hold other text too. */
const LABEL_START = /^(?:[(（]?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5}|[一二三四五六七八九十]{1,3})(?:[.．、)）]\d*)+|[•▪➢❖✓■□○◦]\s)/u

/** Headings, ordered list items and docx table cells' lines, in reading order. */
export function numberedLines(tree: Root): NumberedLine[] {
  const out: NumberedLine[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') {
      out.push({ kind: 'heading', text: toString(node) })
      return
    }
    if (node.type === 'list') {
      const list = node as List
      list.children.forEach((item, i) => {
        if (list.ordered) out.push({ kind: 'item', text: withGap(orderedMarker(list, item, i)) + firstLine(item) })
        for (const child of item.children) walk(child)
      })
      return
    }
    if (node.type === 'tableCell') {
      for (const line of splitBreaks(node.children)) if (LABEL_START.test(line.trim())) out.push({ kind: 'cell', text: line })
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return out
}

/** Lines compared without their whitespace: LibreOffice separates a label by a tab, indents, wraps cells. */
export const squash = (text: string) => text.replace(/[\s\uFEFF]+/g, '')

/**
 * The lines of ours that LibreOffice's text does not show, looked for in
 * order (each match moves on past the line found).
 */
export function notInReference(ours: readonly NumberedLine[], reference: string): NumberedLine[] {
  const lines = reference.split(/\r?\n/).map(squash)
  const missing: NumberedLine[] = []
  let from = 0
  for (const line of ours) {
    const want = squash(line.text)
    if (want === '') continue
    const at = lines.findIndex((l, i) => i >= from && l === want)
    if (at === -1) missing.push(line)
    else from = at + 1
  }
  return missing
}
