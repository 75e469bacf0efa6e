/**
 * Table repair on tables nobody has seen: true grids from the generator,
 * flattened into each layout, repaired, and scored against the truth.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LAYOUTS } from './support/manglers.js'
import { readingOrder, scoreRepair } from './support/repair-score.js'
import { generateTable } from './support/table-generator.js'
import { teds } from './support/teds.js'
import { propertyRuns } from './helpers/property.js'

const CASES = 40

/** Floors below the measured averages (see README "Table repair": accuracy), so a regression fails. */
const FLOOR: Record<(typeof LAYOUTS)[number], { teds: number; underHeaders: number }> = {
  'pipe-row': { teds: 0.98, underHeaders: 0.9 },
  'pipe-cell': { teds: 0.98, underHeaders: 0.9 },
  'tab-row': { teds: 0.96, underHeaders: 0.85 },
  'tab-cell': { teds: 0.98, underHeaders: 0.9 },
  spaces: { teds: 0.98, underHeaders: 0.9 },
  'broken-gfm': { teds: 0.98, underHeaders: 0.8 }
}

describe('table repair on generated tables', () => {
  for (const layout of LAYOUTS) {
    it(`rebuilds ${layout} tables close to the truth (TEDS) with values under their true headers`, () => {
      let tedsSum = 0
      let headerSum = 0
      let found = 0
      for (let seed = 1; seed <= CASES; seed++) {
        const score = scoreRepair(generateTable(seed), layout, seed)
        tedsSum += score.teds
        headerSum += score.underHeaders
        if (score.found) found++
      }
      expect(found).toBe(CASES)
      expect(tedsSum / CASES).toBeGreaterThanOrEqual(FLOOR[layout].teds)
      expect(headerSum / CASES).toBeGreaterThanOrEqual(FLOOR[layout].underHeaders)
    })
  }

  it('never drops or invents text: every source cell appears once, in reading order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(...LAYOUTS), (seed, layout) => {
        const { expected, got } = readingOrder(generateTable(seed), layout, seed)
        expect(got).toEqual(expected)
      }),
      propertyRuns(300, 20261123)
    )
  })
})

describe('TEDS, the score used above', () => {
  const table = { rows: 2, headerRows: 1, cells: [
    { row: 0, col: 0, rowSpan: 1, colSpan: 2, text: 'Sales' },
    { row: 1, col: 0, rowSpan: 1, colSpan: 1, text: '2023' },
    { row: 1, col: 1, rowSpan: 1, colSpan: 1, text: '2024' }
  ] }

  it('is 1 for identical tables', () => {
    expect(teds(table, table)).toBe(1)
  })

  it('drops when a span is lost and when a text changes, more for the span', () => {
    const lostSpan = { ...table, cells: [{ ...table.cells[0], colSpan: 1 }, { row: 0, col: 1, rowSpan: 1, colSpan: 1, text: '' }, ...table.cells.slice(1)] }
    const typo = { ...table, cells: [{ ...table.cells[0], text: 'Sale' }, ...table.cells.slice(1)] }
    expect(teds(lostSpan, table)).toBeLessThan(teds(typo, table))
    expect(teds(typo, table)).toBeLessThan(1)
  })
})
