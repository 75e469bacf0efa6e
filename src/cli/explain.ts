/** `--explain`: one line per table found, from the tables' origin data. */
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

export function explainTables(tree: Root): string[] {
  const lines: string[] = []
  visit(tree, 'table', (node) => {
    const rows = node.children.length
    const cols = node.children[0]?.children.length ?? 0
    const origin = node.data?.origin
    const where = origin?.lines
      ? ` (lines ${origin.lines[0]}-${origin.lines[1]})`
      : origin?.pages
        ? ` (page${origin.pages[0] === origin.pages[1] ? ` ${origin.pages[0]}` : `s ${origin.pages[0]}-${origin.pages[1]}`})`
        : ''
    const layout = origin?.layout ?? 'unknown'
    const confidence = origin ? origin.confidence.toFixed(2) : '—'
    const head = node.data?.headerRows ?? 0
    lines.push(`table ${lines.length + 1}${where}: ${layout} layout, ${rows}×${cols} grid, ${head} header row(s), confidence ${confidence}`)
  })
  return lines
}
