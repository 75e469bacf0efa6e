/**
 * HTML writer: mdast → hast (remark-rehype, with our table handler) →
 * sanitized (rehype-sanitize) → a page from `templates/` (or a fragment).
 */
import type { Element, Root as HastRoot } from 'hast'
import { raw } from 'hast-util-raw'
import type { Root } from 'mdast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { readTemplate } from '../../assets.js'
import { documentLang, documentTitle } from '../../ast/document.js'
import type { Doc } from '../../ast/types.js'
import type { WriteOptions, WriteResult } from '../types.js'
import { schema } from './schema.js'
import { table } from './table.js'

/**
 * Inline HTML in the tree (`<sub>`/`<sup>` from DOCX, HTML and Markdown
 * readers) is parsed into elements, then sanitized like everything else.
 * Parsing is skipped when there is none: it re-parses the whole page.
 */
function rehypeRawWhenNeeded() {
  return (tree: HastRoot) => {
    let found = false
    visit(tree, 'raw', () => {
      found = true
      return false
    })
    return found ? (raw(tree) as HastRoot) : tree
  }
}

const toSafeHast = unified()
  .use(remarkRehype, { handlers: { table }, allowDangerousHtml: true })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitize, schema)

const stringifier = unified().use(rehypeStringify)

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Point images at the media folder written beside the output, or inline them. */
function resolveImages(hast: HastRoot, doc: Doc, options: WriteOptions): void {
  const byPath = new Map(doc.resources.map((r) => [r.path, r]))
  visit(hast, 'element', (node: Element) => {
    if (node.tagName !== 'img' || typeof node.properties?.src !== 'string') return
    const resource = byPath.get(node.properties.src)
    if (!resource) return
    node.properties.src = options.embedImages
      ? `data:${resource.contentType};base64,${Buffer.from(resource.bytes).toString('base64')}`
      : `${options.mediaBase ?? 'media'}/${resource.path.replace(/^media\//, '')}`
  })
}

/** The document body as sanitized hast. */
export async function toHtmlTree(tree: Root): Promise<HastRoot> {
  return (await toSafeHast.run(structuredClone(tree))) as HastRoot
}

/** Fill a page template. Values are escaped; `{{body}}` and `{{style}}` are inserted as they are. */
export function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => (key in fields ? fields[key] : match))
}

export async function writeHtml(doc: Doc, options: WriteOptions = {}): Promise<WriteResult> {
  const hast = await toHtmlTree(doc.tree)
  resolveImages(hast, doc, options)
  const body = stringifier.stringify(hast)
  if (options.fragment) return { data: `${body}\n`, messages: [] }
  const template = options.template ?? readTemplate('page.html')
  const page = fillTemplate(template, {
    lang: escapeHtml(documentLang(doc.tree)),
    title: escapeHtml(documentTitle(doc.tree)),
    style: readTemplate('style.css'),
    body,
    toc: ''
  })
  return { data: page, messages: [] }
}
