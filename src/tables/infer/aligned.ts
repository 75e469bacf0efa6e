/**
 * Do no harm for the spaces layout. Its naive reading is the split by
 * aligned columns: every cell at the column its text starts in (the columns
 * the layout parser found), no spans. The positioned reading (spans from
 * where cells start and end) replaces it only when it keeps that reading's
 * evidence: the same rows and columns, every value where the columns put
 * it, every label in its own row, spans only over slots left empty.
 * Where two cells of a row fall in one column the columns do not fix the
 * grid, and the positioned reading is trusted unless its confidence is low.
 */
import type { RawTable } from '../raw.js'
import type { Inferred } from './model.js'
import { decideHeaders, keepsFields, plainGrid } from './plain.js'
import { inferPositioned } from './positioned.js'

/** Below this confidence a positioned reading is not trusted over the aligned split. */
const TRUSTED = 0.5

/** Does every cell of every row start in a column of its own? */
function columnsFixGrid(table: RawTable): boolean {
  return table.rows.every((row) => row.cells.every((cell, i) => i === 0 || (cell.hint ?? 0) > (row.cells[i - 1].hint ?? 0)))
}

export function inferAligned(table: RawTable): Inferred {
  const positioned = inferPositioned(table)
  const plain = plainGrid(table)
  if (plain.rows === 0) return positioned
  // It keeps the aligned split's fields: its spans stand, and its headers are the core's one decision, as for the plain grid.
  if (positioned.confidence >= TRUSTED && keepsFields(positioned.grid, plain, { valuesMaySpan: true })) return { grid: decideHeaders(positioned.grid), confidence: positioned.confidence }
  if (columnsFixGrid(table) || positioned.confidence < TRUSTED) return { grid: plain, confidence: Math.max(positioned.confidence, columnsFixGrid(table) ? 0.9 : 0) }
  return positioned
}
