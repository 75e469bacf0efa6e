/**
 * Score the repair of generated tables: TEDS against the truth, and the
 * share of values that land under their true headers (column header path
 * and row labels).
 */
import { normalizeCellText } from '../../src/tables/cell-kind.js'
import { findTables } from '../../src/tables/index.js'
import type { Grid } from '../../src/ast/grid.js'
import { type MangledLayout, mangle } from './manglers.js'
import { teds } from './teds.js'
import type { TruthCell, TruthTable } from './table-generator.js'

type AnyCell = { row: number; col: number; rowSpan: number; colSpan: number; header: boolean; text: string }

function fromGrid(grid: Grid<string>): AnyCell[] {
  return grid.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, header: c.header, text: c.content }))
}

function fromTruth(cells: TruthCell[]): AnyCell[] {
  return cells.map((c) => ({ ...c, text: normalizeCellText(c.text) }))
}

/** For each non-empty data cell in reading order: its headers (column path + row labels), as one string. */
export function headerPaths(cells: AnyCell[], rows: number, cols: number, headerRows: number): string[] {
  const owner: (AnyCell | null)[][] = Array.from({ length: rows }, () => new Array(cols).fill(null))
  for (const c of cells) for (let r = c.row; r < c.row + c.rowSpan && r < rows; r++) for (let k = c.col; k < c.col + c.colSpan && k < cols; k++) owner[r][k] = c
  const out: string[] = []
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col)
  for (const c of sorted) {
    if (c.header || c.text === '') continue
    const heads = new Set<string>()
    for (let r = 0; r < Math.min(headerRows, c.row); r++) {
      const h = owner[r][c.col]
      if (h?.header && h.text) heads.add(`c:${h.text}`)
    }
    for (let k = 0; k < c.col; k++) {
      const h = owner[c.row][k]
      if (h?.header && h.text) heads.add(`r:${h.text}`)
    }
    out.push([...heads].sort().join('|'))
  }
  return out
}

export interface RepairScore {
  teds: number
  underHeaders: number
  /** Exactly one table found where one was pasted. */
  found: boolean
  /** Non-empty texts in reading order, expected and got. */
  expectedTexts: string[]
  gotTexts: string[]
}

/** Non-empty cell texts in reading order: the truth's, and the repair's of its mangled text. */
export function readingOrder(truth: TruthTable, layout: MangledLayout, seed = 1): { expected: string[]; got: string[] } {
  const expected = fromTruth(truth.cells).filter((c) => c.text !== '').sort((a, b) => a.row - b.row || a.col - b.col).map((c) => c.text)
  const got = findTables(mangle(truth, layout, seed)).flatMap((t) => fromGrid(t.grid)).filter((c) => c.text !== '').map((c) => c.text)
  return { expected, got }
}

export function scoreRepair(truth: TruthTable, layout: MangledLayout, seed = 1): RepairScore {
  const lines = mangle(truth, layout, seed)
  const tables = findTables(lines)
  const truthCells = fromTruth(truth.cells)
  const expectedTexts = truthCells.filter((c) => c.text !== '').sort((a, b) => a.row - b.row || a.col - b.col).map((c) => c.text)
  if (tables.length === 0) return { teds: 0, underHeaders: 0, found: false, expectedTexts, gotTexts: [] }
  const grid = tables[0].grid
  const got = fromGrid(grid)
  const gotTexts = tables.flatMap((t) => fromGrid(t.grid)).filter((c) => c.text !== '').map((c) => c.text)
  const score = teds(
    { rows: grid.rows, headerRows: grid.headerRows, cells: got },
    { rows: truth.rows, headerRows: truth.headerRows, cells: truthCells }
  )
  const want = headerPaths(truthCells, truth.rows, truth.cols, truth.headerRows)
  const have = headerPaths(got, grid.rows, grid.cols, grid.headerRows)
  let same = 0
  want.forEach((w, i) => {
    if (have[i] === w) same++
  })
  return { teds: score, underHeaders: want.length === 0 ? 1 : same / want.length, found: tables.length === 1, expectedTexts, gotTexts }
}
