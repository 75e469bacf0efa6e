/**
 * Table-of-contents entries (`SECTION 1 → Introduction → 2`): the tabs are
 * leaders before the page number, not cell separators. They become a space
 * and a visible leader, so table repair leaves the entries alone.
 */
import type { Element, Root, Text } from 'hast'
import { visit } from 'unist-util-visit'

const isToc = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('docx-toc')

export function flattenTocLeaders(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'p' || !isToc(node)) return
    delete node.properties.className
    const texts: Text[] = []
    visit(node, 'text', (t: Text) => void texts.push(t))
    const lastTab = texts.findLastIndex((t) => t.value.includes('\t'))
    texts.forEach((t, i) => {
      const parts = t.value.split('\t')
      t.value = parts.map((part, k) => (k === 0 ? part : `${i === lastTab && k === parts.length - 1 ? ' … ' : ' '}${part}`)).join('')
    })
  })
}
