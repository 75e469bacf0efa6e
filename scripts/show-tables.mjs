#!/usr/bin/env node
// Print the tables docmend finds in a text file, one line per grid row:
// `[col r×c] text` per origin cell (r, c shown only when > 1). For debugging the repair.
import { readFileSync } from 'node:fs'
import { findTables } from '../dist/tables/index.js'

for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n')
  for (const t of findTables(lines)) {
    console.log(`# ${file}: lines ${t.start + 1}-${t.end}, ${t.layout}, ${t.grid.rows}×${t.grid.cols}, head ${t.grid.headerRows}, confidence ${t.confidence.toFixed(2)}`)
    for (let r = 0; r < t.grid.rows; r++) {
      const cells = t.grid.cells.filter((c) => c.row === r)
      console.log(`  ${String(r).padStart(2)}: ` + cells.map((c) => {
        const span = c.rowSpan > 1 || c.colSpan > 1 ? ` ${c.rowSpan}×${c.colSpan}` : ''
        const text = c.content.length > 14 ? c.content.slice(0, 13) + '…' : c.content
        return `[${c.col}${span}${c.header ? ' h' : ''}] ${text || '∅'}`
      }).join(' | '))
    }
  }
}
