/**
 * Column positions in the spaces layout are display widths: measured cell
 * by cell, once per character of a line, never again from the line's start
 * for each cell (a 273 KB line of sentences set two spaces apart took 12 s
 * that way).
 */
import { describe, expect, it } from 'vitest'
import { findTables } from '../src/tables/index.js'
import { segmentWork, segmentsOf } from '../src/tables/layouts/spaces.js'
import { splitLines } from '../src/ingest/text/index.js'

describe('spaces layout: width work per line', () => {
  it('measures each character of a long line of many cells a bounded number of times', () => {
    const line = '收入  1,200  '.repeat(20_000)
    segmentWork.chars = 0
    const cells = segmentsOf(line)
    expect(cells).toHaveLength(40_000)
    // Each repeat is 13 display columns wide (收入 counts 4).
    expect(cells[39_999]).toEqual({ text: '1,200', start: 13 * 19_999 + 6, end: 13 * 19_999 + 11 })
    expect(segmentWork.chars).toBeLessThanOrEqual(line.length)
  })

  it('keeps the work of finding tables linear in a page of such lines', () => {
    const table = ['date       co2', '19580329   316.1', '19580405   317.3', '19580412   317.6']
    const lines = [...table, 'A sentence.  '.repeat(5_000), 'x  y  '.repeat(5_000), '']
    segmentWork.chars = 0
    findTables(splitLines(lines.join('\n')))
    expect(segmentWork.chars).toBeLessThanOrEqual(20 * lines.join('\n').length)
  })
})
