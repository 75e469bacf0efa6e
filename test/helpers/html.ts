/** Parse docmend's HTML output back into hast, to look at it as a browser would. */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

const parser = unified().use(rehypeParse)

export function parseHtml(html: string): Root {
  return parser.parse(html)
}

export function elements(tree: Root | Element, tagName?: string): Element[] {
  const found: Element[] = []
  visit(tree, 'element', (node: Element) => {
    if (!tagName || node.tagName === tagName) found.push(node)
  })
  return found
}

export const textOf = (node: Element) => toString(node).replace(/\s+/g, ' ').trim()

/** An attribute as a string (hast keeps lists such as `headers` as arrays). */
export function attr(node: Element, name: string): string | undefined {
  const value = node.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}
