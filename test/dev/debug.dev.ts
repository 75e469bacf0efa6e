import { it } from 'vitest'
import { findTables } from '../../src/tables/index.js'
import { mangle, type MangledLayout } from '../support/manglers.js'
import { generateTable } from '../support/table-generator.js'
const show = (cells: any[], rows: number, head: number) => {
  for (let r = 0; r < rows; r++) console.log(`  ${r < head ? 'H' : ' '}${String(r).padStart(2)}: ` + cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => `[${c.col}${c.rowSpan > 1 || c.colSpan > 1 ? ` ${c.rowSpan}×${c.colSpan}` : ''}${c.header ? 'h' : ''}] ${(c.text ?? c.content).slice(0, 12)}`).join(' | '))
}
it('debug', () => {
  const seed = Number(process.env.SEED), layout = process.env.LAYOUT as MangledLayout
  const t = generateTable(seed)
  const lines = mangle(t, layout, seed)
  console.log(lines.join('\n'))
  console.log(`TRUTH ${t.rows}×${t.cols}`); show(t.cells, t.rows, t.headerRows)
  for (const f of findTables(lines)) { console.log(`GOT ${f.grid.rows}×${f.grid.cols} lines ${f.start}-${f.end}`); show(f.grid.cells, f.grid.rows, f.grid.headerRows) }
})
