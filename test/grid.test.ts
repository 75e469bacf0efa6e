// The grid invariant every reader and writer relies on: each slot covered by
// exactly one cell, spans inside the table, text never dropped.
import { describe, expect, it } from 'vitest'
import { type Grid, type GridCell, isNormalGrid, normalizeGrid, placeRows } from '../src/ast/grid.js'

const cell = (row: number, col: number, content: string, rowSpan = 1, colSpan = 1, header = false): GridCell<string> => ({
  row,
  col,
  rowSpan,
  colSpan,
  header,
  content
})

/** The grid drawn as rows of slot owners, e.g. [['A', 'A', 'B'], ['C', 'D', 'B']]. */
function draw(grid: Grid<string>): string[][] {
  const slots = Array.from({ length: grid.rows }, () => new Array<string>(grid.cols).fill('?'))
  for (const c of grid.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) slots[r][k] = slots[r][k] === '?' ? c.content || '·' : '!'
  }
  return slots
}

describe('normalizeGrid', () => {
  it('keeps a valid grid as it is, with its own copies of the cells', () => {
    const input: Grid<string> = { rows: 2, cols: 3, headerRows: 1, cells: [cell(0, 0, 'A', 1, 2, true), cell(0, 2, 'B', 2, 1, true), cell(1, 0, 'C'), cell(1, 1, 'D')] }
    expect(isNormalGrid(input)).toBe(true)
    const { grid, fixes } = normalizeGrid(input, () => '')
    expect(fixes).toEqual({ clamped: 0, overlaps: 0, padded: 0 })
    expect(grid).toEqual(input)
    grid.cells[0].content = 'changed'
    expect(input.cells[0].content).toBe('A')
  })

  it('sorts cells into reading order and pads uncovered slots', () => {
    const { grid, fixes } = normalizeGrid({ rows: 2, cols: 3, headerRows: 0, cells: [cell(1, 2, 'F'), cell(0, 0, 'A', 2, 1)] }, () => '')
    expect(draw(grid)).toEqual([
      ['A', '·', '·'],
      ['A', '·', 'F']
    ])
    expect(grid.cells.map((c) => `${c.row},${c.col}`)).toEqual(['0,0', '0,1', '0,2', '1,1', '1,2'])
    expect(fixes.padded).toBe(3)
  })

  it('cuts back a span that runs into a later cell, never dropping text', () => {
    const { grid, fixes } = normalizeGrid({ rows: 3, cols: 2, headerRows: 0, cells: [cell(0, 0, 'A', 3, 2), cell(2, 1, 'B')] }, () => '')
    expect(draw(grid)).toEqual([
      ['A', 'A'],
      ['A', 'A'],
      ['·', 'B']
    ])
    expect(fixes.overlaps).toBeGreaterThan(0)
  })

  it('moves a cell that claims a taken slot to the right, widening the table when needed', () => {
    const { grid } = normalizeGrid({ rows: 1, cols: 2, headerRows: 0, cells: [cell(0, 0, 'A'), cell(0, 1, 'B'), cell(0, 1, 'C')] }, () => '')
    expect(draw(grid)).toEqual([['A', 'B', 'C']])
    expect(isNormalGrid(grid)).toBe(true)
  })

  it('keeps the source order of cells listed out of order on one slot', () => {
    const { grid } = normalizeGrid({ rows: 2, cols: 2, headerRows: 0, cells: [cell(1, 0, 'x'), cell(0, 1, 'first'), cell(0, 0, 'A'), cell(0, 1, 'second')] }, () => '')
    expect(draw(grid)).toEqual([
      ['A', 'first', 'second'],
      ['x', '·', '·']
    ])
  })

  it('keeps a cell given a fractional position, in the slot it falls in', () => {
    const { grid } = normalizeGrid({ rows: 2, cols: 2, headerRows: 0, cells: [cell(0, 0, 'A'), cell(1.5, 1.2, 'B')] }, () => '')
    expect(draw(grid)).toEqual([
      ['A', '·'],
      ['·', 'B']
    ])
    expect(isNormalGrid(grid)).toBe(true)
  })

  it('clamps spans to the table and marks head rows as headers', () => {
    const { grid, fixes } = normalizeGrid({ rows: 2, cols: 2, headerRows: 1, cells: [cell(0, 0, 'H', 1, 5), cell(1, 0, 'x', 9, 1), cell(1, 1, 'y')] }, () => '')
    expect(draw(grid)).toEqual([
      ['H', 'H'],
      ['x', 'y']
    ])
    expect(fixes.clamped).toBe(2)
    expect(grid.cells[0].header).toBe(true)
  })

  it('refuses a grid that spans would blow out of proportion', () => {
    expect(() => normalizeGrid({ rows: 1, cols: 1, headerRows: 0, cells: [cell(0, 0, 'a'), cell(999, 999, 'b')] }, () => '')).toThrow(/grid for its 2 cells/)
  })
})

describe('isNormalGrid', () => {
  const valid = (): Grid<string> => ({ rows: 2, cols: 2, headerRows: 1, cells: [cell(0, 0, 'A', 1, 2, true), cell(1, 0, 'B'), cell(1, 1, 'C')] })

  it('accepts a valid grid and rejects each broken invariant', () => {
    expect(isNormalGrid(valid())).toBe(true)
    const broken: ((g: Grid<string>) => void)[] = [
      (g) => g.cells.reverse(), // not in reading order
      (g) => g.cells.pop(), // a slot left uncovered
      (g) => (g.cells[0].colSpan = 1), // a slot left uncovered
      (g) => (g.cells[1].rowSpan = 2), // a span out of the table
      (g) => (g.cells[1].colSpan = 2), // two cells on one slot
      (g) => (g.cells[0].header = false), // a head cell not marked
      (g) => (g.cells[2].col = 1.5) // not an integer position
    ]
    for (const breakIt of broken) {
      const g = valid()
      breakIt(g)
      expect(isNormalGrid(g), breakIt.toString()).toBe(false)
    }
  })

  it('holds for whatever placeRows builds from ragged, overlapping rows', () => {
    const { grid } = placeRows([[{ content: 'a', colSpan: 3 }, { content: 'b', rowSpan: 4 }], [{ content: 'c' }], [{ content: 'd', colSpan: 9 }]], () => '', 1)
    expect(isNormalGrid(grid)).toBe(true)
  })
})
