/**
 * What may survive from a document into HTML: GitHub's sanitization schema
 * (no script, no event handlers, no forms, frames or objects, only
 * http(s)/mailto/relative links) plus the table markup docmend writes.
 * Ids (which the schema prefixes with `user-content-`), `headers`, `scope`
 * and the scrolling region are set after sanitization, by docmend itself.
 */
import { type Schema, defaultSchema } from 'hast-util-sanitize'
import { SAFE_IMAGE_PROTOCOLS, SAFE_LINK_PROTOCOLS } from '../../url-policy.js'
import { LIST_STYLE } from './list-markers.js'

/**
 * Cell alignment travels as one of three class names, nothing else; and
 * `check-mismatch` marks a total that `--check` found wrong (table.ts).
 */
const alignClass: [string, ...string[]] = ['className', 'align-left', 'align-center', 'align-right', 'check-mismatch']

export const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'caption'],
  attributes: {
    ...defaultSchema.attributes,
    th: [...(defaultSchema.attributes?.th ?? []), alignClass],
    td: [...(defaultSchema.attributes?.td ?? []), alignClass],
    caption: [['className', 'visually-hidden']],
    // A list's markers (list-markers.ts): one list-style-type, nothing else.
    ol: [...(defaultSchema.attributes?.ol ?? []), ['style', LIST_STYLE]],
    li: [...(defaultSchema.attributes?.li ?? []), ['style', LIST_STYLE]]
  },
  protocols: {
    ...defaultSchema.protocols,
    // The one URL policy (src/url-policy.ts), also applied to the tree for every other writer.
    href: [...SAFE_LINK_PROTOCOLS],
    src: [...SAFE_IMAGE_PROTOCOLS]
  }
}
