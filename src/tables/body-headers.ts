/**
 * Header cells inside a table body, for sources that cannot mark them (Word
 * tables have header rows but no row headers): in a table of values, a body
 * row with no value in it heads the rows below (a section or sub-header
 * row), and the labels left of a row's first value are its row headers.
 */
import { cellKind } from './cell-kind.js'
import type { Grid } from '../ast/grid.js'

export function inferBodyHeaders<C>(grid: Grid<C>, textOf: (content: C) => string): Grid<C> {
  const kinds = grid.cells.map((cell) => cellKind(textOf(cell.content)))
  if (!kinds.some((k) => k === 'value')) return grid
  const byRow = new Map<number, number[]>()
  grid.cells.forEach((cell, i) => {
    if (cell.row < grid.headerRows) return
    byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), i])
  })
  const header = new Set<number>()
  for (const indexes of byRow.values()) {
    const values = indexes.filter((i) => kinds[i] === 'value')
    if (values.length === 0) {
      if (indexes.some((i) => kinds[i] === 'label')) for (const i of indexes) header.add(i)
      continue
    }
    const firstValueCol = Math.min(...values.map((i) => grid.cells[i].col))
    for (const i of indexes) if (grid.cells[i].col < firstValueCol && kinds[i] !== 'value') header.add(i)
  }
  return { ...grid, cells: grid.cells.map((cell, i) => (header.has(i) ? { ...cell, header: true } : cell)) }
}
