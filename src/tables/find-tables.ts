/**
 * Find the tables in lines of pasted text.
 */
import type { TableOrigin } from '../ast/types.js'
import type { Grid } from './grid.js'
import { findGfmTables } from './gfm.js'

export interface DetectedTable {
  /** First line (0-based index into the lines given). */
  start: number
  /** One past the last line. */
  end: number
  layout: TableOrigin['layout']
  /** 0..1. */
  confidence: number
  /** Cell strings are plain text, or Markdown inline markup for GFM tables. */
  markup: 'plain' | 'markdown'
  grid: Grid<string>
}

export function findTables(lines: string[]): DetectedTable[] {
  return findGfmTables(lines)
}
