/**
 * Do no harm, as a property: a table without merged cells and without
 * empty cells, flattened into any of the six layouts, comes back with the
 * same grid, cell text for cell text. And the header search does bounded
 * work on random small tables.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitLines } from '../src/ingest/text/index.js'
import { findTables } from '../src/tables/index.js'
import { forestWork } from '../src/tables/infer/forest.js'
import { LAYOUTS, mangle } from './support/manglers.js'
import type { TruthCell, TruthTable } from './support/table-generator.js'
import { propertyRuns } from './helpers/property.js'

const WORDS = ['Region', 'Budget', 'Staff', 'Office', 'Project', 'Harbour', 'Garden', 'Library', 'Station', 'Museum', 'Clinic', 'Bridge', 'Market', 'School', 'Theatre', 'Airport']
const HAN = ['收入', '支出', '人员', '项目', '地区', '单位', '资金', '设备', '医院', '学校']

const label = fc.oneof(
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS.map((w) => w.toLowerCase()))).map(([a, b]) => `${a} ${b}`),
  fc.tuple(fc.constantFrom(...HAN), fc.constantFrom(...HAN)).map(([a, b]) => a + b)
)
const value = fc.oneof(
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.integer({ min: -999, max: 9999 }).map((n) => (n / 10).toFixed(1)),
  fc.integer({ min: 1000, max: 9999999 }).map((n) => n.toLocaleString('en-US'))
)

/** Head row of labels; body rows whose columns are each all labels or all values; all texts distinct where they are labels. */
const plainTable = (needsValues: boolean, minRows: number) =>
  fc
    .record({
      cols: fc.integer({ min: 2, max: 6 }),
      rows: fc.integer({ min: minRows, max: 7 }),
      kinds: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })
    })
    .chain(({ cols, rows, kinds }) => {
      // The first column holds row labels; the others are value columns unless `kinds` says labels.
      const valueCols = kinds.slice(0, cols).map((isValue, c) => c > 0 && (isValue || needsValues))
      return fc
        .tuple(
          fc.uniqueArray(label, { minLength: cols, maxLength: cols }),
          fc.array(fc.tuple(...valueCols.map((v) => (v ? value : label))), { minLength: rows - 1, maxLength: rows - 1 })
        )
        .map(([head, body]) => {
          const cells: TruthCell[] = []
          head.forEach((text, col) => cells.push({ row: 0, col, rowSpan: 1, colSpan: 1, text, header: true }))
          body.forEach((row, r) => row.forEach((text, col) => cells.push({ row: r + 1, col, rowSpan: 1, colSpan: 1, text, header: col === 0 })))
          const table: TruthTable = { rows, cols, headerRows: 1, cells, lang: 'en' }
          return table
        })
    })

const texts = (cells: { row: number; col: number; text?: string; content?: string; rowSpan: number; colSpan: number }[]) =>
  cells.map((c) => `${c.row},${c.col} ${c.rowSpan}×${c.colSpan} ${c.text ?? c.content}`).sort()

describe('do no harm', () => {
  for (const layout of LAYOUTS) {
    // pipe-cell without padding carries no row ends at all: only value columns can show where rows break.
    const needsValues = layout === 'pipe-cell'
    // Two lines of words with wide gaps are as likely prose as a table: the spaces layout needs three.
    const minRows = layout === 'spaces' ? 3 : 2
    it(`gives back a table without merged or empty cells as it was, in the ${layout} layout`, () => {
      fc.assert(
        fc.property(plainTable(needsValues, minRows), fc.integer({ min: 1, max: 1000 }), (truth, seed) => {
          const lines = mangle(truth, layout, seed)
          const found = findTables(splitLines(lines.join('\n')))
          expect(found).toHaveLength(1)
          const grid = found[0].grid
          expect([grid.rows, grid.cols]).toEqual([truth.rows, truth.cols])
          expect(texts(grid.cells)).toEqual(texts(truth.cells))
        }),
        propertyRuns(60, 13)
      )
    })
  }

  it('bounds the header search: states visited grow with head size, never with the product of choices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(label, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        (head, width) => {
          // A head of label rows over one row of values: every head row is a level of the search.
          const values = Array.from({ length: width }, (_, i) => String(10 + i))
          const lines = [...head.map((cells) => `${cells.join(' | ')} | `), `Total | ${values.join(' | ')} | `]
          forestWork.states = 0
          findTables(lines)
          const cells = head.reduce((n, row) => n + row.length, 0) + width + 1
          // levels × leaves × beam × options per level, with room: polynomial in the head's size.
          expect(forestWork.states).toBeLessThanOrEqual(4 * (head.length + 1) * (cells + 2) ** 2 * 6)
        }
      ),
      propertyRuns(200, 13)
    )
  })
})
