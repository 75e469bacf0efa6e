// The HTML writer sanitizes a page a block (and a long table a few hundred
// rows) at a time, to keep memory down. The page must come out exactly as
// sanitizing the whole page at once would leave it: checked here against
// the plain pipeline (remark-rehype with docmend's table handler, raw HTML
// parsed, then rehype-sanitize with docmend's schema) on pages with long tables full of
// things the sanitizer removes.
import type { Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import { raw } from 'hast-util-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { toHtmlTree } from '../src/emit/html/index.js'
import { listMarkers } from '../src/emit/html/list-markers.js'
import { ROWS_PER_PIECE, sanitizeInPieces } from '../src/emit/html/sanitize-in-pieces.js'
import { schema } from '../src/emit/html/schema.js'
import { table } from '../src/emit/html/table.js'
import { markdownToMdast } from '../src/ingest/markdown.js'

const parse = (markdown: string): Root => markdownToMdast(markdown)

/** The whole page at once, the way the writer did it before it worked in pieces. */
async function wholePage(tree: Root): Promise<HastRoot> {
  const hast = (await unified().use(remarkRehype, { handlers: { table }, allowDangerousHtml: true }).run(listMarkers(tree))) as HastRoot
  const parsed = JSON.stringify(hast).includes('"type":"raw"') ? (raw(hast) as HastRoot) : hast
  return (await unified().use(rehypeSanitize, schema).run(parsed)) as HastRoot
}

/** A GFM table of `rows` body rows whose cells hold unsafe and safe links, images and plain text. */
function longTable(rows: number): string {
  const lines = ['| Name | Link | Image | Amount |', '|:---|---|:---:|---:|']
  for (let i = 0; i < rows; i++) {
    const link = i % 3 === 0 ? `[bad ${i}](javascript:alert(${i}))` : `[good ${i}](https://example.com/${i})`
    const image = i % 5 === 0 ? `![x${i}](data:text/html;base64,PHNjcmlwdD4=)` : `![y${i}](https://example.com/${i}.png)`
    lines.push(`| row *${i}* | ${link} | ${image} | ${i * 7} |`)
  }
  return lines.join('\n')
}

describe('HTML writer, sanitizing in pieces', () => {
  const rows = ROWS_PER_PIECE * 2 + 17

  it('gives the same page as sanitizing it whole: a long table between a heading, a list and a quote', async () => {
    const tree = parse(`# Title\n\n${longTable(rows)}\n\n1. one\n2. [two](vbscript:x)\n\n> quote [q](https://example.com)\n`)
    const expected = await wholePage(structuredClone(tree))
    expect(await toHtmlTree(tree)).toEqual(expected)
  })

  it('gives the same page when the page holds raw HTML (sanitized after the page is parsed whole)', async () => {
    const tree = parse(`<div onclick="x()">raw <b>bold</b></div>\n\n${longTable(rows)}\n\n<script>alert(1)</script>\n`)
    const expected = await wholePage(structuredClone(tree))
    expect(await toHtmlTree(tree)).toEqual(expected)
  })

  it('gives the same page with footnotes (their section comes after the blocks)', async () => {
    const tree = parse(`Text[^1].\n\n${longTable(rows)}\n\n[^1]: A note with [a link](javascript:void(0)).\n`)
    const expected = await wholePage(structuredClone(tree))
    expect(await toHtmlTree(tree)).toEqual(expected)
  })

  it('sanitizes a hast page block by block exactly as whole, dropping what the schema forbids', async () => {
    const tree = parse(`${longTable(rows)}\n\nAfter.\n`)
    const hast = (await unified().use(remarkRehype, { handlers: { table }, allowDangerousHtml: true }).run(tree)) as HastRoot
    // Rows with an event handler and a script cell, which the sanitizer must remove in every piece.
    const tbody = ((hast.children.find((n) => n.type === 'element' && n.tagName === 'table') as any).children as any[]).find((n) => n.tagName === 'tbody')
    for (let i = 0; i < tbody.children.length; i += 97) {
      tbody.children[i].properties.onClick = 'steal()'
      tbody.children[i].children.push({ type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] })
    }
    const expected = (await unified().use(rehypeSanitize, schema).run(structuredClone(hast))) as HastRoot
    const actual = sanitizeInPieces(hast)
    expect(actual).toEqual(expected)
    expect(JSON.stringify(actual)).not.toMatch(/steal|alert\(|javascript:/)
  })
})
