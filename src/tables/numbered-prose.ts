/**
 * Word paragraphs numbered with a tab (`1.1.⇥The Supplier shall…`,
 * `a)⇥the goods are damaged;`) look like two-field tab rows. They are prose
 * unless other evidence makes a table: a third field, or a value beside the
 * number.
 */
import { cellKind } from './cell-kind.js'
import type { RawTable } from './raw.js'

/** A numbering lead-in and nothing else: `1.`, `1.1.`, `2.3.4`, `a)`, `(b)`, `iv.`, `(1)`, `§ 3`. */
const LEAD_IN = /^(\d{1,3}(\.\d{1,3})*\.?|[a-z][.)]|\([a-z0-9]{1,4}\)|[ivxlc]{1,6}[.)]|§\s?\d+(\.\d+)*|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)$/i

export function isNumberedProse(table: RawTable): boolean {
  if (table.layout !== 'tab-row' && table.layout !== 'tab-cell') return false
  const rows = table.rows.filter((r) => r.cells.length > 0)
  if (rows.length === 0) return false
  return rows.every((row) => {
    const cells = row.cells.filter((c) => c.text.trim() !== '')
    if (cells.length > 2) return false
    if (cells.length === 1) return true
    return LEAD_IN.test(cells[0].text.trim()) && cellKind(cells[1].text) === 'label'
  }) && rows.some((row) => row.cells.filter((c) => c.text.trim() !== '').length === 2)
}
