import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gridToTable } from '../src/ast/table.js'
import { checkTable } from '../src/check/check-table.js'
import { placeRows } from '../src/ast/grid.js'
import { propertyRuns } from './helpers/property.js'
import { type GeneratedTable, type NumberStyle, buildStatement, buildTable, setSlot, statementSpecs, tableSpecs } from './helpers/total-tables.js'

const slot = (f: { row: number; col: number }) => `${f.row},${f.col}`

/** The same two properties for every kind of generated table. */
function totalsProperties<S extends { style: NumberStyle }>(
  specs: fc.Arbitrary<S>,
  build: (spec: S) => GeneratedTable,
  maxDelta: number,
  numRuns: number,
  seed: number
): void {
  it('reports nothing and finds every total line', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const generated = build(spec)
        const result = checkTable(generated.table)
        expect(result.findings).toEqual([])
        expect(result.totals).toBe(generated.totalLines)
      }),
      propertyRuns(numRuns, seed)
    )
  })

  it('finds exactly the one total that was corrupted, with its true value as the computed one', () => {
    const corruption = fc.record({ pick: fc.nat(), delta: fc.integer({ min: -maxDelta, max: maxDelta }).filter((d) => d !== 0) })
    fc.assert(
      fc.property(specs, corruption, (spec, { pick, delta }) => {
        const generated = build(spec)
        const [row, col] = generated.totalSlots[pick % generated.totalSlots.length]
        const truth = generated.valueAt(row, col)!
        setSlot(generated.table, row, col, truth + delta, spec.style)
        const { findings } = checkTable(generated.table)
        // A total where a total row meets a total column is wrong both ways: one cell, up to two findings.
        expect(new Set(findings.map(slot))).toEqual(new Set([`${row},${col}`]))
        for (const f of findings) expect([f.stated, f.computed]).toEqual([truth + delta, truth])
      }),
      propertyRuns(numRuns, seed + 1)
    )
  })
}

describe('synthetic tables: row groups under row-spanning labels, column groups under column-spanning headers', () => {
  totalsProperties(tableSpecs, buildTable, 5_000, 150, 20261206)
})

describe('synthetic flat statements: section totals, then a grand total, no merged cells', () => {
  // Amounts are at least 10,000 and a corruption less: no shorter run of lines can then match it.
  totalsProperties(statementSpecs, buildStatement, 9_999, 100, 20261208)
})

describe('any table at all', () => {
  const cellText = fc.oneof(
    fc.constantFrom('', '总计', '合计', '小计', 'Total', 'Subtotal', 'Gross profit', '其中：', '占比', 'Note', '—', '(1,491)', '１２', '12.5%', '2023', 'n/a'),
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.string({ maxLength: 6 })
  )
  const cell = fc.record({ text: cellText, rowSpan: fc.integer({ min: 1, max: 3 }), colSpan: fc.integer({ min: 1, max: 3 }), header: fc.boolean() })
  const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 8 })

  it('is checked without throwing, and every finding points at cells of the table', () => {
    fc.assert(
      fc.property(rows, fc.nat({ max: 3 }), (spec, headerRows) => {
        const { grid } = placeRows(
          spec.map((row) => row.map((c) => ({ ...c, content: c.text ? [{ type: 'text' as const, value: c.text }] : [] }))),
          () => [],
          headerRows
        )
        const table = gridToTable(grid)
        const result = checkTable(table)
        for (const f of result.findings) {
          for (const p of [f, ...f.parts]) expect(table.children[p.row]?.children[p.col]?.data?.covered).not.toBe(true)
        }
      }),
      propertyRuns(300, 20261210)
    )
  })
})
