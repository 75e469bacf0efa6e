/**
 * Word keeps a table's title in its properties (`<w:tblCaption w:val="…">`,
 * "Table Properties → Alt Text → Title"); pandoc shows it as the caption,
 * mammoth drops it. It is read from the document XML here and put back on
 * mammoth's tables as `<caption>`, matched by order, only when both list
 * the same number of tables (text boxes with alternate content can make
 * them differ, and a wrong caption is worse than none).
 */
import type { Element, Root as HastRoot } from 'hast'
import { visit } from 'unist-util-visit'

const TOKENS = /<(?:\w+:)?(tbl|tr|tblCaption)[\s>/]([^>]*)/g
const VALUE = /(?:\w+:)?val="([^"]*)"/

const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '')

/** Each table's title in document order (nested tables included), or undefined. */
export function tableCaptions(documentXml: string): (string | undefined)[] {
  const captions: (string | undefined)[] = []
  let open = false
  for (const [, tag, rest] of documentXml.matchAll(TOKENS)) {
    if (tag === 'tbl') {
      captions.push(undefined)
      open = true
    } else if (tag === 'tr') {
      open = false
    } else if (open) {
      const value = VALUE.exec(rest)?.[1]
      if (value?.trim()) captions[captions.length - 1] = decode(value).trim()
    }
  }
  return captions
}

/** Give mammoth's tables (hast, document order) their Word titles. */
export function applyTableCaptions(tree: HastRoot, captions: (string | undefined)[]): void {
  if (!captions.some(Boolean)) return
  const tables: Element[] = []
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'table') tables.push(node)
  })
  if (tables.length !== captions.length) return
  tables.forEach((table, i) => {
    const caption = captions[i]
    if (caption) table.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: [{ type: 'text', value: caption }] })
  })
}
