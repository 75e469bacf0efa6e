/**
 * Find the tables in lines of pasted text and rebuild each one's grid.
 */
import { findGfmTables } from './gfm.js'
import type { DetectedTable } from './detected-table.js'
import { putBackEmptyRows, takeEmptyRows } from './empty-rows.js'
import { inferGrid } from './infer/index.js'
import { parseBrokenGfm } from './layouts/gfm-like.js'
import { parsePipeCells, parsePipeRows } from './layouts/pipe.js'
import { parseSpaces } from './layouts/spaces.js'
import { MAX_TABLE_COLUMNS } from './raw.js'
import { parseTabCells, parseTabRows } from './layouts/tab.js'
import { isNumberedProse } from './numbered-prose.js'
import type { RawTable } from './raw.js'
import { type Region, findRegions } from './regions.js'

/** Read a region's rows according to its layout. */
export function rawTable(lines: string[], region: Region): RawTable {
  const slice = lines.slice(region.start, region.end)
  switch (region.layout) {
    case 'pipe-row':
      return { layout: 'pipe-row', rows: parsePipeRows(slice, region.start) }
    case 'pipe-cell':
      return { layout: 'pipe-cell', rows: parsePipeCells(slice, region.start).rows }
    case 'tab-row':
      return { layout: 'tab-row', rows: parseTabRows(slice, region.start) }
    case 'tab-cell':
      return { layout: 'tab-cell', rows: parseTabCells(slice, region.start) }
    case 'spaces':
      return parseSpaces(slice, region.start)
    default: {
      const { rows, headRows } = parseBrokenGfm(slice, region.start)
      return headRows === undefined ? { layout: 'broken-gfm', rows } : { layout: 'broken-gfm', rows, headRows }
    }
  }
}

export { MAX_TABLE_COLUMNS } from './raw.js'

function widerThanAnyTable(raw: RawTable): boolean {
  if ((raw.columns ?? 0) > MAX_TABLE_COLUMNS) return true
  for (const row of raw.rows) if (row.cells.length > MAX_TABLE_COLUMNS || (row.slots ?? 0) > MAX_TABLE_COLUMNS) return true
  return false
}

export function findTables(lines: string[]): DetectedTable[] {
  const gfm = findGfmTables(lines)
  const taken = new Set<number>()
  for (const t of gfm) for (let i = t.start; i < t.end; i++) taken.add(i)
  const found: DetectedTable[] = [...gfm]
  for (const region of findRegions(lines)) {
    // Well-formed GFM passes through unchanged; skip regions it already covers.
    let overlaps = false
    for (let i = region.start; i < region.end; i++) if (taken.has(i)) overlaps = true
    if (overlaps) continue
    const raw = rawTable(lines, region)
    if (raw.rows.length === 0 || isNumberedProse(raw) || widerThanAnyTable(raw)) continue
    const { table: withText, before } = takeEmptyRows(raw)
    const inferred = inferGrid(withText)
    const grid = putBackEmptyRows(inferred.grid, before)
    const { confidence } = inferred
    if (grid.rows === 0 || grid.cols === 0) continue
    // One column of text is not a table (a list of lines with stray separators).
    if (grid.cols < 2 && raw.layout !== 'pipe-cell') continue
    found.push({ start: region.start, end: region.end, layout: region.layout, confidence, markup: 'plain', grid })
  }
  return found.sort((a, b) => a.start - b.start)
}
