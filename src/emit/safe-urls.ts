/**
 * The URL policy (src/url-policy.ts) applied to the tree every writer gets:
 * a link with an unsafe address becomes its text, an image its alt text, and
 * a reference definition with one is dropped (its references become text).
 * The tree is copied only when there is something to change.
 */
import type { Definition, Nodes, Parent, PhrasingContent, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { type Message, warning } from '../messages.js'
import { isSafeImageUrl, isSafeLinkUrl } from '../url-policy.js'

const unsafeDefinitions = (tree: Root): Set<string> => {
  const ids = new Set<string>()
  visit(tree, 'definition', (node: Definition) => {
    if (!isSafeLinkUrl(node.url)) ids.add(node.identifier)
  })
  return ids
}

function isUnsafe(node: Nodes, badDefinitions: Set<string>): boolean {
  switch (node.type) {
    case 'link':
      return !isSafeLinkUrl(node.url)
    case 'image':
      return !isSafeImageUrl(node.url)
    case 'definition':
      return badDefinitions.has(node.identifier)
    case 'linkReference':
    case 'imageReference':
      return badDefinitions.has(node.identifier)
    default:
      return false
  }
}

function hasUnsafe(tree: Root, badDefinitions: Set<string>): boolean {
  let found = badDefinitions.size > 0
  if (!found) {
    visit(tree, (node) => {
      if (isUnsafe(node as Nodes, badDefinitions)) {
        found = true
        return false
      }
      return undefined
    })
  }
  return found
}

/** What an unsafe node leaves behind: a link its text, an image its alt text, a definition nothing. */
function remains(node: Nodes): PhrasingContent[] {
  if (node.type === 'link' || node.type === 'linkReference') return node.children
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ? [{ type: 'text', value: node.alt }] : []
  return []
}

const describe = (node: Nodes) => ('url' in node ? node.url : `[${'identifier' in node ? node.identifier : ''}]`).slice(0, 60)

/** The tree with no unsafe address left, and a warning per address removed. */
export function withSafeUrls(tree: Root): { tree: Root; messages: Message[] } {
  const bad = unsafeDefinitions(tree)
  if (!hasUnsafe(tree, bad)) return { tree, messages: [] }
  const safe = structuredClone(tree)
  const messages: Message[] = []
  const clean = (parent: Parent) => {
    const children: Nodes[] = []
    for (const child of parent.children as Nodes[]) {
      if (isUnsafe(child, bad)) {
        if (child.type !== 'linkReference' && child.type !== 'imageReference') {
          messages.push(warning('unsafe-url-dropped', `an address '${describe(child)}' was removed (unsafe scheme); its text is kept`))
        }
        const kept = remains(child)
        for (const k of kept) if ('children' in k) clean(k as Parent)
        children.push(...kept)
        continue
      }
      if ('children' in child) clean(child as Parent)
      children.push(child)
    }
    parent.children = children as Parent['children']
  }
  clean(safe)
  return { tree: safe, messages }
}
