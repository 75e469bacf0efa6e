/**
 * Plain-text writer: headings underlined to their display width, paragraphs
 * wrapped by display width with CJK line breaking, lists with markers,
 * tables as an aligned grid or as linear records.
 */
import type { List, Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { orderedMarker, withGap } from '../../ast/list-marker.js'
import type { Doc } from '../../ast/types.js'
import { displayWidth } from '../../text/cjk.js'
import type { WriteOptions, WriteResult } from '../types.js'
import { renderTable } from './table.js'
import { wrap } from './wrap.js'

const UNDERLINE = ['=', '-', '~', '.', '.', '.']

interface Context {
  width: number
  tables: NonNullable<WriteOptions['tables']>
  notes: string[]
}

/** Inline content as one string: links keep their address, images their alt text. */
function inline(nodes: PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value
        case 'break':
          return '\n'
        case 'link': {
          const text = inline(node.children)
          return text && text !== node.url && !/^(#|mailto:)/.test(node.url) ? `${text} <${node.url}>` : text || node.url
        }
        case 'image':
          return node.alt ? `[${node.alt}]` : '[image]'
        case 'footnoteReference':
          return `[${node.label ?? node.identifier}]`
        case 'html':
          return ''
        default:
          return 'children' in node ? inline(node.children as PhrasingContent[]) : toString(node)
      }
    })
    .join('')
}

function paragraphLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((part) => wrap(part, width))
}

function block(node: RootContent, ctx: Context, width: number): string[] {
  switch (node.type) {
    case 'heading': {
      const text = inline(node.children).replace(/\n/g, ' ')
      const lines = wrap(text, width)
      const underline = UNDERLINE[node.depth - 1].repeat(Math.max(...lines.map(displayWidth), 1))
      return [...lines, underline]
    }
    case 'paragraph':
      return paragraphLines(inline(node.children), width)
    case 'list':
      return list(node, ctx, width)
    case 'blockquote':
      return blocks(node.children, ctx, width - 2).map((line) => (line ? `> ${line}` : '>'))
    case 'code':
      return node.value.split('\n').map((line) => `    ${line}`)
    case 'thematicBreak':
      return ['-'.repeat(Math.min(width, 40))]
    case 'table':
      return renderTable(node, width, ctx.tables)
    case 'footnoteDefinition':
      ctx.notes.push(`[${node.label ?? node.identifier}] ${toString(node)}`)
      return []
    case 'html':
      return []
    case 'definition':
      return []
    default:
      return paragraphLines(toString(node as Nodes), width)
  }
}

function list(node: List, ctx: Context, width: number): string[] {
  const out: string[] = []
  node.children.forEach((item, i) => {
    const marker = node.ordered ? withGap(orderedMarker(node, item, i)) : '- '
    const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
    const indent = ' '.repeat(displayWidth(marker))
    const inner = blocks(item.children, ctx, width - indent.length, item.spread ?? false)
    inner.forEach((line, k) => out.push(k === 0 ? `${marker}${check}${line}` : line ? `${indent}${line}` : ''))
  })
  return out
}

function blocks(nodes: RootContent[], ctx: Context, width: number, spread = true): string[] {
  const out: string[] = []
  for (const node of nodes) {
    const lines = block(node, ctx, width)
    if (lines.length === 0) continue
    if (out.length > 0 && spread) out.push('')
    out.push(...lines)
  }
  return out
}

export function mdastToText(tree: Root, options: WriteOptions = {}): string {
  const ctx: Context = { width: options.width ?? 80, tables: options.tables ?? 'auto', notes: [] }
  const lines = blocks(tree.children, ctx, ctx.width)
  if (ctx.notes.length > 0) lines.push('', '-'.repeat(20), ...ctx.notes.flatMap((n) => wrap(n, ctx.width)))
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`
}

export async function writeText(doc: Doc, options: WriteOptions = {}): Promise<WriteResult> {
  return { data: mdastToText(doc.tree, options), messages: [] }
}
