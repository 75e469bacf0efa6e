/**
 * Scoring extracted tables against ground truth the way the ICDAR 2013 table
 * competition does: by adjacency relations. Each non-empty cell is related
 * to its nearest non-empty neighbour to the right and below; precision and
 * recall count the relations two tables share (text compared without
 * whitespace or case).
 */
import { readFileSync } from 'node:fs'
import type { Table } from 'mdast'
import { toString } from 'mdast-util-to-string'

export interface ScoredCell {
  r1: number
  c1: number
  r2: number
  c2: number
  text: string
}

const normal = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase()

/** Adjacency relations of a table, as a multiset of strings. */
export function relations(cells: readonly ScoredCell[]): string[] {
  const filled = cells.map((c) => ({ ...c, text: normal(c.text) })).filter((c) => c.text)
  const out: string[] = []
  for (const cell of filled) {
    const right = filled
      .filter((o) => o.c1 > cell.c2 && o.r1 <= cell.r2 && o.r2 >= cell.r1)
      .sort((a, b) => a.c1 - b.c1 || a.r1 - b.r1)[0]
    const below = filled
      .filter((o) => o.r1 > cell.r2 && o.c1 <= cell.c2 && o.c2 >= cell.c1)
      .sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)[0]
    if (right) out.push(`${cell.text}→${right.text}`)
    if (below) out.push(`${cell.text}↓${below.text}`)
  }
  return out
}

/** How many relations two multisets share. */
export function shared(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const r of a) counts.set(r, (counts.get(r) ?? 0) + 1)
  let n = 0
  for (const r of b) {
    const left = counts.get(r) ?? 0
    if (left > 0) {
      n++
      counts.set(r, left - 1)
    }
  }
  return n
}

/** Origin cells of a canonical mdast table. */
export function tableCells(table: Table): ScoredCell[] {
  const cells: ScoredCell[] = []
  table.children.forEach((row, r) =>
    row.children.forEach((cell, c) => {
      if (cell.data?.covered) return
      cells.push({ r1: r, c1: c, r2: r + (cell.data?.rowSpan ?? 1) - 1, c2: c + (cell.data?.colSpan ?? 1) - 1, text: toString(cell) })
    })
  )
  return cells
}

/** A CSV file (RFC 4180 quoting) as rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

export function csvCells(path: string): ScoredCell[] {
  return parseCsv(readFileSync(path, 'utf8')).flatMap((row, r) => row.map((text, c) => ({ r1: r, c1: c, r2: r, c2: c, text })))
}

export interface GroundTruthTable {
  id: string
  /** 1-based page. */
  page: number
  cells: ScoredCell[]
}

const attr = (tag: string, name: string) => new RegExp(`${name}=(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined)

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&')

/**
 * An ICDAR 2013 `*-str.xml` structure file, one entry per table region (a
 * table continued over a page has a region on each page, scored apiece).
 */
export function icdarTables(path: string): GroundTruthTable[] {
  const xml = readFileSync(path, 'utf8')
  const tables: GroundTruthTable[] = []
  for (const t of xml.matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/g)) {
    const id = attr(t[1], 'id') ?? String(tables.length + 1)
    for (const region of t[2].matchAll(/<region\b([^>]*)>([\s\S]*?)<\/region>/g)) {
      const cells: ScoredCell[] = []
      for (const cell of region[2].matchAll(/<cell\b([^>]*)>([\s\S]*?)<\/cell>/g)) {
        const r1 = Number(attr(cell[1], 'start-row'))
        const c1 = Number(attr(cell[1], 'start-col'))
        const r2 = Number(attr(cell[1], 'end-row') ?? r1)
        const c2 = Number(attr(cell[1], 'end-col') ?? c1)
        cells.push({ r1, c1, r2, c2, text: unescapeXml(/<content>([\s\S]*?)<\/content>/.exec(cell[2])?.[1] ?? '') })
      }
      tables.push({ id: `${id}.${attr(region[1], 'id') ?? '1'}`, page: Number(attr(region[1], 'page')), cells })
    }
  }
  return tables
}

export interface Score {
  truth: number
  found: number
  matched: number
}

/** All the cells of several tables, as one bag (each table keeps its own relations). */
export function pooled(tables: readonly ScoredCell[][]): string[] {
  return tables.flatMap(relations)
}

/** A ground-truth table (which may cover several of ours) against all relations found. */
export function poolMatch(truth: readonly ScoredCell[], found: readonly string[]): Score {
  const gt = relations(truth)
  return { truth: gt.length, found: found.length, matched: shared(gt, found) }
}

/** The best-matching candidate for a ground-truth table, by shared relations. */
export function bestMatch(truth: readonly ScoredCell[], candidates: readonly ScoredCell[][]): Score {
  const gt = relations(truth)
  let best: Score = { truth: gt.length, found: 0, matched: 0 }
  for (const cells of candidates) {
    const ours = relations(cells)
    const matched = shared(gt, ours)
    if (matched > best.matched) best = { truth: gt.length, found: ours.length, matched }
  }
  return best
}

export const precision = (s: Score) => (s.found === 0 ? 0 : s.matched / s.found)
export const recall = (s: Score) => (s.truth === 0 ? 0 : s.matched / s.truth)
export const f1 = (s: Score) => {
  const p = precision(s)
  const r = recall(s)
  return p + r === 0 ? 0 : (2 * p * r) / (p + r)
}

/**
 * Expected cells in place: a non-empty expected cell is in place when one
 * of the tables found holds the same text at the same row and column, once
 * that table is laid over the expected one at the offset where most cells
 * agree (a table found may start a row or a column later, or be one of
 * several tables an expected CSV stacks). `truth` counts the non-empty
 * expected cells, `matched` those in place.
 */
export function cellsInPlace(truth: readonly ScoredCell[], candidates: readonly ScoredCell[][]): { truth: number; matched: number } {
  const expected = truth.map((c) => ({ ...c, text: normal(c.text) })).filter((c) => c.text)
  const placed = new Set<number>()
  for (const cells of candidates) {
    const at = new Map<string, string>()
    for (const c of cells) at.set(`${c.r1},${c.c1}`, normal(c.text))
    const byText = new Map<string, ScoredCell[]>()
    for (const c of cells) {
      const t = normal(c.text)
      if (t) byText.set(t, [...(byText.get(t) ?? []), c])
    }
    // Offsets proposed by cells with the same text; the one most cells agree on wins.
    const votes = new Map<string, number>()
    for (const e of expected) for (const f of byText.get(e.text) ?? []) votes.set(`${f.r1 - e.r1},${f.c1 - e.c1}`, (votes.get(`${f.r1 - e.r1},${f.c1 - e.c1}`) ?? 0) + 1)
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]
    if (!best) continue
    const [dr, dc] = best[0].split(',').map(Number)
    expected.forEach((e, i) => {
      if (at.get(`${e.r1 + dr},${e.c1 + dc}`) === e.text) placed.add(i)
    })
  }
  return { truth: expected.length, matched: placed.size }
}

interface DoclingCell {
  start_row_offset_idx: number
  end_row_offset_idx: number
  start_col_offset_idx: number
  end_col_offset_idx: number
  text: string
}

/**
 * The tables of a docling ground-truth document (`groundtruth/*.json`,
 * DoclingDocument): each table's cells with their row and column spans
 * (end offsets exclusive), and the 1-based page it is on.
 */
export function doclingTables(path: string): GroundTruthTable[] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as {
    tables?: { self_ref: string; prov?: { page_no: number }[]; data: { table_cells: DoclingCell[] } }[]
  }
  return (doc.tables ?? []).map((t) => ({
    id: t.self_ref,
    page: t.prov?.[0]?.page_no ?? 1,
    cells: t.data.table_cells.map((c) => ({ r1: c.start_row_offset_idx, c1: c.start_col_offset_idx, r2: c.end_row_offset_idx - 1, c2: c.end_col_offset_idx - 1, text: c.text })),
  }))
}
