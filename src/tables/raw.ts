/**
 * A table as a layout parser reads it off the text, before any inference:
 * rows of non-empty cells in reading order, with whatever position hints
 * the layout gives (a slot index, a column extent, a total slot count).
 */
import type { TableOrigin } from '../ast/types.js'

export type Layout = TableOrigin['layout']

/**
 * More columns than any table a person reads (statistical tables run to a
 * few dozen): such a region stays text. Rebuilding its grid costs time that
 * grows faster than its width (a line of 20,000 cells took a minute).
 */
export const MAX_TABLE_COLUMNS = 1000

export interface RawCell {
  /** Cell text as found (not yet normalized). Empty only for explicit empty cells. */
  text: string
  /** Slot index the layout suggests (tab fields, GFM fields). Weak evidence. */
  hint?: number
  /** For the spaces layout: first and one-past-last grid column the text covers. */
  columns?: [number, number]
}

export interface RawRow {
  cells: RawCell[]
  /** Slots the layout says this row has in all (pipes per row, fields per line). */
  slots?: number
  /** 0-based line of the row's first line in the input. */
  line: number
  /**
   * Spaces layout: the row's one cell sits inside one column, away from the
   * table's left edge, so its other cells are empty: it is not a section row.
   */
  lone?: boolean
}

export interface RawTable {
  layout: Layout
  rows: RawRow[]
  /** Rows the source marked as the head (a GFM delimiter row), when it did. */
  headRows?: number
  /** Column count the layout fixes for certain (spaces layout). */
  columns?: number
}
