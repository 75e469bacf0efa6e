/**
 * Broken GFM: `| a | b |` rows with a missing delimiter row or ragged rows.
 * Field positions are slot hints; a delimiter row, when present, ends the head.
 */
import { isGfmDelimiter, splitGfmRow } from '../gfm.js'
import type { RawRow } from '../raw.js'

export function parseBrokenGfm(lines: string[], first: number): { rows: RawRow[]; headRows?: number } {
  const rows: RawRow[] = []
  let headRows: number | undefined
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    if (isGfmDelimiter(line)) {
      headRows ??= rows.length
      return
    }
    const fields = splitGfmRow(line).map((f) => f.replace(/\\\|/g, '|'))
    let last = fields.length - 1
    while (last >= 0 && fields[last] === '') last--
    const cells = fields.slice(0, last + 1).map((text, index) => ({ text, hint: index }))
    rows.push({ cells, slots: fields.length, line: first + i })
  })
  return headRows === undefined ? { rows } : { rows, headRows }
}
