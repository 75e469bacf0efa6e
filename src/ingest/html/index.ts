/**
 * Reader for HTML, including HTML pasted from a clipboard: parse5 (depth-bounded), then
 * hast-util-to-mdast with our table handler so merged cells survive.
 */
import type { Element, Root as HastRoot } from 'hast'
import { type Handle, type State, toMdast } from 'hast-util-to-mdast'
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { type Message, warning } from '../../messages.js'
import { decodeInput } from '../decode.js'
import type { ReadOptions, ReadResult } from '../types.js'
import { repairTables } from '../../tables/repair-tables.js'
import { sub, sup } from './inline.js'
import { MAX_HTML_DEPTH, parseHtml } from './parse.js'
import { table } from './table.js'

/** Title and language the page declares. */
function pageMeta(tree: HastRoot): { title?: string; lang?: string } {
  const meta: { title?: string; lang?: string } = {}
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'html' && typeof node.properties?.lang === 'string' && node.properties.lang) {
      meta.lang = node.properties.lang
    }
    if (node.tagName === 'title' && meta.title === undefined) {
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim()
      if (text) meta.title = text
    }
  })
  return meta
}

/**
 * `<base href>`: honoured only when it is an absolute http(s) URL, and a link
 * that cannot be resolved against it is kept as written (the default handler
 * throws "Invalid URL" on `<base href="javascript:…">` or a malformed link).
 */
function base(state: State, node: Element): undefined {
  if (state.baseFound) return
  state.baseFound = true
  const href = typeof node.properties?.href === 'string' ? node.properties.href.trim() : ''
  if (!/^https?:\/\//i.test(href) || !URL.canParse(href)) return
  state.frozenBaseUrl = href
  state.resolve = (url) => {
    if (url === null || url === undefined) return ''
    try {
      return new URL(String(url), href).href
    } catch {
      return String(url)
    }
  }
}

/** Our handlers: tables keep their spans, sub/superscript their tags. */
export const htmlHandlers: Record<string, Handle> = { table, sub, sup, base }

/**
 * hast to mdast with our handlers; `handlers` adds to or replaces them
 * (the DOCX reader adds its own for notes). Pure.
 */
export function hastToMdast(hast: HastRoot, handlers: Record<string, Handle> = {}, options: { repair?: boolean } = {}): Root {
  const tree = toMdast(hast, { handlers: { ...htmlHandlers, ...handlers } }) as Root
  // Rows pasted as paragraphs (`a | b |||` per <p>) become repaired tables.
  if (options.repair !== false) repairTables(tree)
  return tree
}

/** The warning for markup nested deeper than MAX_HTML_DEPTH. */
export const nestingWarning = (): Message =>
  warning('nesting-flattened', `elements nested more than ${MAX_HTML_DEPTH} deep were reduced to their text`)

/** HTML (already decoded) to canonical mdast, with what had to give. Pure. */
function convertHtml(html: string): { tree: Root; messages: Message[] } {
  // Windows clipboard HTML (CF_HTML) starts with a "Version:0.9 StartHTML:…" header.
  const source = html.replace(/^Version:\d[\s\S]*?(?=<)/, '')
  const { tree: hast, flattened } = parseHtml(source)
  const tree = hastToMdast(hast)
  const { title, lang } = pageMeta(hast)
  if (title || lang) tree.data = { ...tree.data, ...(title ? { title } : {}), ...(lang ? { lang } : {}) }
  return { tree, messages: flattened ? [nestingWarning()] : [] }
}

/** HTML (already decoded) to canonical mdast. Pure. */
export function htmlToMdast(html: string): Root {
  return convertHtml(html).tree
}

export async function readHtml(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const decoded = decodeInput(bytes)
  const { tree, messages } = convertHtml(decoded.text)
  return { doc: { tree, resources: [] }, messages: [...decoded.messages, ...messages] }
}
