/**
 * Tab layouts.
 *
 * tab-row: one row per line, cells separated by tabs; covered slots mostly
 * present as empty fields, so a field's index is a (noisy) slot hint.
 *
 *     →→2.其他法律行政法规禁止公开→0→0→…
 *
 * tab-cell: one tab-prefixed cell per line, a blank line between rows; a
 * covered slot is sometimes a lone tab line and sometimes missing.
 */
import { cellKind } from '../cell-kind.js'
import type { RawRow } from '../raw.js'

export function parseTabRows(lines: string[], first: number): RawRow[] {
  const rows: RawRow[] = []
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      // A line of tabs alone is a row of empty fields (kept by empty-rows.ts); a blank line is no row.
      if (line.includes('\t')) rows.push({ cells: [], slots: line.split('\t').length, line: first + i })
      return
    }
    if (!line.includes('\t')) {
      // A wrapped cell belongs to the previous row's last cell, unless that cell is a
      // number (text never continues a number): then the line is a row of its own,
      // a section row that lost its tabs.
      const last = rows[rows.length - 1]
      const cell = last?.cells[last.cells.length - 1]
      if (cell && cellKind(cell.text) !== 'value') cell.text = `${cell.text} ${line.trim()}`
      else rows.push({ cells: [{ text: line.trim(), hint: 0 }], line: first + i })
      return
    }
    // Every tab counts, trailing ones too: they stand for the row's empty last slots.
    const fields = line.split('\t')
    const cells: RawRow['cells'] = []
    for (let index = 0; index < fields.length; index++) {
      const text = fields[index].trim()
      if (text !== '') cells.push({ text, hint: index })
    }
    rows.push({ cells, slots: fields.length, line: first + i })
  })
  return rows
}

export function parseTabCells(lines: string[], first: number): RawRow[] {
  const rows: RawRow[] = []
  let current: RawRow | null = null
  let entries = 0
  lines.forEach((line, i) => {
    if (line.trim() === '' && !line.includes('\t')) {
      if (current) {
        current.slots = entries
        rows.push(current)
      }
      current = null
      entries = 0
      return
    }
    current ??= { cells: [], line: first + i }
    if (!line.startsWith('\t')) {
      // Wrapped text of the cell above.
      const cell = current.cells[current.cells.length - 1]
      if (cell) cell.text = `${cell.text} ${line.trim()}`
      else current.cells.push({ text: line.trim(), hint: entries++ })
      return
    }
    const text = line.trim()
    if (text !== '') current.cells.push({ text, hint: entries })
    entries++
  })
  if (current) {
    ;(current as RawRow).slots = entries
    rows.push(current)
  }
  return rows.filter((r) => r.cells.length > 0)
}
