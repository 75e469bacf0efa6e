/**
 * Well-formed GFM pipe tables pass through unchanged: a header row, a
 * delimiter row, body rows. Cells keep their Markdown inline markup.
 */
import type { DetectedTable } from './find-tables.js'
import { normalizeGrid } from '../ast/grid.js'

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
    const rows = [header]
    let end = i + 2
    while (end < lines.length && lines[end].includes('|') && lines[end].trim() !== '') {
      rows.push(splitGfmRow(lines[end]))
      end++
    }
    // Ragged rows mean cells were dropped (merged cells flattened): that is broken GFM, for repair.
    if (rows.some((row) => row.length !== widths)) {
      i = end - 1
      continue
    }
    const cells = rows.flatMap((row, r) =>
      row.slice(0, widths).map((content, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, header: r === 0, content }))
    )
    const { grid } = normalizeGrid({ rows: rows.length, cols: widths, headerRows: 1, cells }, () => '')
    found.push({ start: i, end, layout: 'gfm', confidence: 1, markup: 'markdown', grid })
    i = end - 1
  }
  return found
}
