/** Facts about a whole document that several writers need. */
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { detectCjkLang } from '../text/cjk.js'
import './types.js'

/** The first heading's text, or undefined. */
export function firstHeadingText(tree: Root): string | undefined {
  const heading = tree.children.find((node): node is Heading => node.type === 'heading')
  const text = heading ? toString(heading).trim() : ''
  return text || undefined
}

/** Declared title, else the first heading, else the first line of text. */
export function documentTitle(tree: Root): string {
  const declared = tree.data?.title?.trim()
  if (declared) return declared
  const heading = firstHeadingText(tree)
  if (heading) return heading
  const text = toString(tree).trim().split('\n')[0] ?? ''
  const chars = Array.from(text)
  return chars.length === 0 ? 'Untitled document' : chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text
}

/** Declared language, else detected from the text (CJK scripts), else English. */
export function documentLang(tree: Root): string {
  return tree.data?.lang || detectCjkLang(toString(tree).slice(0, 200000)) || 'en'
}

/** Fill `data.title` and `data.lang` when the reader did not. */
export function annotateDocument(tree: Root): Root {
  tree.data = { ...tree.data, title: documentTitle(tree), lang: documentLang(tree) }
  return tree
}
