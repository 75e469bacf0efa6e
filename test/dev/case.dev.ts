// Show one development-set case: the pasted lines, the gold grid and docmend's grid.
// CASES="rust-docs/rustc#14 tab-row;rust-docs/cargo#2 pipe-row" ROWS=8 npx vitest run -c vitest.dev.config.ts test/dev/case.dev.ts
import { it } from 'vitest'
import { mangle, type MangledLayout } from '../support/manglers.js'
import { docmendTables, idSeed, loadDevSet, toTruth } from '../support/tables-dev.js'
const show = (cells: any[], rows: number, head: number) => {
  for (let r = 0; r < Math.min(rows, Number(process.env.ROWS ?? 8)); r++) console.log(`  ${r < head ? 'H' : ' '}${String(r).padStart(2)}: ` + cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => `[${c.col}${c.rowSpan > 1 || c.colSpan > 1 ? ` ${c.rowSpan}×${c.colSpan}` : ''}${c.header ? 'h' : ''}] ${String(c.text).slice(0, 14)}`).join(' | '))
}
it('case', async () => {
  const all = loadDevSet()
  for (const spec of (process.env.CASES ?? '').split(';').filter(Boolean)) {
    const [id, layout] = spec.trim().split(' ') as [string, MangledLayout]
    const table = all.find((t) => t.id === id)!
    const truth = toTruth(table)
    const lines = mangle(truth, layout, idSeed(id))
    console.log(`\n===== ${id} ${layout}\n${lines.slice(0, Number(process.env.ROWS ?? 8)).map((l) => JSON.stringify(l)).join('\n')}`)
    console.log(`GOLD ${truth.rows}×${truth.cols} head ${truth.headerRows}`); show(truth.cells, truth.rows, truth.headerRows)
    for (const g of await docmendTables(lines)) { console.log(`GOT ${g.rows}×${g.cols} head ${g.headerRows}`); show(g.cells, g.rows, g.headerRows) }
  }
}, 600_000)
