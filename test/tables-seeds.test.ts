import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitLines } from '../src/ingest/text/index.js'
import { findTables } from '../src/tables/index.js'
import { seedFiles } from './helpers/samples.js'
import { gridLines, readExpectedTables } from './support/html-tables.js'

const fixture = (seed: string) =>
  readFileSync(new URL(`./fixtures/seed-tables/${basename(seed).replace(/\.txt$/, '.html')}`, import.meta.url), 'utf8')

describe('table repair on the seed reports', () => {
  it('has all five seeds', () => {
    expect(seedFiles).toHaveLength(5)
  })

  for (const seed of seedFiles) {
    it(`rebuilds every table of ${basename(seed)} with the true grid, spans and header rows`, () => {
      const found = findTables(splitLines(readFileSync(seed, 'utf8')))
      const expected = readExpectedTables(fixture(seed))
      expect(found.map((t) => `${t.grid.rows}×${t.grid.cols}`)).toEqual(expected.map((t) => `${t.grid.rows}×${t.grid.cols}`))
      found.forEach((table, i) => {
        expect(table.grid.headerRows).toBe(expected[i].grid.headerRows)
        expect(gridLines(table.grid)).toEqual(gridLines(expected[i].grid))
      })
    })
  }

  it('reports the layout each seed uses', () => {
    const layouts = seedFiles.map((seed) => [...new Set(findTables(splitLines(readFileSync(seed, 'utf8'))).map((t) => t.layout))].join())
    expect(layouts).toEqual(['pipe-row', 'tab-cell', 'tab-row', 'pipe-cell', 'pipe-row'])
  })
})
