/**
 * Raw HTML that a Markdown output carries through (inline tags from the
 * source) passes the same sanitizer as the HTML output. A piece that has
 * nothing unsafe in it is kept exactly as written (`<sup>` stays an opening
 * tag); one that has is replaced by what the sanitizer leaves of it.
 */
import type { Root } from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeStringify from 'rehype-stringify'
import { sanitize } from 'hast-util-sanitize'
import { unified } from 'unified'
import { schema } from './schema.js'

const parser = unified().use(rehypeParse, { fragment: true })
const stringifier = unified().use(rehypeStringify)

/** `html` if the sanitizer would leave it as it is, else the sanitized markup. */
export function sanitizeHtmlFragment(html: string): string {
  const tree = parser.parse(html) as Root
  const as = stringifier.stringify(tree)
  const safe = stringifier.stringify(sanitize(tree, schema) as Root)
  return as === safe ? html : safe
}
