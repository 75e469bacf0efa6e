/**
 * Word paragraphs numbered or bulleted with a tab (`1.1.⇥The Supplier shall…`,
 * `a)⇥the goods are damaged;`, `•⇥…`) look like two-field tab rows. They are prose
 * unless other evidence makes a table: a third field, or a value beside the
 * number.
 */
import { isLeadIn } from '../text/lead-in.js'
import { cellKind } from './cell-kind.js'
import type { RawTable } from './raw.js'

export function isNumberedProse(table: RawTable): boolean {
  if (table.layout !== 'tab-row' && table.layout !== 'tab-cell') return false
  const rows = table.rows.filter((r) => r.cells.length > 0)
  if (rows.length === 0) return false
  return rows.every((row) => {
    const cells = row.cells.filter((c) => c.text.trim() !== '')
    if (cells.length > 2) return false
    if (cells.length === 1) return true
    return isLeadIn(cells[0].text) && cellKind(cells[1].text) === 'label'
  }) && rows.some((row) => row.cells.filter((c) => c.text.trim() !== '').length === 2)
}
