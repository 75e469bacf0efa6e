/** Tables found on a page, before they become mdast. */
import type { Grid } from '../../../ast/grid.js'
import type { Box } from './geometry.js'

/** What a table cell holds: its text (lines reflowed) and how it was set. */
export interface CellText {
  text: string
  /** Every glyph in the cell is bold (empty cells are not). */
  bold: boolean
}

export interface PageTable {
  kind: 'table'
  layout: 'pdf-ruled' | 'pdf-aligned'
  /** 0..1: how sure the grid is. */
  confidence: number
  box: Box
  /** Column boundaries, left to right (cols + 1 values): lets a table continued on the next page be recognised. */
  columns: number[]
  grid: Grid<CellText>
}

export const emptyCell = (): CellText => ({ text: '', bold: false })
