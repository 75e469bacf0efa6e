/**
 * A "table" wider than any a person reads stays text: a line of 20,000
 * cells separated by two spaces, between two short lines of that layout,
 * took a minute to rebuild as a 20,000-column grid (the work grows faster
 * than the width). Up to MAX_TABLE_COLUMNS columns a table is still read.
 */
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { splitLines } from '../src/ingest/text/index.js'
import { MAX_TABLE_COLUMNS, findTables } from '../src/tables/find-tables.js'
import { toString } from 'mdast-util-to-string'

describe('tables wider than any table', () => {
  it('leaves a region of 5,000 columns as text, every cell kept', async () => {
    const text = `Name  Value  Other\n${'ab  '.repeat(5_000)}\nx  1  2\n`
    expect(findTables(splitLines(text))).toEqual([])
    const { doc } = await readDocument(text, { from: 'text' })
    expect(toString(doc.tree).split('ab').length - 1).toBe(5_000)
  })

  it('leaves two lines of 20,000 cells each as text without comparing them cell by cell (that took a minute)', async () => {
    const text = `${'cell  '.repeat(20_000)}\n${'cell  '.repeat(20_000)}\n`
    expect(findTables(splitLines(text))).toEqual([])
    const { doc } = await readDocument(text, { from: 'text' })
    expect(toString(doc.tree).split('cell').length - 1).toBe(40_000)
  })

  it(`still reads a table of ${MAX_TABLE_COLUMNS} columns`, () => {
    const cols = MAX_TABLE_COLUMNS
    const head = Array.from({ length: cols }, (_, i) => `h${i}`).join('\t')
    const body = Array.from({ length: cols }, (_, i) => String(i)).join('\t')
    const found = findTables([head, body, body])
    expect(found).toHaveLength(1)
    expect(found[0].grid.cols).toBe(cols)
    expect(found[0].grid.rows).toBe(3)
  })
})
