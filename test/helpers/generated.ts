/** The repair tests' generated ground-truth tables, as canonical mdast tables for the writers. */
import type { Table } from 'mdast'
import { gridToTable } from '../../src/ast/table.js'
import { generateTable } from '../support/table-generator.js'

export function generatedTable(seed: number): Table {
  const truth = generateTable(seed)
  return gridToTable({
    rows: truth.rows,
    cols: truth.cols,
    headerRows: truth.headerRows,
    cells: truth.cells.map((c) => ({ ...c, content: c.text ? [{ type: 'text', value: c.text }] : [] }))
  })
}
