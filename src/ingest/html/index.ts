/**
 * Reader for HTML, including HTML pasted from a clipboard: parse5 (depth-bounded), then
 * hast-util-to-mdast with our table handler so merged cells survive.
 */
import type { Element, Root as HastRoot } from 'hast'
import { toMdast } from 'hast-util-to-mdast'
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { ConversionError } from '../../errors.js'
import { assertLooksLikeText, decodeText } from '../../io/decode-text.js'
import { type Message, info, warning } from '../../messages.js'
import type { ReadOptions, ReadResult } from '../types.js'
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

/** HTML (already decoded) to canonical mdast, with what had to give. Pure. */
function convertHtml(html: string): { tree: Root; messages: Message[] } {
  // Windows clipboard HTML (CF_HTML) starts with a "Version:0.9 StartHTML:…" header.
  const source = html.replace(/^Version:\d[\s\S]*?(?=<)/, '')
  const { tree: hast, flattened } = parseHtml(source)
  const tree = toMdast(hast, { handlers: { table } }) as Root
  const { title, lang } = pageMeta(hast)
  if (title || lang) tree.data = { ...tree.data, ...(title ? { title } : {}), ...(lang ? { lang } : {}) }
  const messages = flattened ? [warning('nesting-flattened', `elements nested more than ${MAX_HTML_DEPTH} deep were reduced to their text`)] : []
  return { tree, messages }
}

/** HTML (already decoded) to canonical mdast. Pure. */
export function htmlToMdast(html: string): Root {
  return convertHtml(html).tree
}

export async function readHtml(bytes: Uint8Array, _options: ReadOptions = {}): Promise<ReadResult> {
  const decoded = decodeText(bytes)
  assertLooksLikeText(decoded.text)
  if (decoded.text.trim() === '') throw new ConversionError('the input is empty', 'empty')
  const { tree, messages } = convertHtml(decoded.text)
  if (decoded.guessed) messages.unshift(info('encoding-detected', `decoded as ${decoded.encoding}`))
  return { doc: { tree, resources: [] }, messages }
}
