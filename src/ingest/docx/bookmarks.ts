/**
 * Word bookmarks: mammoth writes each as an empty `<a id="…">` and links to
 * them as `<a href="#…">` (tables of contents, cross-references). mdast has
 * no anchors, so the targets cannot survive; the empty anchors are dropped
 * and links to bookmarks keep only their text. Note links are left to
 * `notes.ts`.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { visit } from 'unist-util-visit'

const NOTE_LINK = /^#(?:footnote|endnote)-/

export function unwrapBookmarks(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return
    const href = node.properties?.href
    if (href === undefined || href === null || href === '') {
      parent.children.splice(index, 1, ...(node.children as ElementContent[]))
      return index
    }
    if (typeof href === 'string' && href.startsWith('#') && !NOTE_LINK.test(href)) {
      parent.children.splice(index, 1, ...(node.children as ElementContent[]))
      return index
    }
    return undefined
  })
}
