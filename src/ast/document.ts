/** Facts about a whole document that several writers need. */
import type { Heading, Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { detectCjkLang } from '../text/cjk.js'
import { detectLang, loadLanguageData, validLangTag } from '../text/detect-lang.js'
import { isPhrasing } from './flatten.js'
import './types.js'

/**
 * A node's text as a reader sees it: blocks and line breaks on lines of their
 * own (mdast-util-to-string glues paragraphs, `a` and `b` into `ab`), inline
 * HTML tags left out.
 */
function readableText(node: Nodes): string {
  if (node.type === 'break') return '\n'
  if (node.type === 'html') return ''
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  if ('value' in node) return node.value
  if (!('children' in node)) return ''
  const children = node.children as Nodes[]
  const separator = children.every(isPhrasing) ? '' : node.type === 'tableRow' ? ' ' : '\n'
  return children.map(readableText).join(separator)
}

/** The first heading's text (on one line), or undefined. */
export function firstHeadingText(tree: Root): string | undefined {
  const heading = tree.children.find((node): node is Heading => node.type === 'heading')
  const text = heading ? readableText(heading).replace(/\s*\n\s*/g, ' ').trim() : ''
  return text || undefined
}

/** The first line of text in the document, looking no further than the first block that has one. */
function firstLine(tree: Root): string {
  for (const node of tree.children) {
    const line = readableText(node)
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean)
    if (line) return line
  }
  return ''
}

/** Declared title, else the first heading, else the first line of text. */
export function documentTitle(tree: Root): string {
  const declared = tree.data?.title?.trim()
  if (declared) return declared
  const heading = firstHeadingText(tree)
  if (heading) return heading
  const text = firstLine(tree)
  const chars = Array.from(text)
  return chars.length === 0 ? 'Untitled document' : chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text
}

/** The document's running text (no tables or code), for language detection. */
function proseSample(tree: Root, limit = 20000): string {
  const parts: string[] = []
  let length = 0
  for (const node of tree.children) {
    if (node.type === 'table' || node.type === 'code' || node.type === 'html') continue
    const text = toString(node)
    parts.push(text)
    length += text.length
    if (length > limit) break
  }
  const prose = parts.join('\n')
  return prose.trim() ? prose : toString(tree).slice(0, limit)
}

/** Declared language (when well-formed), else detected from the text, else English. */
export function documentLang(tree: Root): string {
  return validLangTag(tree.data?.lang) ?? detectLang(proseSample(tree)) ?? 'en'
}

/** Fill `data.title` and `data.lang` when the reader did not. */
export async function annotateDocument(tree: Root): Promise<Root> {
  let lang = validLangTag(tree.data?.lang)
  if (!lang) {
    const sample = proseSample(tree)
    // Statistics for non-CJK languages load only when the text needs them.
    lang = detectCjkLang(sample)
    if (!lang) {
      await loadLanguageData()
      lang = detectLang(sample) ?? 'en'
    }
  }
  tree.data = { ...tree.data, title: documentTitle(tree), lang }
  return tree
}
