/**
 * GFM writer: remark-stringify + remark-gfm, with pipe tables aligned by
 * display width so CJK columns line up. GFM cannot express spans: covered
 * slots are written as empty cells, or, with `mdTables: 'html'`, tables that
 * have merged cells are written as HTML tables.
 */
import type { Html, List, Paragraph, Root, RootContent, Table } from 'mdast'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { orderedMarker, withGap } from '../ast/list-marker.js'
import { exactWidth } from '../text/cjk.js'
import type { Doc } from '../ast/types.js'
import { sanitizeHtmlFragment } from './html/sanitize-fragment.js'
import { table as tableHandler } from './html/table.js'
import { replaceWithAlt, resourceUrl } from './resources.js'
import type { WriteOptions, WriteResult } from './types.js'
import type { Message } from '../messages.js'

const stringifier = unified()
  .use(remarkGfm, { stringLength: exactWidth })
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true, listItemIndent: 'one' })

const tableToHtml = unified().use(remarkRehype, { handlers: { table: tableHandler } }).use(rehypeStringify)

function hasSpans(table: Table): boolean {
  return table.children.some((row) => row.children.some((cell) => cell.data?.covered))
}

/** GFM cells are one line: line breaks inside a cell become `<br>`. */
function breaksToHtml(tree: Root): void {
  visit(tree, 'tableCell', (cell) => {
    cell.children = cell.children.map((child) => (child.type === 'break' ? ({ type: 'html', value: '<br>' } as Html) : child))
  })
}

/** The list's labels as GFM numbering (`3.`, `4.` …): its start, or undefined when GFM cannot say them. */
function gfmStart(list: List): number | undefined {
  const first = list.children[0]?.data?.label
  if (first === undefined) return list.start ?? 1
  const start = /^(\d{1,9})\.$/.exec(first)?.[1]
  if (start === undefined) return undefined
  const ok = list.children.every((item, i) => item.data?.label === undefined || item.data.label === `${Number(start) + i}.`)
  return ok ? Number(start) : undefined
}

/**
 * Ordered lists whose labels GFM's `1.` cannot say (`（一）`, `1.1`, `a)`)
 * are written as their items' blocks, each opening with its label as text.
 */
function literalLabels(tree: Root): void {
  const visitList = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((node) => {
      if ('children' in node && node.type !== 'table') (node as { children: RootContent[] }).children = visitList((node as { children: RootContent[] }).children)
      if (node.type !== 'list' || !node.ordered) return [node]
      const start = gfmStart(node)
      if (start !== undefined) {
        if (start !== 1) node.start = start
        return [node]
      }
      return node.children.flatMap((item, i) => {
        const label = withGap(orderedMarker(node, item, i))
        const blocks = [...item.children] as RootContent[]
        const first = blocks[0]
        if (first?.type === 'paragraph') blocks[0] = { ...first, children: [{ type: 'text', value: label }, ...first.children] }
        else if (label) blocks.unshift({ type: 'paragraph', children: [{ type: 'text', value: label.trimEnd() }] } as Paragraph)
        return blocks
      })
    })
  tree.children = visitList(tree.children) as Root['children']
}

export async function writeMarkdown(doc: Doc, options: WriteOptions = {}): Promise<WriteResult> {
  const tree = structuredClone(doc.tree)
  // Raw HTML from the source gets the HTML output's sanitizer (before docmend adds its own).
  visit(tree, 'html', (node) => {
    node.value = sanitizeHtmlFragment(node.value)
  })
  if (options.mdTables === 'html') {
    const replacements: [Root['children'], number, Table][] = []
    visit(tree, 'table', (node, index, parent) => {
      if (parent && index !== undefined && hasSpans(node)) replacements.push([parent.children, index, node])
    })
    for (const [siblings, index, node] of replacements) {
      const root: Root = { type: 'root', children: [node] }
      const html = tableToHtml.stringify(await tableToHtml.run(root))
      siblings[index] = { type: 'html', value: html }
    }
  }
  breaksToHtml(tree)
  literalLabels(tree)
  // Images the document carries point at the files written beside the output.
  const messages: Message[] = []
  visit(tree, 'image', (node, index, parent) => {
    const url = resourceUrl(doc, node.url, options)
    if (typeof url === 'string') node.url = url
    else if (url && parent && index !== undefined) {
      messages.push(url.leftOut)
      return replaceWithAlt(parent, index, node.alt)
    }
  })
  return { data: stringifier.stringify(tree), messages }
}
