/**
 * Table cells hold phrasing content only (GFM), but Word and HTML cells hold
 * paragraphs and lists. Flatten them without losing text: blocks become runs
 * separated by line breaks, list items keep a marker.
 */
import type { Break, Nodes, PhrasingContent, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { orderedMarker, withGap } from './list-marker.js'

const PHRASING = new Set([
  'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference',
  'image', 'imageReference', 'footnoteReference', 'html'
])

export function isPhrasing(node: Nodes): node is PhrasingContent {
  return PHRASING.has(node.type)
}

const lineBreak = (): Break => ({ type: 'break' })
const text = (value: string): Text => ({ type: 'text', value })

/**
 * A table inside a cell, as lines: one per row, cells separated by ` | `
 * (empty cells left out), so neither cells nor rows run together.
 */
export function tableLines(rows: PhrasingContent[][][]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const row of rows) {
    const cells = row.filter((cell) => cell.length > 0)
    if (cells.length === 0) continue
    if (out.length > 0) out.push(lineBreak())
    cells.forEach((cell, i) => {
      if (i > 0) out.push(text(' | '))
      out.push(...cell)
    })
  }
  return out
}

/** Flatten mixed block and inline nodes into phrasing content. */
export function toPhrasing(nodes: (RootContent | PhrasingContent)[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let pendingInline = false
  const startBlock = () => {
    if (out.length > 0) out.push(lineBreak())
    pendingInline = false
  }
  for (const node of nodes) {
    if (isPhrasing(node as Nodes)) {
      out.push(node as PhrasingContent)
      pendingInline = true
      continue
    }
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        if (node.children.length === 0) break
        startBlock()
        out.push(...node.children)
        break
      case 'list': {
        node.children.forEach((item, i) => {
          startBlock()
          const marker = node.ordered ? withGap(orderedMarker(node, item, i)) : '• '
          out.push(text(marker), ...toPhrasing(item.children))
        })
        break
      }
      case 'listItem':
        startBlock()
        out.push(...toPhrasing(node.children))
        break
      case 'blockquote':
      case 'footnoteDefinition':
        startBlock()
        out.push(...toPhrasing(node.children))
        break
      case 'code':
        startBlock()
        out.push({ type: 'inlineCode', value: node.value })
        break
      case 'table': {
        const lines = tableLines(node.children.map((row) => row.children.map((cell) => toPhrasing(cell.children))))
        if (lines.length > 0) {
          startBlock()
          out.push(...lines)
        }
        break
      }
      case 'tableRow':
      case 'tableCell': {
        const value = toString(node).trim()
        if (value) {
          startBlock()
          out.push(text(value))
        }
        break
      }
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        break
      default: {
        const value = toString(node as Nodes)
        if (value) {
          if (!pendingInline) startBlock()
          out.push(text(value))
        }
      }
    }
  }
  // Drop a leading or trailing break left by empty blocks.
  while (out.length > 0 && out[out.length - 1].type === 'break') out.pop()
  while (out.length > 0 && out[0].type === 'break') out.shift()
  return out
}
