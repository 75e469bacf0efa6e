/**
 * Word's Title style sits above Heading 1. When a document has a Title
 * paragraph (mapped to `h1.docx-title`), its headings nest one level under
 * it, so the page has one h1 and the sections below it.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

const isTitle = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('docx-title')

export function nestUnderTitle(tree: Root): void {
  let hasTitle = false
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'h1' && isTitle(node)) hasTitle = true
  })
  visit(tree, 'element', (node: Element) => {
    const level = /^h([1-6])$/.exec(node.tagName)
    if (!level) return
    if (isTitle(node)) {
      delete node.properties.className
      return
    }
    if (hasTitle) node.tagName = `h${Math.min(6, Number(level[1]) + 1)}`
  })
}
