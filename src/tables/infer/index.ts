/**
 * Rebuild a table's grid from its raw rows (layout-independent).
 *
 * 1. Type cells (value / label) and rows (section, header, data).
 * 2. Size the grid: value columns V from the data rows, label columns L from
 *    labels per row and their numbering depth, column count C from both and
 *    from what the layout says (pipes per row, fields per line).
 * 3. The head (rows before the first data row): a stub over the label
 *    columns, and a header forest over the value columns (forest.ts).
 * 4. The body: section rows span the table; sub-header rows head the rows
 *    below; data rows put labels by hierarchy (labels.ts) and values under
 *    the leaves of the header above them, right-aligned when short.
 */
import { type Grid, normalizeGrid } from '../../ast/grid.js'
import type { RawTable } from '../raw.js'
import { familyDepths } from './depth.js'
import { type Forest, type ForestNode, forestLeaves, solveForest } from './forest.js'
import { placeLabels, type LabelRow } from './labels.js'
import { type Inferred, type Item, type Row, firstValueIndex, mode, prepareRows } from './model.js'
import type { Placed } from './placed.js'
import { inferAligned } from './aligned.js'
import { inferPositioned } from './positioned.js'
import { cellKind } from '../cell-kind.js'
import { columnMixing, columnsConsistent, decideHeaders, fixesGrid, keepsFields, plainGrid } from './plain.js'

interface Leaf {
  col: number
  width: number
}

interface Shape {
  C: number
  L: number
  V: number
}

const isLabelLike = (item: Item) => item.kind === 'label'

function splitRow(row: Row, hasValues: boolean): { labels: Item[]; values: Item[] } {
  if (!hasValues) return { labels: row.items, values: [] }
  const i = firstValueIndex(row)
  return { labels: row.items.slice(0, i), values: row.items.slice(i) }
}

/**
 * How many columns the layout says rows have. Pipes are counted exactly;
 * tab fields and placeholder lines are sometimes dropped, so for tabs take
 * the largest count that several rows agree on.
 */
function layoutColumns(table: RawTable, rows: Row[]): number | undefined {
  const slots = rows.map((r) => r.slots).filter((s): s is number => s !== undefined && s > 0)
  if (slots.length === 0) return undefined
  if (table.layout === 'pipe-row' || table.layout === 'pipe-cell') return mode(slots)
  const counts = new Map<number, number>()
  for (const s of slots) counts.set(s, (counts.get(s) ?? 0) + 1)
  const needed = Math.max(2, Math.ceil(slots.length * 0.15))
  const agreed = [...counts.entries()].filter(([, n]) => n >= needed).map(([s]) => s)
  return agreed.length > 0 ? Math.max(...agreed) : mode(slots)
}

function measure(table: RawTable, rows: Row[], bodyStart: number, hasValues: boolean, depths: Map<string, number>): Shape {
  let V = 0
  let maxLabels = 0
  let maxItems = 0
  let maxDepth = -1
  for (const row of rows) maxItems = Math.max(maxItems, row.items.length)
  for (const row of rows.slice(bodyStart)) {
    if (row.type !== 'data') continue
    const { labels, values } = splitRow(row, hasValues)
    V = Math.max(V, values.length)
    maxLabels = Math.max(maxLabels, labels.length)
    for (const l of labels) {
      const key = l.numbering ? (l.numbering.family === 'decimal' ? `decimal:${l.numbering.sub}` : l.numbering.family) : null
      if (key && depths.has(key)) maxDepth = Math.max(maxDepth, depths.get(key)!)
    }
  }
  if (!hasValues) {
    const C = Math.max(maxItems, layoutColumns(table, rows) ?? 0)
    return { C, L: C, V: 0 }
  }
  // Label columns need evidence: labels side by side, or numbering depth.
  // Extra columns the layout reports belong to values under spanning headers.
  const L = Math.max(maxLabels, maxDepth + 1)
  let C = Math.max(maxItems, L + V)
  const fromLayout = layoutColumns(table, rows)
  if (fromLayout !== undefined && fromLayout >= C) C = fromLayout
  return { C, L, V: C - L }
}

interface HeadPlan {
  stub: number
  forest: Forest
  score: number
}

/** Choose how many of a head row's first items head the label columns. */
function planHead(levels: Item[][], L: number, V: number): HeadPlan {
  const top = levels[0]
  const maxStub = Math.min(L, Math.max(0, top.length - 1))
  // Label columns usually have a head (a stub); one cell over all of them is the common case.
  const wantsStub = L > 0 && top.length > 1 && (isLabelLike(top[0]) || top[0].kind === 'empty')
  let best: HeadPlan | null = null
  for (let stub = 0; stub <= maxStub; stub++) {
    const rest = [top.slice(stub), ...levels.slice(1)].filter((level) => level.length > 0)
    const forest = solveForest(rest, V)
    let score = (stub === 0 && wantsStub ? -3 : 0) - 0.5 * Math.max(0, stub - 1)
    score += (forest.leaves === V ? 2 : 0) - 2 * Math.max(0, forest.leaves - V)
    if (rest.length > 1) score += forest.score - (forest.leaves === V ? 0 : 0.5 * Math.abs(V - forest.leaves))
    if (!best || score > best.score) best = { stub, forest, score }
  }
  return best!
}

/** Place a forest's nodes: level t sits on grid row rowOf[t]; leaves reach `lastRow`. */
function placeForest(forest: Forest, rowOf: number[], lastRow: number, offset: number, out: Placed[]): Leaf[] {
  const visit = (node: ForestNode) => {
    const row = rowOf[node.level]
    const rowSpan = node.children.length === 0 ? lastRow - row + 1 : rowOf[node.level + 1] - row
    const cell: Placed = { row, col: offset + node.col, rowSpan: Math.max(1, rowSpan), colSpan: node.width, text: node.item.text, header: true }
    if (node.item.kind === 'empty') cell.filler = true
    out.push(cell)
    node.children.forEach(visit)
  }
  forest.roots.forEach(visit)
  return forestLeaves(forest).map((n) => ({ col: offset + n.col, width: n.width }))
}

/** Place the head rows [0, end). Returns the value-column leaves. */
function placeHead(rows: Row[], end: number, shape: Shape, out: Placed[]): Leaf[] {
  const { C, L, V } = shape
  let r = 0
  // Title and section rows at the top span the whole table.
  while (r < end && rows[r].items.length === 1 && end - r > 1) {
    out.push({ row: r, col: 0, rowSpan: 1, colSpan: C, text: rows[r].items[0].text, header: true })
    r++
  }
  if (r >= end) return V > 0 ? Array.from({ length: V }, (_, i) => ({ col: L + i, width: 1 })) : []
  const levelRows: number[] = []
  const levels: Item[][] = []
  const valueWidth = V > 0 ? V : C
  const labelWidth = V > 0 ? L : 0
  // An empty first cell written over the row labels is the stub's (empty) head; the
  // empty first cells of the head rows under it are slots that stub covers.
  const emptyStub = labelWidth > 0 && rows[r].items.length > 1 && rows[r].items[0].kind === 'empty'
  for (let k = r; k < end; k++) {
    levelRows.push(k)
    const items = rows[k].items
    levels.push(emptyStub && k > r && items.length > 1 && items[0].kind === 'empty' ? items.slice(1) : items)
  }
  const plan = planHead(levels, labelWidth, valueWidth)
  // The stub: label-column headers of the first head row, spanning every head row.
  for (let i = 0; i < plan.stub; i++) {
    const colSpan = i === plan.stub - 1 ? labelWidth - i : 1
    out.push({ row: r, col: i, rowSpan: end - r, colSpan, text: levels[0][i].text, header: true })
  }
  const kept: number[] = []
  const rest: Item[][] = []
  levels.forEach((items, t) => {
    const list = t === 0 ? items.slice(plan.stub) : items
    if (list.length > 0) {
      kept.push(levelRows[t])
      rest.push(list)
    }
  })
  if (rest.length === 0) return []
  const forest = plan.forest
  return placeForest(forest, kept, end - 1, labelWidth, out)
}

/** Values under the leaves of the header above them, right-aligned when fewer. */
function placeValues(row: number, values: Item[], leaves: Leaf[], shape: Shape, out: Placed[]): void {
  const n = values.length
  if (n === 0) return
  if (n === leaves.length) {
    values.forEach((v, i) => out.push({ row, col: leaves[i].col, rowSpan: 1, colSpan: leaves[i].width, text: v.text, header: false }))
    return
  }
  if (n < leaves.length) {
    const tail = leaves.slice(leaves.length - n)
    values.forEach((v, i) => out.push({ row, col: tail[i].col, rowSpan: 1, colSpan: tail[i].width, text: v.text, header: false }))
    return
  }
  const start = shape.C - n
  values.forEach((v, i) => out.push({ row, col: start + i, rowSpan: 1, colSpan: 1, text: v.text, header: false }))
}

/** A header row inside the body ("信息内容 | 本年处理决定数量"): one head level. */
function placeSubHeader(row: number, items: Item[], shape: Shape, out: Placed[]): Leaf[] {
  const { L, V } = shape
  const plan = planHead([items], L, V)
  for (let i = 0; i < plan.stub; i++) {
    const colSpan = i === plan.stub - 1 ? L - i : 1
    out.push({ row, col: i, rowSpan: 1, colSpan, text: items[i].text, header: true })
  }
  if (plan.stub === 0 && L > 0) out.push({ row, col: 0, rowSpan: 1, colSpan: L, text: '', header: true, filler: true })
  return placeForest(plan.forest, [row], row, L, out)
}

/** Below this confidence a spanned reading is not trusted over the naive split. */
const TRUSTED = 0.5

/**
 * Do no harm. When the source fixes a consistent grid (every row the same
 * number of fields, no padded row), the spanned reading is kept if it leaves
 * every field at the slot the source gave it (spans may only cover empty
 * slots; a label moves only as `keepsFields` allows), with its header cells
 * decided as the plain grid's are; or if it keeps the column count while the plain grid mixes values
 * and labels in one column (the paste lost or added a slot); otherwise the
 * plain grid is the answer, with its header rows and row headers inferred.
 * Where rows disagree, a spanned reading
 * below TRUSTED confidence falls back to the plain split.
 */
export function inferGrid(table: RawTable): Inferred {
  if (table.layout === 'spaces' && table.columns) return inferAligned(table)
  const spanned = inferSpanned(table)
  const plain = plainGrid(table)
  if (plain.rows === 0) return spanned
  if (fixesGrid(table)) {
    // The spans only cover empty slots: keep them, but headers are the core's one decision, as for the plain grid.
    if (keepsFields(spanned.grid, plain, { fixedGrid: true })) return { grid: decideHeaders(spanned.grid), confidence: spanned.confidence }
    // Tab fields read by position: head cells span over the empty slots beside and below them (header
    // groups). An empty slot in the body is an empty cell the source wrote, so body cells keep one slot.
    const positioned = exactPositions(table, plain)
    const headOnly = (grid: Grid<string>) => grid.cells.every((cell) => cell.row < grid.headerRows || (cell.rowSpan === 1 && cell.colSpan === 1))
    if (positioned && headOnly(positioned.grid) && keepsFields(positioned.grid, plain, { fixedGrid: true })) return { grid: decideHeaders(positioned.grid), confidence: positioned.confidence }
    // The spanned reading moved fields: it wins only when that undoes a column mixing values and labels
    // (the paste lost or added a slot), not merely because some column mixes them (a footnote mark, a code).
    if (spanned.grid.cols !== plain.cols || columnMixing(spanned.grid) >= columnMixing(plain) || spanned.confidence < TRUSTED) {
      return { grid: plain, confidence: Math.max(spanned.confidence, 0.9) }
    }
    return spanned
  }
  if (spanned.confidence < TRUSTED) return { grid: plain, confidence: spanned.confidence }
  const positioned = exactPositions(table, plain)
  if (positioned) return positioned
  return spanned
}

/**
 * Tab fields whose positions hold (every row with values has all
 * the fields, and every body column is of one kind): the rows disagree only
 * because head rows end early or leave slots empty under a merged cell. Read
 * it as the spaces layout reads columns: a head cell spans right to the next
 * cell and down while nothing starts under it.
 */
function exactPositions(table: RawTable, plain: Grid<string>): Inferred | null {
  if (table.layout !== 'tab-row') return null
  const rows = table.rows.filter((r) => r.cells.length > 0)
  const width = Math.max(...rows.map((r) => r.slots ?? 0))
  const withValues = rows.filter((r) => r.cells.some((c) => cellKind(c.text) === 'value'))
  if (width < 2 || withValues.length === 0 || withValues.some((r) => r.slots !== width)) return null
  if (!columnsConsistent(plain)) return null
  const located: RawTable = {
    layout: 'spaces',
    columns: width,
    rows: rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, columns: [c.hint ?? 0, (c.hint ?? 0) + 1] as [number, number] })) }))
  }
  return inferPositioned(located)
}

function inferSpanned(table: RawTable): Inferred {
  const rows = prepareRows(table)
  if (rows.length === 0) return { grid: { rows: 0, cols: 0, headerRows: 0, cells: [] }, confidence: 0 }
  const hasValues = rows.some((r) => r.type === 'data' && r.items.some((i) => i.kind === 'value'))
  let headEnd = rows.findIndex((r) => r.type === 'data')
  if (!hasValues) headEnd = rows.length > 1 ? 1 : 0
  if (headEnd === -1) headEnd = rows.length
  // A GFM delimiter row marks the head only where values cannot (it always follows the first row).
  if (table.headRows !== undefined && !hasValues) headEnd = Math.min(table.headRows, rows.length)

  const bodyLabels = rows.slice(headEnd).filter((r) => r.type === 'data').map((r) => splitRow(r, hasValues).labels)
  const depths = familyDepths(bodyLabels)
  const shape = measure(table, rows, headEnd, hasValues, depths)
  const placed: Placed[] = []
  let mainLeaves = placeHead(rows, headEnd, shape, placed)
  // A head with more leaves than value columns widens the table.
  const headWidth = mainLeaves.reduce((s, l) => Math.max(s, l.col + l.width), 0)
  if (headWidth > shape.C) {
    shape.V += headWidth - shape.C
    shape.C = headWidth
  }
  if (mainLeaves.length === 0 && shape.V > 0) mainLeaves = Array.from({ length: shape.V }, (_, i) => ({ col: shape.L + i, width: 1 }))

  let governing = mainLeaves
  let segment: LabelRow[] = []
  const flush = () => {
    placed.push(...placeLabels(segment, shape.L, depths))
    segment = []
  }
  for (let r = headEnd; r < rows.length; r++) {
    const row = rows[r]
    if (row.type === 'section') {
      flush()
      placed.push({ row: r, col: 0, rowSpan: 1, colSpan: shape.C, text: row.items[0].text, header: true })
      governing = mainLeaves
      continue
    }
    if (row.type === 'header') {
      flush()
      governing = placeSubHeader(r, row.items, shape, placed)
      continue
    }
    const { labels, values } = splitRow(row, hasValues)
    segment.push({ row: r, labels })
    placeValues(r, values, governing, shape, placed)
  }
  flush()

  const fillers = placed.filter((p) => p.filler).length
  const cells = placed.map((p) => ({ row: p.row, col: p.col, rowSpan: p.rowSpan, colSpan: p.colSpan, header: p.header, content: p.text }))
  // A text-only table has no values for its cells to label: only its head row is a header.
  if (!hasValues) for (const cell of cells) if (cell.row >= headEnd && cell.colSpan < shape.C) cell.header = false
  const { grid, fixes } = normalizeGrid({ rows: rows.length, cols: shape.C, headerRows: headEnd, cells }, () => '')
  const confidence = Math.max(0.05, Math.min(1, 1 - 0.04 * fillers - 0.1 * (fixes.overlaps + fixes.clamped) - 0.02 * fixes.padded))
  return { grid, confidence }
}
