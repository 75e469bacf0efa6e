/**
 * samples/numbered-report.docx, a Chinese report numbered by Word (一、
 * headings, （一） sub-headings, lists 1. ① a), table rows （一）): every
 * label reaches HTML, PDF, plain text and Markdown, as the script that
 * builds the sample says Word shows them, and no label is shown twice.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { HEADINGS, LISTS, TABLE_ROWS, buildNumberedReport } from '../scripts/make-numbered-report-docx.mjs'
import { convert, readText } from '../src/index.js'
import { ROOT } from './helpers/cli.js'
import { pdfText } from './helpers/poppler.js'

const SAMPLE = join(ROOT, 'samples', 'numbered-report.docx')

/** Each list item as Word shows it: label, then text (`1. 完成…`, `①新增…`). */
function itemLines(): { label: string; text: string }[] {
  return Object.values(LISTS).flatMap(([first, texts]) =>
    texts.map((text, i) => {
      const label = first === '①' ? String.fromCodePoint(0x2460 + i) : first.replace(/^[0-9a-z]/, (c) => (/\d/.test(c) ? String(Number(c) + i) : String.fromCharCode(c.charCodeAt(0) + i)))
      return { label, text }
    })
  )
}

const headingsOf = (tree: Root) => tree.children.filter((n): n is Heading => n.type === 'heading')
const squash = (s: string) => s.replace(/\s+/g, '')

describe('a report numbered by Word keeps its numbering in every output', () => {
  let outputs: Record<string, string | Uint8Array> = {}
  let tree: Root

  beforeAll(async () => {
    const result = await convert(readFileSync(SAMPLE), { to: ['html', 'md', 'txt', 'json', 'pdf'], fragment: true, pdfDate: new Date('2025-01-20T00:00:00Z') })
    outputs = result.outputs as Record<string, string | Uint8Array>
    tree = result.doc.tree
  }, 60_000)

  it('is rebuilt byte for byte by its script', async () => {
    expect(Buffer.from(await buildNumberedReport()).equals(readFileSync(SAMPLE))).toBe(true)
  })

  it('keeps every heading\'s label as text, 一、 above （一）', () => {
    const headings = headingsOf(tree).slice(1)
    expect(headings.map((h) => toString(h))).toEqual(HEADINGS)
    for (const h of headings) expect(h.depth).toBe(toString(h).startsWith('（') ? 3 : 2)
  })

  it('puts list labels and their formats on the items (canonical AST)', () => {
    const items = JSON.stringify(JSON.parse(outputs.json as string))
    expect(items).toContain('"label":"①","format":"decimalEnclosedCircle"')
    expect(items).toContain('"label":"a)","format":"lowerLetter"')
    expect(items).toContain('"label":"1.","format":"decimal"')
  })

  it('writes HTML lists the browser numbers with the same labels, never twice', () => {
    const html = outputs.html as string
    for (const h of HEADINGS) expect(html).toMatch(new RegExp(`<h[23] id="[^"]*">${h}</h[23]>`))
    // 1. 2. 3.: the browser's own decimal numbering; ① and a): each item's label as its marker.
    expect(html).toContain('<ol>\n<li>完成全市政务数据资源普查')
    expect(html).toContain('<li style="list-style-type: &#x22;① &#x22;">新增开放数据集')
    expect(html).toContain('<li style="list-style-type: &#x22;b) &#x22;">数据安全管理制度')
    expect(html.match(/<ol style="list-style-type: none">/g)).toHaveLength(2)
    for (const { label, text } of itemLines()) expect(html).not.toContain(`${label}${text}`)
    for (const [label] of TABLE_ROWS) expect(html).toMatch(new RegExp(`<t[dh][^>]*>（[一二三]）${label}</t[dh]>`))
  })

  it('writes the labels as text in plain text and Markdown', () => {
    const txt = (outputs.txt as string).split('\n')
    const md = (outputs.md as string).split('\n')
    for (const h of HEADINGS) {
      expect(txt).toContain(h)
      expect(md).toContain(`${h.startsWith('（') ? '###' : '##'} ${h}`)
    }
    for (const { label, text } of itemLines()) {
      expect(txt).toContain(`${label} ${text}`)
      // GFM says 1. 2. 3. itself; ① and a) are written out.
      expect(md).toContain(`${label} ${text}`)
    }
    for (const [label] of TABLE_ROWS) {
      expect(txt.some((l) => /（[一二三]）/.test(l) && l.includes(label))).toBe(true)
      expect(md.some((l) => /（[一二三]）/.test(l) && l.includes(label))).toBe(true)
    }
  })

  it('draws the labels in the PDF', async () => {
    const text = squash(await pdfText(outputs.pdf as Uint8Array))
    for (const h of HEADINGS) expect(text).toContain(squash(h))
    for (const { label, text: item } of itemLines()) expect(text).toContain(squash(`${label}${item.slice(0, 8)}`))
    expect(text).toContain('（一）政务数据共享')
  })

  it('agrees with the text reader, whose numbering inference puts the same headings at the same depths', async () => {
    // The plain text without its heading underlines: only the labels tell the text reader what is a heading.
    const plain = (outputs.txt as string).split('\n').filter((l) => !/^[-=~.]+$/.test(l)).join('\n')
    const { doc } = await readText(new TextEncoder().encode(plain))
    const again = headingsOf(doc.tree).filter((h) => HEADINGS.includes(toString(h)))
    expect(again.map((h) => toString(h))).toEqual(HEADINGS)
    const depths = new Map(headingsOf(tree).map((h) => [toString(h), h.depth]))
    for (const h of again) expect(h.depth).toBe(depths.get(toString(h)))
  })
})
