/**
 * Issue 13, case 8: tables with many empty cells (inspection checklists,
 * class timetables) keep their grid in the pipe-row layout too, when the
 * paste writes each empty cell as `| |`. Bare padding pipes (`| |||`) still
 * mark slots covered by merged cells.
 */
import type { Table } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { tableGrid } from '../src/emit/text/table.js'
import { gridLines } from './support/html-tables.js'

async function gridsOf(text: string) {
  const { doc } = await readDocument(text, { from: 'text' })
  const tables: Table[] = []
  visit(doc.tree, 'table', (node) => void tables.push(node))
  return tables.map((t) => tableGrid(t))
}

/** Every field of each `a | b | |` line at its own row and column, no spans, no header flags. */
const naive = (lines: string[]) =>
  lines.flatMap((line, r) =>
    line
      .replace(/\|\s*$/, '')
      .split('|')
      .map((text, c) => `${r},${c} 1×1 ${text.trim()}`.trimEnd())
  )
const withoutHeaderFlag = (lines: string[]) => lines.map((l) => l.replace(/ [hd] ?/, ' ').trimEnd())

describe('issue 13 (8): many empty cells, pipe rows', () => {
  it('keeps an inspection checklist of ✓ marks on its own grid', async () => {
    const lines = [
      'Check | Pass | Fail | N/A | Notes |',
      'Exits clear | ✓ | | | |',
      'Extinguisher tagged | | ✓ | | expired |',
      'First aid kit | ✓ | | | |',
      'Ladder | | | ✓ | |'
    ]
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].headerRows).toBe(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naive(lines))
  })

  it('keeps a class timetable whose last lesson of a day is free', async () => {
    const lines = ['Time | Monday | Tuesday | Wednesday |', '08:00 | Maths | English | Physics |', '09:00 | History | | Maths |', '10:00 | Art | Music | |']
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naive(lines))
  })

  it('still reads bare padding pipes as slots covered by a merged cell', async () => {
    const grids = await gridsOf(['Region | Sales | |', '2023 | 2024 | |', 'North | 10 | 12 |', 'East | 11 | 13 |'].join('\n'))
    expect(gridLines(grids[0]).slice(0, 4)).toEqual(['0,0 2×1 h Region', '0,1 1×2 h Sales', '1,1 1×1 h 2023', '1,2 1×1 h 2024'])
  })
})
