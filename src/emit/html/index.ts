/**
 * HTML writer: mdast → hast (remark-rehype, with our table handler) →
 * sanitized (hast-util-sanitize, in pieces) → heading ids, accessible tables, images →
 * a page from `templates/` (or a fragment).
 */
import GithubSlugger from 'github-slugger'
import type { Element, Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import type { Handler } from 'mdast-util-to-hast'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { Message } from '../../messages.js'
import { readTemplate } from '../../assets.js'
import { documentLang, documentTitle } from '../../ast/document.js'
import type { Doc } from '../../ast/types.js'
import type { WriteOptions, WriteResult } from '../types.js'
import { accessibleTables, type IdMaker } from './accessible-tables.js'
import { listMarkers } from './list-markers.js'
import { pageLabels } from './labels.js'
import { replaceWithAlt, resourceUrl } from '../resources.js'
import { sanitizeInPieces } from './sanitize-in-pieces.js'
import { canSanitizeAsMade, safeRoot } from './safe-root.js'
import { unwrapStrippedLinks } from './stripped-leftovers.js'
import { table } from './table.js'
import { identifyHeadings, tableOfContents } from './toc.js'
import type { TemplateField } from './template-fields.js'

/**
 * Inline HTML in the tree (`<sub>`/`<sup>` from DOCX, HTML and Markdown
 * readers) is parsed into elements, then sanitized like everything else.
 * Parsing is skipped when there is none: it re-parses the whole page. The
 * parser (parse5, 0.35 MB of code) loads only then.
 */
function rehypeRawWhenNeeded() {
  return async (tree: HastRoot) => {
    let found = false
    visit(tree, 'raw', () => {
      found = true
      return false
    })
    if (!found) return tree
    const { raw } = await import('hast-util-raw')
    return raw(tree) as HastRoot
  }
}

/** The sanitizer with docmend's schema (schema.ts), a block or a few table rows at a time. */
function rehypeSanitizeInPieces() {
  return (tree: HastRoot) => sanitizeInPieces(tree)
}

const toSafeHast = unified()
  .use(remarkRehype, { handlers: { table }, allowDangerousHtml: true })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitizeInPieces)

const stringifier = unified().use(rehypeStringify)

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Point images at the media folder written beside the output, or inline them; returns the warnings for images left out. */
function resolveImages(hast: HastRoot, doc: Doc, options: WriteOptions): Message[] {
  const messages: Message[] = []
  visit(hast, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || typeof node.properties?.src !== 'string') return
    const url = resourceUrl(doc, node.properties.src, options)
    if (typeof url === 'string') node.properties.src = url
    else if (url && parent && index !== undefined) {
      messages.push(url.leftOut)
      return replaceWithAlt(parent, index, typeof node.properties.alt === 'string' ? node.properties.alt : '')
    }
  })
  return messages
}

/** The same, each block sanitized as it is made (safe-root.ts): for pages that allow it. */
const toSafeHastAsMade = unified().use(remarkRehype, { handlers: { table, root: safeRoot as unknown as Handler }, allowDangerousHtml: true })

/** The document body as sanitized hast. */
export async function toHtmlTree(tree: Root): Promise<HastRoot> {
  const listed = listMarkers(tree)
  return (await (canSanitizeAsMade(listed) ? toSafeHastAsMade : toSafeHast).run(listed)) as HastRoot
}

/** Fill a page template. Values are escaped; `{{body}}`, `{{heading}}`, `{{toc}}` and `{{style}}` are markup, inserted as they are. */
export function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => (key in fields ? fields[key] : match))
}

/** Text direction of a language, for `<html dir>`. */
function directionOf(lang: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string } }
    return locale.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr'
  } catch {
    return 'ltr'
  }
}

/** A page needs one top heading: when the document has none, its title becomes one. */
function ensureTopHeading(hast: HastRoot, title: string): void {
  let hasH1 = false
  visit(hast, 'element', (node: Element) => {
    if (node.tagName === 'h1') hasH1 = true
  })
  if (hasH1) return
  hast.children.unshift(
    { type: 'element', tagName: 'h1', properties: { className: ['doc-title'] }, children: [{ type: 'text', value: title }] },
    { type: 'text', value: '\n' }
  )
}

/** Take the body's opening `<h1>` out, for a template's `{{heading}}` (before the table of contents). */
function takeOpeningHeading(hast: HastRoot): Element | undefined {
  const index = hast.children.findIndex((node) => !(node.type === 'text' && node.value.trim() === ''))
  const first = hast.children[index]
  if (first?.type !== 'element' || first.tagName !== 'h1') return undefined
  hast.children.splice(0, index + 1)
  return first
}

const usesField = (template: string, name: string) => new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(template)

export async function writeHtml(doc: Doc, options: WriteOptions = {}): Promise<WriteResult> {
  const hast = await toHtmlTree(doc.tree)
  unwrapStrippedLinks(hast)
  const messages = resolveImages(hast, doc, options)
  const lang = documentLang(doc.tree)
  const title = documentTitle(doc.tree)
  const labels = pageLabels(lang)
  const slugger = new GithubSlugger()
  const ids: IdMaker = { slug: (value) => slugger.slug(value) }

  const template = options.template ?? readTemplate('page.html')
  if (!options.fragment) ensureTopHeading(hast, title)
  const headings = identifyHeadings(hast, ids)
  accessibleTables(hast, { ids, fallbackLabel: labels.table })
  if (options.fragment) return { data: `${stringifier.stringify(hast)}\n`, messages }

  const heading = usesField(template, 'heading') ? takeOpeningHeading(hast) : undefined
  const toc = tableOfContents(headings, labels.contents, ids)
  const html = (node: Element | undefined) => (node ? stringifier.stringify({ type: 'root', children: [node] }) : '')
  const fields: Record<TemplateField, string> = {
    lang: escapeHtml(lang),
    dir: directionOf(lang),
    title: escapeHtml(title),
    style: readTemplate('style.css'),
    heading: html(heading),
    toc: html(toc),
    body: stringifier.stringify(hast)
  }
  const page = fillTemplate(template, fields)
  return { data: page, messages }
}
