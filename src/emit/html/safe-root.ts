/**
 * The page as sanitized hast, made block by block: each top-level block is
 * turned into hast and sanitized before the next (and a top-level table row
 * piece by row piece, see table.ts), so the unsafe hast of the whole page
 * never exists. Only for pages that need nothing done to the whole unsafe
 * page first (`canSanitizeAsMade`): no raw HTML (parsed across blocks), no
 * footnotes (their section is added after the blocks), no hast injected by
 * `data.hName`/`data.hChildren`.
 */
import type { Root as HastRoot, RootContent } from 'hast'
import type { Nodes, Root } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import { sanitize } from 'hast-util-sanitize'
import { schema } from './schema.js'
import { sanitizeTopLevel } from './sanitize-in-pieces.js'
import { safeTable } from './table.js'

/** Whether the page's blocks may be sanitized one by one, as they are made. */
export function canSanitizeAsMade(tree: Root): boolean {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'html' || node.type === 'footnoteReference' || node.type === 'footnoteDefinition') return false
    const data = node.data as { hName?: unknown; hChildren?: unknown } | undefined
    if (data?.hName !== undefined || data?.hChildren !== undefined) return false
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  // A line break at the top level would change the text after it (mdast-util-to-hast trims it): not in valid mdast.
  return !tree.children.some((block) => block.type === 'break')
}

/**
 * mdast-util-to-hast's root handler (its `all` and `wrap`: blocks with a
 * line break between them), each block sanitized as soon as it is made.
 */
export function safeRoot(state: State, node: Root): HastRoot {
  const children: RootContent[] = []
  let made = 0
  const add = (unsafe: RootContent) => {
    if (made++ > 0) children.push(...sanitizeTopLevel({ type: 'text', value: '\n' }))
    children.push(...sanitizeTopLevel(unsafe))
  }
  for (const child of node.children) {
    if (child.type === 'table') {
      if (made++ > 0) children.push(...sanitizeTopLevel({ type: 'text', value: '\n' }))
      children.push(...safeTable(state, child, node))
      continue
    }
    const result = state.one(child, node)
    if (Array.isArray(result)) for (const item of result) add(item as RootContent)
    else if (result) add(result as RootContent)
  }
  const root: HastRoot = { type: 'root', children: [] }
  state.patch(node, root)
  const safe = sanitize(root, schema) as HastRoot
  safe.children = children
  return safe
}
