/**
 * The PDF reader's head and body-header cells, decided by the table core
 * (`tables/headers.ts`) from how the cells are set (bold) and what they hold.
 */
import type { Grid, GridCell } from '../../../ast/grid.js'
import { type HeaderCue, inferHeaderRows, isNumericCell, markStyledBodyHeaders } from '../../../tables/headers.js'
import type { CellText } from './table-types.js'

const cue = ({ content }: GridCell<CellText>): HeaderCue => ({ text: content.text, strong: content.bold })

/** A value cell: a number, a percentage, an amount, a year, a date or a dash standing for none. */
export const isNumeric = isNumericCell

/** The number of head rows; `hint` is a rule drawn under the head. */
export function detectHeaderRows(grid: Grid<CellText>, hint = 0): number {
  return inferHeaderRows(grid, cue, { hint })
}

/** Body cells that act as headers: bold labels beside plain cells, and section rows. */
export function markBodyHeaders(grid: Grid<CellText>): Grid<CellText> {
  return markStyledBodyHeaders(grid, cue)
}
