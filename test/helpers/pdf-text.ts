/** The text a PDF of a document must contain, in drawing order, and an in-order check. */
import type { Nodes, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** Document text without footnote definitions (drawn at the end), raw HTML or image alt text, then the notes. */
export function expectedPdfText(tree: Root): string {
  const notes: RootContent[] = []
  const strip = (node: Nodes): Nodes | null => {
    if (node.type === 'footnoteDefinition') {
      notes.push(node)
      return null
    }
    if (node.type === 'html' || node.type === 'definition' || node.type === 'yaml') return null
    if ('children' in node) {
      const children = (node.children as Nodes[]).map(strip).filter((c): c is Nodes => c !== null)
      return { ...node, children } as Nodes
    }
    return node
  }
  const body = strip(structuredClone(tree))!
  return [toString(body, { includeImageAlt: false }), ...notes.map((n) => toString(n, { includeImageAlt: false }))].join('\n')
}

const squeeze = (s: string) => Array.from(s.replace(/[\s\u00ad\u200b-\u200f\u2060\ufeff]+/gu, ''))

/**
 * Check that every character of `expected` appears in `actual` in the same
 * order (whitespace ignored; `actual` may hold more, such as page numbers).
 * Returns null, or where the first missing character was.
 */
export function missingInOrder(expected: string, actual: string): string | null {
  const want = squeeze(expected)
  const have = squeeze(actual)
  let j = 0
  for (let i = 0; i < want.length; i++) {
    while (j < have.length && have[j] !== want[i]) j++
    if (j >= have.length) return `character ${i} '${want[i]}' not found after: …${want.slice(Math.max(0, i - 30), i).join('')}`
    j++
  }
  return null
}
