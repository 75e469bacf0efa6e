/**
 * GFM writer: remark-stringify + remark-gfm, with pipe tables aligned by
 * display width so CJK columns line up. GFM cannot express spans: covered
 * slots are written as empty cells, or, with `mdTables: 'html'`, tables that
 * have merged cells are written as HTML tables.
 */
import type { Html, Root, Table } from 'mdast'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Doc } from '../ast/types.js'
import { sanitizeHtmlFragment } from './html/sanitize-fragment.js'
import { table as tableHandler } from './html/table.js'
import { resourceUrl } from './resources.js'
import type { WriteOptions, WriteResult } from './types.js'

const stringifier = unified()
  .use(remarkGfm, { stringLength: stringWidth })
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
  // Images the document carries point at the files written beside the output.
  visit(tree, 'image', (node) => {
    const url = resourceUrl(doc, node.url, options)
    if (url) node.url = url
  })
  return { data: stringifier.stringify(tree), messages: [] }
}
