// The real-table development set (test/tables-dev/*.json) as pasted text:
// every gold table mangled into each of the six layouts, with the same
// seeds as the scorer (test/support/tables-dev.ts), so the bench times the
// very inputs the quality figures come from.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadSupport } from './unseen-tables.mjs'

/** The scorer's seed for a table id (FNV-1a, as idSeed in test/support/tables-dev.ts). */
function idSeed(id) {
  let h = 2166136261
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return h || 1
}

/** Gold rows (cells with spans) as the manglers' truth: cells with positions. */
function toTruth(t) {
  const taken = t.rows.map(() => [])
  const cells = []
  t.rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (taken[r][c]) c++
      const rowSpan = cell.rowSpan ?? 1
      const colSpan = cell.colSpan ?? 1
      for (let y = r; y < r + rowSpan; y++) for (let x = c; x < c + colSpan; x++) taken[y][x] = true
      cells.push({ row: r, col: c, rowSpan, colSpan, text: cell.text, header: cell.header === true })
      c += colSpan
    }
  })
  return { rows: t.rows.length, cols: t.cols, headerRows: t.headerRows, cells, lang: t.language }
}

/** Every dev-set table in every layout: { name, lines, bytes }. */
export async function devTables(root) {
  const { mangle, LAYOUTS } = await loadSupport(root)
  const dir = join(root, 'test', 'tables-dev')
  const tables = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).tables)
  const out = []
  for (const table of tables) {
    for (const layout of LAYOUTS) {
      const lines = mangle(toTruth(table), layout, idSeed(table.id))
      out.push({ name: `${table.id} (${layout})`, lines, bytes: Buffer.byteLength(lines.join('\n')) + 1 })
    }
  }
  return { cases: out, tables: tables.length, layouts: LAYOUTS.length }
}
