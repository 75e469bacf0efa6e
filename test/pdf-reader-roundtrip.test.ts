/**
 * Round trip: each seed report (pasted text with mangled tables) → docmend
 * (table repair) → docmend's own PDF writer → docmend's PDF reader gives
 * back the same blocks (headings at the same depth, paragraphs, lists) with
 * the same text, and the same table grids, merged cells and head rows.
 * Whitespace is not compared: where a line wraps is the layout's business.
 */
import type { Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { tableToGrid } from '../src/ast/table.js'
import { readDocument, writeDocument } from '../src/convert.js'
import { readSample, seedFiles } from './helpers/samples.js'

/** Text without any whitespace: line breaks and spacing are the layout's, not the content's. */
const squeeze = (text: string) => text.replace(/\s+/gu, '')

/** Each block outside tables: its kind (with heading depth) and its text. */
function blocks(tree: Root): string[] {
  return tree.children
    .filter((n: RootContent) => n.type !== 'table')
    .map((n) => `${n.type === 'heading' ? `h${n.depth}` : n.type}: ${squeeze(toString(n))}`)
}

/** A table's grid as comparable data: size, head, and each origin cell with its spans. */
function gridOf(table: Table) {
  const { grid } = tableToGrid(table)
  return {
    rows: grid.rows,
    cols: grid.cols,
    headerRows: grid.headerRows,
    cells: grid.cells.filter((c) => squeeze(toString({ type: 'paragraph', children: c.content }))).map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan} ${squeeze(toString({ type: 'paragraph', children: c.content }))}`)
  }
}

const tablesOf = (tree: Root) => tree.children.filter((n): n is Table => n.type === 'table')

describe('seed reports through docmend’s PDF writer and back', () => {
  for (const file of seedFiles) {
    it(`gives back the blocks, text and table grids of ${file.split('/').pop()}`, async () => {
      const source = await readDocument(readSample(file))
      const pdf = await writeDocument(source.doc, 'pdf')
      const back = await readDocument(pdf.data as Uint8Array, { from: 'pdf' })
      expect(back.doc.tree.children.map((n) => n.type)).toEqual(source.doc.tree.children.map((n) => n.type))
      expect(blocks(back.doc.tree)).toEqual(blocks(source.doc.tree))
      expect(tablesOf(back.doc.tree).map(gridOf)).toEqual(tablesOf(source.doc.tree).map(gridOf))
    })
  }
})
