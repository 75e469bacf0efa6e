/**
 * The spaces layout, as `pdftotext -layout` prints tables: columns aligned
 * with runs of spaces, CJK characters two columns wide.
 */
import type { RawRow, RawTable } from '../raw.js'

export function parseSpaces(lines: string[], first: number): RawTable {
  const rows: RawRow[] = lines
    .map((line, i) => ({ cells: line.trim().split(/ {2,}|\u3000+|\t+/u).map((text) => ({ text })), line: first + i }))
    .filter((r) => r.cells.some((c) => c.text.trim() !== ''))
  return { layout: 'spaces', rows }
}
