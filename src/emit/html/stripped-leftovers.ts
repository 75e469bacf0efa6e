/**
 * What the sanitizer leaves of an unsafe link or image: an `<a>` without
 * `href` and an `<img>` without `src` (invalid HTML). The link becomes its
 * text, the image its alternative text.
 */
import type { Element, ElementContent, Root } from 'hast'

function replacement(node: Element): ElementContent[] | undefined {
  if (node.tagName === 'a' && node.properties.href === undefined) return node.children
  if (node.tagName === 'img' && node.properties.src === undefined) {
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt : ''
    return alt ? [{ type: 'text', value: alt }] : []
  }
  return undefined
}

export function unwrapStrippedLinks(tree: Root | Element): void {
  const children: (typeof tree.children)[number][] = []
  for (const child of tree.children) {
    if (child.type === 'element') unwrapStrippedLinks(child)
    const instead = child.type === 'element' ? replacement(child) : undefined
    if (instead) children.push(...instead)
    else children.push(child)
  }
  tree.children = children as typeof tree.children
}
