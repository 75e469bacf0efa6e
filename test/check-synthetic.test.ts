import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkTable } from '../src/check/check-table.js'
import { type GeneratedTable, type NumberStyle, buildStatement, buildTable, setSlot, statementSpecs, tableSpecs } from './helpers/total-tables.js'

const slot = (f: { row: number; col: number }) => `${f.row},${f.col}`

/** The same two properties for every kind of generated table. */
function totalsProperties<S extends { style: NumberStyle }>(
  specs: fc.Arbitrary<S>,
  build: (spec: S) => GeneratedTable,
  maxDelta: number,
  numRuns: number
): void {
  it('reports nothing and finds every total line', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const generated = build(spec)
        const result = checkTable(generated.table)
        expect(result.findings).toEqual([])
        expect(result.totals).toBe(generated.totalLines)
      }),
      { numRuns }
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
      { numRuns }
    )
  })
}

describe('synthetic tables: row groups under row-spanning labels, column groups under column-spanning headers', () => {
  totalsProperties(tableSpecs, buildTable, 5_000, 150)
})

describe('synthetic flat statements: section totals, then a grand total, no merged cells', () => {
  // Amounts are at least 10,000 and a corruption less: no shorter run of lines can then match it.
  totalsProperties(statementSpecs, buildStatement, 9_999, 100)
})
