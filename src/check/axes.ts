/**
 * The two axes of a table as trees, read from its grid: rows grouped by
 * row-spanning labels, columns grouped by column-spanning headers.
 *
 *   ┌──────────┬──────────────┬────────────────────────┬──────┐
 *   │          │ 自然人        │ 法人或其他组织 (colSpan 5) │ 总计 │  ← column tree: 申请人情况
 *   │          │              ├─────┬─────┬ … ─────────┤      │     ├ 自然人
 *   ├──────────┼──────────────┼─────┴─────┴────────────┴──────┤     ├ 法人或其他组织 ├ 商业企业 …
 *   │ 三、本年度 │ (一)予以公开   │ numbers …                      │     └ 总计
 *   │ 办理结果   │ (三)不予公开 ┬ 1.属于国家秘密 …                 │  ← row tree: 三、本年度办理结果
 *   │ (rowSpan) │ (rowSpan 8)  └ 8.属于行政查询事项               │     ├ (一)予以公开
 *   │          │ (七)总计      │                                │     ├ (三)不予公开 ├ 1. … 8.
 *   └──────────┴──────────────┴────────────────────────────────┘     └ (七)总计
 *
 * Label columns are the leading columns before the first numbers of most rows.
 * In a table without merged cells (GFM), an empty label cell with a label to
 * its right means "same as above", and an empty head cell with a header under
 * it means "same as the header to its left": spans flattened. Pure.
 */
import { toString } from 'mdast-util-to-string'
import type { CellContent } from '../ast/table.js'
import { type Grid, ownerMatrix } from '../ast/grid.js'
import { type LabelClass, classifyLabel } from './labels.js'
import { type CellValue, cellValue, isBareYear, usesDecimalComma } from '../tables/cell-type.js'
import { leadingLabelRows } from '../tables/headers.js'

/** A node of the row or column tree. Leaves are one grid row or column. */
export interface AxisNode {
  /** Label cells (indexes into `grid.cells`) from the parent down to this node. */
  labels: number[]
  /** For leaves: the grid row (row axis) or grid column (column axis). */
  index?: number
  children: AxisNode[]
}

export type SlotValue = CellValue | { kind: 'covered' }

export interface TableAxes {
  grid: Grid<CellContent>
  /** Plain text of every origin cell, by index in `grid.cells`. */
  texts: string[]
  /** Head rows used for column headers (inferred when the table declares none). */
  headRows: number
  /** Leading label columns. */
  labelCols: number
  rows: AxisNode
  cols: AxisNode
  /** The value written in slot (row, col), `covered` when a merged cell from elsewhere sits there. */
  valueAt(row: number, col: number): SlotValue
  /** Text of the cell whose top-left slot is (row, col); '' for covered slots. */
  textAt(row: number, col: number): string
  /** How the innermost label of a node classifies (a plain item when it has none). */
  classOf(node: AxisNode): LabelClass
  /** How each of a node's labels classifies, outermost first. */
  classesOf(node: AxisNode): LabelClass[]
  /** `outer › inner` label text of a node. */
  labelOf(node: AxisNode): string
  /** Whether a body row holds any number in the value columns. */
  rowHasNumbers(row: number): boolean
}

export function cellText(content: CellContent): string {
  const flat = content.map((node) => (node.type === 'break' ? { type: 'text' as const, value: ' ' } : node))
  return toString({ type: 'paragraph', children: flat }).replace(/\s+/g, ' ').trim()
}

/** Insert a path of label keys into a trie whose siblings merge only when adjacent. */
function insertPath(root: AxisNode, path: number[], index: number): void {
  let node = root
  for (const key of path) {
    const last = node.children[node.children.length - 1]
    if (last && last.index === undefined && last.labels[0] === key) node = last
    else {
      const child: AxisNode = { labels: [key], children: [] }
      node.children.push(child)
      node = child
    }
  }
  node.children.push({ labels: [], index, children: [] })
}

/** Merge single-child chains, so a label over one row or column becomes that leaf's label. */
function collapse(node: AxisNode): AxisNode {
  const children = node.children.map(collapse)
  if (children.length === 1 && node.labels.length > 0) {
    const only = children[0]
    const merged: AxisNode = { labels: [...node.labels, ...only.labels], children: only.children }
    if (only.index !== undefined) merged.index = only.index
    return merged
  }
  return { ...node, children }
}

/** The most common value, smallest on ties. */
function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: number | undefined
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v
  return best
}

export function tableAxes(grid: Grid<CellContent>): TableAxes {
  const owner = ownerMatrix(grid)
  const texts = grid.cells.map((cell) => cellText(cell.content))
  const decimalComma = usesDecimalComma(texts)
  const values = texts.map((t) => cellValue(t, { decimalComma }))
  const isOrigin = (r: number, c: number) => grid.cells[owner[r][c]].row === r && grid.cells[owner[r][c]].col === c
  const valueAt = (r: number, c: number): SlotValue => (isOrigin(r, c) ? values[owner[r][c]] : { kind: 'covered' })
  const numberAt = (r: number, c: number) => {
    const v = valueAt(r, c)
    return v.kind === 'number' && !(c === 0 && isBareYear(texts[owner[r][c]]))
  }

  // Head rows: as declared, then leading rows of labels above data (GFM has room for one head row only).
  const rowTexts = Array.from({ length: grid.rows }, () => [] as string[])
  grid.cells.forEach((cell, i) => texts[i] && rowTexts[cell.row].push(texts[i]))
  const headRows = grid.headerRows + leadingLabelRows(rowTexts, grid.headerRows)
  // A table without merged cells may have had them flattened: an empty cell then means "same as before".
  const headFlat = !grid.cells.some((cell) => cell.row < headRows && cell.colSpan > 1)
  const labelsFlat = !grid.cells.some((cell) => cell.row >= headRows && cell.rowSpan > 1)

  const headerBelow = (h: number, c: number) => {
    for (let k = h + 1; k < headRows; k++) if (texts[owner[k][c]]) return true
    return false
  }
  const headKeys: (number | undefined)[][] = Array.from({ length: headRows }, () => [])
  for (let h = 0; h < headRows; h++) {
    for (let c = 0; c < grid.cols; c++) {
      const o = owner[h][c]
      if (texts[o]) headKeys[h][c] = o
      // Empty beside a header, with a header under it: the header to its left spans it.
      else if (headFlat && c > 0 && headKeys[h][c - 1] !== undefined && headerBelow(h, c)) {
        headKeys[h][c] = headKeys[h][c - 1]
      }
    }
  }
  const headPath = (c: number) => {
    const path: number[] = []
    for (let h = 0; h < headRows; h++) {
      const key = headKeys[h][c]
      if (key !== undefined && path[path.length - 1] !== key) path.push(key)
    }
    return path
  }
  const headPaths = Array.from({ length: grid.cols }, (_, c) => headPath(c))
  const indexCols = headPaths.map((path) => path.length > 0 && classifyLabel(texts[path[path.length - 1]]).role === 'index')
  const isIndexCol = (c: number) => indexCols[c]

  // Label columns: before the first value of most rows (index columns and header-flagged cells are labels).
  const firstValue: number[] = []
  for (let r = headRows; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      if (isIndexCol(c) || grid.cells[owner[r][c]].header) continue
      if (numberAt(r, c)) {
        firstValue.push(c)
        break
      }
    }
  }
  const labelCols = mode(firstValue) ?? grid.cols
  const valueCols = Array.from({ length: grid.cols }, (_, c) => {
    if (c < labelCols || isIndexCol(c)) return false
    for (let r = headRows; r < grid.rows; r++) if (valueAt(r, c).kind === 'number') return true
    return false
  })
  const rowsWithNumbers = Array.from({ length: grid.rows }, (_, r) => {
    for (let c = labelCols; c < grid.cols; c++) if (valueCols[c] && valueAt(r, c).kind === 'number') return true
    return false
  })
  const rowHasNumbers = (r: number) => rowsWithNumbers[r]

  // Row tree from the label cells of each body row.
  const rows: AxisNode = { labels: [], children: [] }
  let previousKeys: (number | undefined)[] = []
  for (let r = headRows; r < grid.rows; r++) {
    const keys: (number | undefined)[] = []
    const labelSlots = Array.from({ length: Math.min(labelCols, grid.cols) }, (_, c) => c).filter((c) => !isIndexCol(c))
    labelSlots.forEach((c, k) => {
      const o = owner[r][c]
      if (texts[o]) keys[c] = o
      // Empty under a label, with a label further right: "same as above".
      else if (labelsFlat && labelSlots.slice(k + 1).some((later) => texts[owner[r][later]])) keys[c] = previousKeys[c]
    })
    const path: number[] = []
    for (const c of labelSlots) {
      const key = keys[c]
      if (key !== undefined && !path.includes(key)) path.push(key)
    }
    insertPath(rows, path, r)
    previousKeys = keys
  }

  const cols: AxisNode = { labels: [], children: [] }
  for (let c = 0; c < grid.cols; c++) if (valueCols[c]) insertPath(cols, headPaths[c], c)

  // Labels are classified once per cell: the relation search asks about the same lines many times.
  const classes = new Map<number, LabelClass>()
  const classOfCell = (index: number) => {
    let cls = classes.get(index)
    if (!cls) classes.set(index, (cls = classifyLabel(texts[index])))
    return cls
  }
  const plain = classifyLabel('')
  const classOf = (node: AxisNode) => (node.labels.length > 0 ? classOfCell(node.labels[node.labels.length - 1]) : plain)
  const labelOf = (node: AxisNode) => node.labels.map((i) => texts[i]).join(' › ')
  return {
    grid,
    texts,
    headRows,
    labelCols,
    rows: collapse(rows),
    cols: collapse(cols),
    valueAt,
    textAt: (r, c) => (isOrigin(r, c) ? texts[owner[r][c]] : ''),
    classOf,
    classesOf: (node) => node.labels.map(classOfCell),
    labelOf,
    rowHasNumbers
  }
}
