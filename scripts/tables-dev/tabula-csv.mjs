/**
 * Plain gold tables from tabula-java's expected CSV output vendored in
 * test/corpus/pdf/tables/tabula/expected: the tables whose CSV is a plain
 * grid (one header row or none, no flattened spans), in disjoint windows of
 * at most 12 body rows under the header. Usage: node scripts/tables-dev/tabula-csv.mjs
 */
import { readFileSync } from 'node:fs'
import { buildTable, parseCsv, windows, writeSource } from './gold.mjs'

const DIR = 'test/corpus/pdf/tables/tabula/expected'
/** file → [domain, header rows, rows to skip before the table (a title)] */
const FILES = {
  argentina_diputados_voting_record: ['elections', 0, 0],
  schools: ['finance', 1, 0],
  frx_2012_disclosure: ['finance', 1, 2]
}
const WINDOW = 12

const tables = []
for (const [file, [domain, headerRows, skip]] of Object.entries(FILES)) {
  const rows = parseCsv(readFileSync(`${DIR}/${file}.csv`, 'utf8')).slice(skip)
  const head = rows.slice(0, headerRows)
  const body = rows.slice(headerRows)
  windows(body.length, WINDOW, 6).forEach((start, w) => {
    const part = [...head, ...body.slice(start, start + WINDOW)]
    const cells = part.flatMap((r, y) => r.map((text, x) => ({ row: y, col: x, rowSpan: 1, colSpan: 1, text })))
    // A table with no head row: header rows 0, kept as the source has it.
    const table = buildTable({ id: `tabula-csv/${file}#${w + 1}`, source: 'tabula-csv', domain, language: 'en' }, cells, { headerRows: headerRows || undefined })
    if (headerRows === 0) {
      table.headerRows = 0
      for (const row of table.rows) for (const cell of row) delete cell.header
    }
    tables.push(table)
  })
}
console.log('tabula-csv', writeSource('test/tables-dev/tabula-csv.json', { source: 'tabula-csv' }, tables), 'of', tables.length)
