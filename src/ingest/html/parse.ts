/**
 * HTML → hast, with the nesting depth bounded. parse5 parses any depth in
 * linear time, but every later stage walks the tree recursively: a page of
 * 100,000 nested `<div>`s would overflow the stack. Below the bound, only the
 * text is kept, in order.
 */
import type { Root } from 'hast'
import { fromParse5 } from 'hast-util-from-parse5'
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5'

type P5Node = DefaultTreeAdapterMap['node']
type P5Child = DefaultTreeAdapterMap['childNode']
type P5Parent = DefaultTreeAdapterMap['parentNode']

/** Deepest element nesting kept as it is. */
export const MAX_HTML_DEPTH = 256

const childrenOf = (node: P5Node): P5Child[] => ('childNodes' in node ? node.childNodes : [])

/** The text of every node below `node`, in document order. */
function textBelow(node: P5Parent): string {
  const texts: string[] = []
  const stack: P5Child[] = [...node.childNodes].reverse()
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next.nodeName === '#text' && 'value' in next) texts.push(next.value)
    const children = childrenOf(next)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return texts.join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * Replace what lies deeper than `max` by its text, as one text node (one, so
 * that no later stage meets a parent with a million children). Returns how
 * many subtrees were cut.
 */
export function capDepth(root: P5Parent, max: number): number {
  let cut = 0
  const stack: [P5Node, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (!('childNodes' in node)) continue
    if (depth >= max && node.childNodes.some((child) => childrenOf(child).length > 0)) {
      const value = textBelow(node)
      node.childNodes = value ? [{ nodeName: '#text', value, parentNode: node } as P5Child] : []
      cut++
      continue
    }
    for (const child of node.childNodes) stack.push([child, depth + 1])
    if ('content' in node && node.content) stack.push([node.content, depth + 1])
  }
  return cut
}

/** Parse HTML (a whole document, or a fragment) into hast; `flattened` says whether deep nesting was cut down to its text. */
export function parseHtml(html: string, options: { fragment?: boolean } = {}): { tree: Root; flattened: boolean } {
  const document = options.fragment ? parseFragment(html, { scriptingEnabled: false }) : parse(html, { scriptingEnabled: false })
  const flattened = capDepth(document, MAX_HTML_DEPTH) > 0
  return { tree: fromParse5(document) as Root, flattened }
}
