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

  it.fails('keeps the decimal points of the bold figures in the table cells', () => {
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
