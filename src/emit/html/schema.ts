/**
 * What may survive from a document into HTML: GitHub's sanitization schema
 * (no script, no event handlers, only http(s)/mailto/relative links) plus
 * the table attributes docmend writes.
 */
import { type Schema, defaultSchema } from 'hast-util-sanitize'

const cellAttributes = ['rowSpan', 'colSpan', 'scope', 'style', 'headers', 'id']
// A total `--check` found wrong (src/emit/html/table.ts, markMismatch); `title` is allowed everywhere.
const checkAttributes: [string, string][] = [['className', 'check-mismatch']]

export const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'caption'],
  attributes: {
    ...defaultSchema.attributes,
    th: [...(defaultSchema.attributes?.th ?? []), ...cellAttributes, ...checkAttributes],
    td: [...(defaultSchema.attributes?.td ?? []), ...cellAttributes, ...checkAttributes],
    table: [...(defaultSchema.attributes?.table ?? []), 'className']
  },
  protocols: {
    ...defaultSchema.protocols,
    // Images from the document: web or relative only, never data: or javascript:.
    src: ['http', 'https']
  }
}
