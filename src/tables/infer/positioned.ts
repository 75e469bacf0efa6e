/**
 * Grids from layouts that give every cell its columns (the spaces layout):
 * a cell spans from its column to the next cell's, head cells span down
 * until a cell starts under them, labels nest as in labels.ts, values take
 * the width of the header leaf above them.
 */
import { normalizeGrid } from '../../ast/grid.js'
import type { RawTable } from '../raw.js'
import { typeCell } from '../cell-type.js'
import { familyDepths } from './depth.js'
import type { Inferred } from './model.js'
import { placeLabels, type LabelRow } from './labels.js'
import { type Item, type Row, firstValueIndex, prepareRows } from './model.js'
import type { Placed } from './placed.js'

interface Leaf {
  col: number
  width: number
}

const hintOf = (item: Item) => item.hint ?? 0

/** Head-like rows (the head, or one sub-header row): cells span right to the next start and down while nothing starts under them. */
function placeHeadRows(rows: Row[], from: number, to: number, C: number, out: Placed[]): Leaf[] {
  const startsIn = (r: number) => rows[r].items.map(hintOf)
  const taken: boolean[][] = Array.from({ length: to - from }, () => new Array<boolean>(C).fill(false))
  const leaves: Leaf[] = []
  for (let r = from; r < to; r++) {
    const items = rows[r].items
    if (items.length === 1 && r === from && to - from > 1) {
      out.push({ row: r, col: 0, rowSpan: 1, colSpan: C, text: items[0].text, header: true })
      taken[r - from].fill(true)
      continue
    }
    let previousEnd = 0
    items.forEach((item, i) => {
      let col = Math.max(hintOf(item), previousEnd)
      while (col < C && taken[r - from][col]) col++
      if (col >= C) col = C - 1
      let end = i + 1 < items.length ? Math.max(col + 1, hintOf(items[i + 1])) : C
      for (let k = col + 1; k < end; k++) if (taken[r - from][k]) end = k
      let rowSpan = 1
      while (r + rowSpan < to && !startsIn(r + rowSpan).some((h) => h >= col && h < end)) rowSpan++
      out.push({ row: r, col, rowSpan, colSpan: end - col, text: item.text, header: true })
      for (let rr = r; rr < r + rowSpan; rr++) for (let k = col; k < end; k++) taken[rr - from][k] = true
      if (r + rowSpan === to) leaves.push({ col, width: end - col })
      previousEnd = end
    })
  }
  return leaves.sort((a, b) => a.col - b.col)
}

export function inferPositioned(table: RawTable): Inferred {
  const rows = prepareRows(table)
  // A lone cell set inside one column is a row whose other cells are empty, not a section row.
  const lone = new Set(table.rows.filter((r) => r.lone).map((r) => r.line))
  for (const row of rows) if (row.type === 'section' && lone.has(row.line)) row.type = 'data'
  const C = Math.max(table.columns ?? 0, ...rows.flatMap((r) => r.items.map((i) => (i.columns?.[1] ?? hintOf(i) + 1))))
  // A placeholder (`N/A`, `—`) heads a column as often as it fills one: it neither makes a table one of values nor ends its head.
  const telling = (i: Item) => i.kind === 'value' && typeCell(i.text) !== 'placeholder'
  const hasValues = rows.some((r) => r.items.some(telling))
  let headEnd = rows.findIndex((r) => r.items.some(telling))
  // A text-only table has no data rows to end its head: its first row is the head.
  if (headEnd === -1 || !hasValues) headEnd = rows.length > 1 ? 1 : 0
  const dataRows = rows.filter((r) => r.type === 'data')
  const L = hasValues ? Math.min(...dataRows.map((r) => hintOf(r.items[firstValueIndex(r)] ?? r.items[r.items.length - 1]))) : C
  const placed: Placed[] = []
  const mainLeaves = placeHeadRows(rows, 0, headEnd, C, placed).filter((leaf) => leaf.col >= L)
  let governing = mainLeaves
  const depths = familyDepths(dataRows.map((r) => r.items.slice(0, firstValueIndex(r))))
  let segment: LabelRow[] = []
  const flush = () => {
    placed.push(...placeLabels(segment, L, depths))
    segment = []
  }
  for (let r = headEnd; r < rows.length; r++) {
    const row = rows[r]
    if (row.type === 'section') {
      flush()
      placed.push({ row: r, col: 0, rowSpan: 1, colSpan: C, text: row.items[0].text, header: true })
      governing = mainLeaves
      continue
    }
    if (row.type === 'header') {
      flush()
      governing = placeHeadRows(rows, r, r + 1, C, placed).filter((leaf) => leaf.col >= L)
      continue
    }
    const split = hasValues ? firstValueIndex(row) : row.items.length
    const labels = row.items.slice(0, split)
    // Without values there is no label hierarchy to span: each cell covers what its text covers.
    segment.push(hasValues ? { row: r, labels, starts: labels.map(hintOf) } : { row: r, labels, starts: labels.map(hintOf), ends: labels.map((l) => l.columns?.[1] ?? hintOf(l) + 1) })
    for (const value of row.items.slice(split)) {
      const col = Math.max(L, Math.min(C - 1, hintOf(value)))
      // A value under a spanning header spans with it, wherever it sat inside the span.
      const leaf = governing.find((g) => g.col <= col && col < g.col + g.width)
      placed.push({ row: r, col: leaf?.col ?? col, rowSpan: 1, colSpan: leaf?.width ?? 1, text: value.text, header: false })
    }
  }
  flush()
  const cells = placed.map((p) => ({ row: p.row, col: p.col, rowSpan: p.rowSpan, colSpan: p.colSpan, header: p.header, content: p.text }))
  // A text-only table has no values for its cells to label: only its head row is a header.
  if (!hasValues) for (const cell of cells) if (cell.row >= headEnd && cell.colSpan < C) cell.header = false
  const { grid, fixes } = normalizeGrid({ rows: rows.length, cols: C, headerRows: headEnd, cells }, () => '')
  const fillers = placed.filter((p) => p.filler).length
  const confidence = Math.max(0.05, Math.min(1, 1 - 0.04 * fillers - 0.1 * (fixes.overlaps + fixes.clamped) - 0.01 * fixes.padded))
  return { grid, confidence }
}
