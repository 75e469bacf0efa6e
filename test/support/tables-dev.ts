/**
 * The real-table development set (test/tables-dev/*.json) and its scoring:
 * every gold table is mangled into each of the six layouts, read by
 * docmend's text reader as a user's paste is (readDocument, from text, all
 * transforms), and compared with the gold; a naive split of the same lines
 * (one row per line, one cell per delimited field, first row the head, no
 * inference) is scored beside it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { readDocument } from '../../src/convert.js'
import { tableToGrid } from '../../src/ast/table.js'
import { normalizeCellText } from '../../src/tables/cell-kind.js'
import { LAYOUTS, type MangledLayout, mangle } from './manglers.js'
import { headerPaths } from './repair-score.js'
import { teds } from './teds.js'
import type { TruthCell, TruthTable } from './table-generator.js'

export const DEV_DIR = join(import.meta.dirname, '..', 'tables-dev')

export interface GoldCell {
  text: string
  rowSpan?: number
  colSpan?: number
  header?: boolean
}

export interface GoldTable {
  id: string
  source: string
  domain: string
  language: 'en' | 'zh'
  split: 'dev' | 'held-out'
  headerRows: number
  cols: number
  rows: GoldCell[][]
}

export function loadDevSet(dir = DEV_DIR): GoldTable[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { tables: GoldTable[] }).tables)
}

/** Why a gold table is not a valid grid (rectangular, spans inside it, no overlaps), or null. */
export function gridProblem(t: GoldTable): string | null {
  const taken: boolean[][] = t.rows.map(() => [])
  for (let r = 0; r < t.rows.length; r++) {
    let c = 0
    for (const cell of t.rows[r]) {
      while (taken[r][c]) c++
      const rs = cell.rowSpan ?? 1
      const cs = cell.colSpan ?? 1
      if (!(Number.isInteger(rs) && Number.isInteger(cs) && rs >= 1 && cs >= 1)) return `row ${r}: bad span`
      if (r + rs > t.rows.length) return `row ${r}: a rowSpan runs past the table`
      if (c + cs > t.cols) return `row ${r}: a cell runs past column ${t.cols}`
      for (let y = r; y < r + rs; y++) for (let x = c; x < c + cs; x++) {
        if (taken[y][x]) return `row ${y}, column ${x}: two cells overlap`
        taken[y][x] = true
      }
      c += cs
    }
  }
  for (let r = 0; r < t.rows.length; r++) for (let c = 0; c < t.cols; c++) if (!taken[r][c]) return `row ${r}, column ${c}: no cell (not rectangular)`
  if (!(t.headerRows >= 0 && t.headerRows < t.rows.length)) return 'headerRows out of range'
  return null
}

/** The gold table as the manglers' truth: cells with positions. */
export function toTruth(t: GoldTable): TruthTable {
  const taken: boolean[][] = t.rows.map(() => [])
  const cells: TruthCell[] = []
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

export interface ScoredGrid {
  rows: number
  cols: number
  headerRows: number
  cells: TruthCell[]
}

/** docmend's reading of the pasted lines: the tables in the document tree, as grids. */
export async function docmendTables(lines: string[]): Promise<ScoredGrid[]> {
  const { doc } = await readDocument(lines.join('\n'), { from: 'text' })
  const tables: Table[] = []
  visit(doc.tree as Root, 'table', (node: Table) => {
    tables.push(node)
  })
  return tables.map((table) => {
    const { grid } = tableToGrid(table)
    return {
      rows: grid.rows,
      cols: grid.cols,
      headerRows: grid.headerRows,
      cells: grid.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, header: c.header, text: normalizeCellText(toString({ type: 'tableCell', children: c.content } as never)) }))
    }
  })
}

const DELIMITER: Record<MangledLayout, RegExp> = {
  'pipe-row': /\|/,
  'pipe-cell': /\|/,
  'tab-row': /\t/,
  'tab-cell': /\t/,
  spaces: / {2,}/,
  'broken-gfm': /\|/
}

/** The baseline: one row per non-blank line, one cell per field on the layout's delimiter, first row the head. */
export function naiveSplit(lines: string[], layout: MangledLayout): ScoredGrid {
  const rows = lines
    .filter((l) => l.trim() !== '' && !(layout === 'broken-gfm' && /^\|?[\s:|-]*-[\s:|-]*$/.test(l)))
    .map((line) => {
      let body = line
      if (layout === 'spaces') body = body.trim()
      if (DELIMITER[layout].source === '\\|') body = body.trim().replace(/^\|/, '').replace(/\|$/, '')
      return body.split(DELIMITER[layout]).map((f) => normalizeCellText(f))
    })
  const cols = Math.max(0, ...rows.map((r) => r.length))
  const cells: TruthCell[] = []
  rows.forEach((fields, r) => {
    for (let c = 0; c < cols; c++) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: fields[c] ?? '', header: r === 0 })
  })
  return { rows: rows.length, cols, headerRows: rows.length > 0 ? 1 : 0, cells }
}

export interface Score {
  teds: number
  /** Share of the gold's values read under their true headers (column path and row labels). */
  underHeaders: number
  /** Same grid, same spans, same header rows, same cell texts. */
  exact: boolean
  /** Exactly one table read where one was pasted. */
  found: boolean
}

const norm = (cells: TruthCell[]) => cells.map((c) => ({ ...c, text: normalizeCellText(c.text) }))

export function scoreGrid(got: ScoredGrid | undefined, truth: TruthTable, tableCount = got ? 1 : 0): Score {
  if (!got) return { teds: 0, underHeaders: 0, exact: false, found: false }
  const gold = norm(truth.cells)
  // Clamped at 0: with spans in both trees the edit distance can exceed the larger tree.
  const t = Math.max(0, teds({ rows: got.rows, headerRows: got.headerRows, cells: got.cells }, { rows: truth.rows, headerRows: truth.headerRows, cells: gold }))
  const same = valuesUnderHeaders(gold, truth, got)
  const key = (c: TruthCell) => `${c.row},${c.col},${c.rowSpan},${c.colSpan},${c.text}`
  const exact = got.rows === truth.rows && got.cols === truth.cols && got.headerRows === truth.headerRows && got.cells.length === gold.length && [...got.cells].sort((a, b) => a.row - b.row || a.col - b.col).every((c, i) => key(c) === key([...gold].sort((a, b) => a.row - b.row || a.col - b.col)[i]))
  return { teds: t, underHeaders: same, exact, found: tableCount === 1 }
}

/** Every non-empty cell in reading order, with its header path ('' for a header cell itself). */
function pathsInOrder(cells: TruthCell[], rows: number, cols: number, headerRows: number): { text: string; header: boolean; path: string }[] {
  const ordered = [...cells].filter((c) => c.text !== '').sort((a, b) => a.row - b.row || a.col - b.col)
  const values = headerPaths(ordered, rows, cols, headerRows)
  let v = 0
  return ordered.map((c) => ({ text: c.text, header: c.header, path: c.header ? '' : values[v++] }))
}

/**
 * The share of the gold's values that docmend reads as values with the same
 * header path. Values are paired by text in reading order (a forward search,
 * so one lost or merged cell does not shift every pair after it).
 */
function valuesUnderHeaders(gold: TruthCell[], truth: TruthTable, got: ScoredGrid): number {
  const want = pathsInOrder(gold, truth.rows, truth.cols, truth.headerRows)
  const have = pathsInOrder(got.cells, got.rows, got.cols, got.headerRows)
  const values = want.filter((w) => !w.header)
  if (values.length === 0) return 1
  let j = 0
  let same = 0
  for (const w of want) {
    let k = j
    while (k < have.length && k < j + 64 && have[k].text !== w.text) k++
    if (k >= have.length || have[k].text !== w.text) continue
    if (!w.header && !have[k].header && have[k].path === w.path) same++
    j = k + 1
  }
  return same / values.length
}

export interface Result {
  table: GoldTable
  layout: MangledLayout
  docmend: Score
  naive: Score
}

/** One gold table in one layout, scored for docmend and the naive split. */
export async function scoreTable(table: GoldTable, layout: MangledLayout, seed = 1): Promise<Result> {
  const truth = toTruth(table)
  const lines = mangle(truth, layout, seed)
  const read = await docmendTables(lines)
  return { table, layout, docmend: scoreGrid(read[0], truth, read.length), naive: scoreGrid(naiveSplit(lines, layout), truth) }
}

/** A stable hash of the table id: the seed for its mangling noise and for sampling. */
export function idSeed(id: string): number {
  let h = 2166136261
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return h || 1
}

export async function scoreAll(tables: GoldTable[]): Promise<Result[]> {
  const out: Result[] = []
  for (const table of tables) for (const layout of LAYOUTS) out.push(await scoreTable(table, layout, idSeed(table.id)))
  return out
}

interface Totals {
  n: number
  teds: number
  under: number
  exact: number
}

function add(into: Totals, s: Score) {
  into.n++
  into.teds += s.teds
  into.under += s.underHeaders
  into.exact += s.exact ? 1 : 0
}

export interface Row {
  key: string
  tables: number
  docmend: Totals
  naive: Totals
}

export function summarize(results: Result[], by: (r: Result) => string): Row[] {
  const rows = new Map<string, Row>()
  for (const r of results) {
    const key = by(r)
    const row = rows.get(key) ?? { key, tables: 0, docmend: { n: 0, teds: 0, under: 0, exact: 0 }, naive: { n: 0, teds: 0, under: 0, exact: 0 } }
    add(row.docmend, r.docmend)
    add(row.naive, r.naive)
    rows.set(key, row)
  }
  return [...rows.values()]
}

const f2 = (x: number) => x.toFixed(2)

function markdown(title: string, rows: Row[]): string {
  const lines = [
    `| ${title} | cases | TEDS docmend | TEDS naive | under headers docmend | under headers naive | exact docmend | exact naive |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const r of rows) {
    const d = r.docmend
    const n = r.naive
    lines.push(`| ${r.key} | ${d.n} | ${f2(d.teds / d.n)} | ${f2(n.teds / n.n)} | ${f2(d.under / d.n)} | ${f2(n.under / n.n)} | ${d.exact} | ${n.exact} |`)
  }
  return lines.join('\n')
}

/** The report: per layout, per split, per source, per language. */
export function report(results: Result[]): string {
  const tables = new Set(results.map((r) => r.table.id))
  const sources = new Set(results.map((r) => r.table.source))
  const heldOut = [...new Set(results.filter((r) => r.table.split === 'held-out').map((r) => r.table.source))].sort()
  const all = summarize(results, () => 'all')
  return [
    `${tables.size} real tables from ${sources.size} sources × ${LAYOUTS.length} layouts = ${results.length} cases. Held out (never tuned on): ${heldOut.join(', ')}.`,
    '',
    markdown('layout', [...summarize(results, (r) => r.layout), ...all]),
    '',
    markdown('split', summarize(results, (r) => r.table.split).sort((a, b) => a.key.localeCompare(b.key))),
    '',
    markdown('source', summarize(results, (r) => `${r.table.source}${r.table.split === 'held-out' ? ' (held out)' : ''}`).sort((a, b) => a.key.localeCompare(b.key))),
    '',
    markdown('language', summarize(results, (r) => r.table.language).sort((a, b) => a.key.localeCompare(b.key)))
  ].join('\n')
}
