import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkTable } from '../src/check/check-table.js'
import { buildStatement, buildTable, setSlot, statementSpecs, tableSpecs } from './helpers/total-tables.js'

const slot = (f: { row: number; col: number }) => `${f.row},${f.col}`

describe('synthetic tables with consistent totals', () => {
  it('reports nothing and finds every total line', () => {
    fc.assert(
      fc.property(tableSpecs, (spec) => {
        const generated = buildTable(spec)
        const result = checkTable(generated.table)
        expect(result.findings).toEqual([])
        expect(result.totals).toBe(generated.totalLines)
      }),
      { numRuns: 150 }
    )
  })

  it('finds exactly the one total that was corrupted, with its true value as the computed one', () => {
    const corruption = fc.record({
      pick: fc.nat(),
      delta: fc.integer({ min: -5000, max: 5000 }).filter((d) => d !== 0)
    })
    fc.assert(
      fc.property(tableSpecs, corruption, (spec, { pick, delta }) => {
        const generated = buildTable(spec)
        const [row, col] = generated.totalSlots[pick % generated.totalSlots.length]
        const truth = generated.valueAt(row, col)!
        setSlot(generated.table, row, col, truth + delta, spec.style)
        const { findings } = checkTable(generated.table)
        expect(new Set(findings.map(slot))).toEqual(new Set([`${row},${col}`]))
        for (const f of findings) {
          expect(f.stated).toBe(truth + delta)
          expect(f.computed).toBe(truth)
        }
      }),
      { numRuns: 150 }
    )
  })
})

describe('synthetic flat statements (section totals, then a grand total; no merged cells)', () => {
  it('reports nothing when the totals hold', () => {
    fc.assert(
      fc.property(statementSpecs, (spec) => {
        const generated = buildStatement(spec)
        const result = checkTable(generated.table)
        expect(result.findings).toEqual([])
        expect(result.totals).toBe(generated.totalLines)
      }),
      { numRuns: 100 }
    )
  })

  it('finds exactly the one total that was corrupted', () => {
    const corruption = fc.record({ pick: fc.nat(), delta: fc.integer({ min: -9_999, max: 9_999 }).filter((d) => d !== 0) })
    fc.assert(
      fc.property(statementSpecs, corruption, (spec, { pick, delta }) => {
        const generated = buildStatement(spec)
        const [row, col] = generated.totalSlots[pick % generated.totalSlots.length]
        const truth = generated.valueAt(row, col)!
        setSlot(generated.table, row, col, truth + delta, spec.style)
        const { findings } = checkTable(generated.table)
        expect(findings.map((f) => [slot(f), f.stated, f.computed])).toEqual([[`${row},${col}`, truth + delta, truth]])
      }),
      { numRuns: 100 }
    )
  })
})
