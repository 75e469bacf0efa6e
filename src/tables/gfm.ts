/**
 * Well-formed GFM pipe tables pass through unchanged: a header row, a
 * delimiter row, body rows. Cells keep their Markdown inline markup.
 */
import type { DetectedTable } from './detected-table.js'
import type { Grid, GridCell } from '../ast/grid.js'

const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/

/** Split a GFM row into cell strings, honouring `\|` escapes and code spans. */
export function splitGfmRow(line: string): string[] {
  let s = line.trim()
  if (s.startsWith('|')) s = s.slice(1)
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1)
  const cells: string[] = []
  let current = ''
  let inCode = false
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (ch === '\\' && s[i + 1] === '|') {
      current += '\\|'
      i++
    } else if (ch === '`') {
      inCode = !inCode
      current += ch
    } else if (ch === '|' && !inCode) {
      cells.push(current.trim())
      current = ''
    } else current += ch
  }
  cells.push(current.trim())
  return cells
}

export function isGfmDelimiter(line: string): boolean {
  return line.includes('|') && DELIMITER.test(line)
}

export function findGfmTables(lines: string[]): DetectedTable[] {
  const found: DetectedTable[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]
    if (!head.includes('|') || !isGfmDelimiter(lines[i + 1])) continue
    const header = splitGfmRow(head)
    const widths = splitGfmRow(lines[i + 1]).length
    if (header.length !== widths) continue
    // Cells go straight into the grid, in reading order: the rows' arrays and a normalized
    // copy of the cells would each be one more object per cell (a 10 MB table has a million).
    const cells: GridCell<string>[] = []
    const addRow = (row: string[], r: number) => {
      for (let c = 0; c < row.length; c++) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, header: r === 0, content: row[c] })
    }
    addRow(header, 0)
    let ragged = false
    let end = i + 2
    while (end < lines.length && lines[end].includes('|') && lines[end].trim() !== '') {
      const row = splitGfmRow(lines[end])
      if (row.length !== widths) ragged = true
      else if (!ragged) addRow(row, end - i - 1)
      end++
    }
    // Ragged rows mean cells were dropped (merged cells flattened): that is broken GFM, for repair.
    if (ragged) {
      i = end - 1
      continue
    }
    // Every row holds `widths` cells and only the head row is a header: a normal grid as built.
    const grid: Grid<string> = { rows: end - i - 1, cols: widths, headerRows: 1, cells }
    found.push({ start: i, end, layout: 'gfm', confidence: 1, markup: 'markdown', grid })
    i = end - 1
  }
  return found
}
