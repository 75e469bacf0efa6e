/**
 * Issue 14 ("Lost decimal points"): bold figures read `11,062 6` instead of
 * `11,062.6`. The corpus file (made by scripts/make-unencoded-glyph-pdf.mjs)
 * sets them in a non-embedded Type 1 font whose encoding leaves the decimal
 * point's code unnamed while its /ToUnicode maps it to `.`: pdf.js 5.6
 * reads that glyph as a space. poppler's pdftotext, reading /ToUnicode,
 * prints the point; so must docmend.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { corpusDir } from './helpers/corpus.js'
import { pdfText } from './helpers/poppler.js'
import { type FontFacts, drawnGlyphs, mendItems } from '../src/ingest/pdf/extract/unmapped-glyphs.js'

const FILE = join(corpusDir(), 'pdf/glyphs/unencoded-period.pdf')

const tables = (tree: Root) => tree.children.filter((n): n is Table => n.type === 'table')
const rows = (table: Table) => table.children.map((row) => row.children.map((cell) => toString(cell)))

describe('a glyph pdf.js reads as a space although /ToUnicode maps it', () => {
  let bytes: Uint8Array
  let tree: Root
  beforeAll(async () => {
    bytes = readFileSync(FILE)
    tree = (await readDocument(bytes, { from: 'pdf' })).doc.tree
  })

  it('is drawn on the page: poppler reads the decimal points', async () => {
    const text = await pdfText(bytes)
    for (const figure of ['11,062.6', '11,101.4', '8,475.0', '8,512.9', '19,537.6', '19,614.3']) expect(text).toContain(figure)
  })

  it('keeps the decimal points of the bold figures in the table cells', () => {
    const [table] = tables(tree)
    expect(table).toBeDefined()
    expect(rows(table)).toEqual([
      ['Region', '2019', '2020'],
      ['North', '11,062.6', '11,101.4'],
      ['South', '8,475.0', '8,512.9'],
      ['Total', '19,537.6', '19,614.3'],
    ])
  })
})

describe('mending pdf.js text items from the glyphs drawn', () => {
  const OPS = { save: 1, restore: 2, setFont: 3, showText: 4, paintFormXObjectBegin: 5, paintFormXObjectEnd: 6 }
  // A non-embedded font whose code 7 pdf.js read as a space though /ToUnicode maps it to '.'.
  const lost: FontFacts = { missingFile: true, toUnicode: { _map: Object.assign([], { 7: '.', 32: ' ' }) } }
  const embedded: FontFacts = { missingFile: false, toUnicode: { _map: Object.assign([], { 7: '.' }) } }
  const glyph = (ch: string) => ({ originalCharCode: ch.charCodeAt(0), unicode: ch })
  const point = { originalCharCode: 7, unicode: ' ' }
  const space = { originalCharCode: 32, unicode: ' ' }
  const show = (...glyphs: unknown[]): [number, unknown[]] => [OPS.showText, [glyphs]]
  function drawn(font: FontFacts, ...ops: [number, unknown[]][]) {
    const all: [number, unknown[]][] = [[OPS.setFont, ['F1', 10]], ...ops]
    return drawnGlyphs(
      all.map(([fn]) => fn),
      all.map(([, args]) => args),
      OPS,
      (id) => (id === 'F1' ? font : undefined)
    )
  }
  const word = (text: string) => [...text].map(glyph)

  it('finds nothing to mend when no glyph was turned into a space, or the font is embedded', () => {
    expect(drawn(lost, show(...word('11,062'), space, ...word('6')))).toBeNull()
    expect(drawn(embedded, show(...word('11,062'), point, ...word('6')))).toBeNull()
  })

  it('puts the character in place of the space pdf.js made of its advance', () => {
    const tokens = drawn(lost, show(...word('11,062'), point, ...word('6')))
    expect(tokens).not.toBeNull()
    const { items, recovered, unplaced } = mendItems([{ str: '11,062 6' }], tokens ?? [])
    expect(items.map((i) => i.str)).toEqual(['11,062.6'])
    expect({ recovered, unplaced }).toEqual({ recovered: 1, unplaced: 0 })
  })

  it('keeps a space drawn after it, and inserts it where pdf.js left no space', () => {
    const tokens = drawn(lost, show(...word('end'), point, space, ...word('Next')), show(...word('1'), point, ...word('5')))
    const { items } = mendItems([{ str: 'end Next' }, { str: '15' }], tokens ?? [])
    expect(items.map((i) => i.str)).toEqual(['end. Next', '1.5'])
  })

  it('ends an item with a character drawn right after its last one', () => {
    const tokens = drawn(lost, show(...word('Total'), point), show(...word('42')))
    const { items } = mendItems([{ str: 'Total' }, { str: ' ' }, { str: '42' }], tokens ?? [])
    expect(items.map((i) => i.str)).toEqual(['Total.', ' ', '42'])
  })

  it('changes nothing, and says so, when the glyphs and the text do not match', () => {
    const tokens = drawn(lost, show(...word('11,062'), point, ...word('6')))
    const { items, recovered, unplaced } = mendItems([{ str: '11,062 7' }], tokens ?? [])
    expect(items.map((i) => i.str)).toEqual(['11,062 7'])
    expect({ recovered, unplaced }).toEqual({ recovered: 0, unplaced: 1 })
    // Right-to-left items are reordered by pdf.js: not matched at all.
    expect(mendItems([{ str: '11,062 6', dir: 'rtl' }], tokens ?? []).unplaced).toBe(1)
  })

  it('follows the font through save and restore', () => {
    const tokens = drawn(lost, [OPS.save, []], [OPS.setFont, ['F2', 10]], [OPS.restore, []], show(...word('3'), point, ...word('5')))
    expect(mendItems([{ str: '3 5' }], tokens ?? []).items[0].str).toBe('3.5')
  })
})
