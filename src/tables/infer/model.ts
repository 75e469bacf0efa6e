/**
 * Rows as inference sees them: each cell typed (value, year, label, empty),
 * with its numbering family, and each row typed (section, header, data).
 */
import { type CellKind, cellKind, isTotalLabel, type NumberingFamily, normalizeCellText, numberingOf } from '../cell-kind.js'
import type { Grid } from '../../ast/grid.js'
import type { RawRow, RawTable } from '../raw.js'

/** What inference gives back: the rebuilt grid, and how sure it is of it. */
export interface Inferred {
  grid: Grid<string>
  confidence: number
}

export interface Item {
  text: string
  kind: CellKind
  numbering: { family: NumberingFamily; sub: number } | null
  total: boolean
  hint?: number
  columns?: [number, number]
}

export type RowType = 'section' | 'header' | 'data'

export interface Row {
  items: Item[]
  type: RowType
  slots?: number
  line: number
}

type Facts = Pick<Item, 'text' | 'kind' | 'numbering' | 'total'>

/** Cells repeat (`0` hundreds of times per table): classify each distinct text once. */
const factsCache = new Map<string, Facts>()

function factsOf(raw: string): Facts {
  let facts = factsCache.get(raw)
  if (!facts) {
    const text = normalizeCellText(raw)
    facts = { text, kind: cellKind(text), numbering: numberingOf(text), total: isTotalLabel(text) }
    if (factsCache.size > 50000) factsCache.clear()
    factsCache.set(raw, facts)
  }
  return facts
}

export function toItem(raw: { text: string; hint?: number; columns?: [number, number] }): Item {
  const facts = factsOf(raw.text)
  const item: Item = { text: facts.text, kind: facts.kind, numbering: facts.numbering, total: facts.total }
  if (raw.hint !== undefined) item.hint = raw.hint
  if (raw.columns) item.columns = raw.columns
  return item
}

/** A value-like cell: a number, a dash, a date. Years only count in rows that also hold other values. */
export const isValue = (item: Item) => item.kind === 'value'

function rowType(items: Item[], tableHasValues: boolean): RowType {
  if (items.some(isValue)) return 'data'
  if (!tableHasValues) return items.length === 1 ? 'section' : 'data'
  return items.length === 1 ? 'section' : 'header'
}

export function prepareRows(table: RawTable): Row[] {
  const raw: RawRow[] = table.rows.filter((r) => r.cells.length > 0)
  const itemsByRow = raw.map((r) => r.cells.map(toItem))
  // Years are values in a row that has other values ("2019 | 5 | 6"), headers otherwise ("2023 | 2024").
  for (const items of itemsByRow) {
    if (items.some((i) => i.kind === 'value')) for (const i of items) if (i.kind === 'year') i.kind = 'value'
  }
  const tableHasValues = itemsByRow.some((items) => items.some(isValue))
  const rows = raw.map((r, index) => {
    const items = itemsByRow[index]
    const row: Row = { items, type: rowType(items, tableHasValues), line: r.line }
    if (r.slots !== undefined) row.slots = r.slots
    return row
  })
  return table.layout === 'tab-cell' ? mergeSplitRows(rows) : rows
}

/**
 * In the tab-cell layout a blank line sometimes falls inside a row (after a
 * long label). In the body, a row of labels only followed by a row of values
 * only is one row.
 */
function mergeSplitRows(rows: Row[]): Row[] {
  const out: Row[] = []
  let inBody = false
  for (const row of rows) {
    const prev = out[out.length - 1]
    if (
      inBody &&
      prev &&
      prev.type !== 'data' &&
      row.type === 'data' &&
      row.items.every((i) => i.kind !== 'label') &&
      prev.items.every((i) => i.kind === 'label')
    ) {
      prev.items = [...prev.items, ...row.items]
      prev.type = 'data'
      if (prev.slots !== undefined && row.slots !== undefined) prev.slots += row.slots
      continue
    }
    if (row.type === 'data') inBody = true
    out.push(row)
  }
  return out
}

/** Index of the first value cell in a row, or the row length. */
export function firstValueIndex(row: Row): number {
  const i = row.items.findIndex(isValue)
  return i === -1 ? row.items.length : i
}

/** Most common number in a list (ties: the larger), or undefined. */
export function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: number | undefined
  let bestCount = 0
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && v > best)) {
      best = v
      bestCount = n
    }
  }
  return best
}
