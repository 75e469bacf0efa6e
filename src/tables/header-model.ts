/**
 * Which headers speak for which data cell: the table core's one reading of
 * a table's header structure once its header cells are decided (headers.ts).
 * The HTML writer (`headers`/`id`, `scope`, row groups) and the plain-text
 * writer (linear records) ask here and decide nothing themselves.
 *
 *     ┌──────────── 申请人情况 (head) ─────────────┐   head rows: column paths
 *     │ 自然人 │ 法人或其他组织          │ 总计 │
 *     │        │ 商业企业 │ … │ 其他     │      │
 *     ├────────┴──────────┴───┴──────────┴──────┤
 *     │ 第二十条第（五）项   (section row)        │   a section row heads the rows below it
 *     │ 信息内容 │ 本年处理决定数量 (subhead row) │   a sub-head row replaces the column heads
 *     │ 行政许可 │ 0                              │   data row: leading header cells = row path
 *
 * Pure: works on any `Grid<C>`; `isBlank` tells which contents are empty.
 */
import { type Grid, ownerMatrix } from '../ast/grid.js'

/** What a row is for. */
export type RowKind = 'head' | 'section' | 'subhead' | 'data'

/** The headers of one data cell, as indices into `grid.cells`. */
export interface CellHeaders {
  /** Section titles in force: a full-width head cell or the last section row above. */
  section: number[]
  /** Column headers, outermost first (one entry per level; several cells when the value spans columns under different heads). */
  columns: number[][]
  /** Row headers covering the row's leading slots, outermost first. */
  rows: number[]
}

/** A run of body rows read under the same section and column heads. */
export interface HeaderBlock {
  /** Section title cells (indices) in force for these rows. */
  section: number[]
  /** Row indices whose cells give the column headers. */
  headRows: number[]
  /** Data rows, in order. */
  rows: number[]
}

export interface HeaderModel {
  kinds: RowKind[]
  blocks: HeaderBlock[]
  /** For every data cell (index into `grid.cells`): its headers. Worked out on first use. */
  readonly headers: Map<number, CellHeaders>
  /** Header cells covering each data row's leading slots (by row index). */
  rowPaths: Map<number, number[]>
  /** For each slot, the index of the cell covering it. */
  owner: number[][]
}

function distinct(values: number[]): number[] {
  return values.filter((v, i) => values.indexOf(v) === i)
}

/** Read a table's header structure. */
export function analyzeHeaders<C>(grid: Grid<C>, isBlank: (content: C) => boolean): HeaderModel {
  const owner = ownerMatrix(grid)
  const cellAt = (r: number, c: number) => grid.cells[owner[r][c]]
  const fullWidth = (index: number) => grid.cols > 1 && grid.cells[index].colSpan === grid.cols
  const slotsOf = (r: number) => distinct(owner[r])

  const kinds: RowKind[] = []
  for (let r = 0; r < grid.rows; r++) {
    if (r < grid.headerRows) {
      kinds.push('head')
      continue
    }
    const slots = slotsOf(r)
    const allHeaders = slots.every((i) => grid.cells[i].header)
    const originates = slots.some((i) => grid.cells[i].row === r)
    if (allHeaders && originates) kinds.push(slots.length === 1 && fullWidth(slots[0]) ? 'section' : 'subhead')
    else kinds.push('data')
  }

  // Blocks: a section row or a run of sub-head rows starts a new one.
  const headRows = Array.from({ length: grid.headerRows }, (_, r) => r)
  const headSections = distinct(headRows.flatMap(slotsOf)).filter((i) => fullWidth(i) && !isBlank(grid.cells[i].content))
  const blocks: HeaderBlock[] = [{ section: headSections, headRows, rows: [] }]
  const current = () => blocks[blocks.length - 1]
  const startBlock = (section: number[], head: number[]) => {
    if (current().rows.length === 0) Object.assign(current(), { section, headRows: head })
    else blocks.push({ section, headRows: head, rows: [] })
  }
  for (let r = grid.headerRows; r < grid.rows; r++) {
    const kind = kinds[r]
    if (kind === 'section') startBlock([owner[r][0]], current().headRows)
    else if (kind === 'subhead') {
      const continuing = kinds[r - 1] === 'subhead' && current().rows.length === 0
      startBlock(current().section, continuing ? [...current().headRows, r] : [r])
    } else if (kind === 'data') current().rows.push(r)
  }

  const rowPaths = new Map<number, number[]>()
  for (const block of blocks) {
    for (const r of block.rows) {
      // Leading slots held by header cells: the row's labels.
      const path: number[] = []
      for (let c = 0; c < grid.cols && cellAt(r, c).header; c++) path.push(owner[r][c])
      rowPaths.set(r, distinct(path).filter((i) => !isBlank(grid.cells[i].content)))
    }
  }

  // Every data cell's header lists: a few small objects per cell, so made only when a writer asks
  // (the HTML writer does for complex tables alone; a simple 1,000,000-cell table never needs them).
  const cellHeaders = (): Map<number, CellHeaders> => {
    const headers = new Map<number, CellHeaders>()
    for (const block of blocks) {
      for (const r of block.rows) {
        const rowPath = rowPaths.get(r)!
        for (const index of distinct(owner[r])) {
          const cell = grid.cells[index]
          if (cell.row !== r || cell.header) continue
          const columns: number[][] = []
          const seen = new Set<number>()
          for (const h of block.headRows) {
            const level: number[] = []
            for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
              const head = owner[h][c]
              if (seen.has(head) || fullWidth(head) || !grid.cells[head].header || isBlank(grid.cells[head].content)) continue
              seen.add(head)
              level.push(head)
            }
            if (level.length > 0) columns.push(level)
          }
          headers.set(index, { section: block.section, columns, rows: rowPath })
        }
      }
    }
    return headers
  }
  let headers: Map<number, CellHeaders> | undefined
  return {
    kinds,
    blocks,
    get headers() {
      headers ??= cellHeaders()
      return headers
    },
    rowPaths,
    owner
  }
}

/**
 * Whether a table needs explicit `headers`/`id` associations: more than one
 * head row, spanning header cells, nested row headers, or section rows.
 * Simple tables (one head row, one row-header column) are served by `scope`.
 */
export function isComplexTable<C>(grid: Grid<C>, model: HeaderModel): boolean {
  if (grid.headerRows > 1) return true
  if (model.kinds.some((k) => k === 'section' || k === 'subhead')) return true
  if (grid.cells.some((cell) => cell.header && (cell.rowSpan > 1 || cell.colSpan > 1))) return true
  return [...model.rowPaths.values()].some((path) => path.length > 1)
}
