/**
 * Pipe layouts.
 *
 * pipe-row: one row per line, each cell followed by ` | `; slots covered by a
 * merged cell are omitted and the row is padded with bare `|` so every row
 * has as many pipes as the grid has columns:
 *
 *     第二十条第(一)项 | |||          → 1 cell, 4 slots
 *     (二)部分公开 | 0 | … | 0 | ||   → 8 cells, 10 slots
 *
 * pipe-cell: the same rows with one cell per line; the row's padding pipes
 * end its last cell's line, so rows are recovered by counting pipes.
 */
import { cellKind } from '../cell-kind.js'
import type { RawCell, RawRow } from '../raw.js'
import { occurrences } from '../../text/occurrences.js'

const PIPE = 0x7c

/** A pipe-row line's fields, `\|` kept inside its cell, and how many slots its pipes make. */
function pipeFields(line: string): { fields: string[]; slots: number } {
  const trimmed = line.trim()
  // `\|` is a pipe inside a cell (a command-line option, a timetable's "passes"), not a separator.
  const parts = trimmed.includes('\\|') ? trimmed.split(/(?<!\\)\|/).map((f) => f.replace(/\\\|/g, '|')) : trimmed.split('|')
  const endsWithPipe = trimmed.endsWith('|') && !trimmed.endsWith('\\|')
  // n pipes make n + 1 parts; a closing pipe ends the last slot rather than opening one.
  return { fields: endsWithPipe ? parts.slice(0, -1) : parts, slots: endsWithPipe ? parts.length - 1 : parts.length }
}

/**
 * The last field that is a cell when trailing blanks are padding: trailing
 * empty fields are padding, except an empty cell written as ` | ` after the
 * previous cell's ` | ` (two spaces between pipes): padding pipes are bare (`| ||`).
 */
function lastCell(fields: string[]): number {
  let last = fields.length - 1
  while (last >= 0 && fields[last].trim() === '') last--
  while (last + 1 < fields.length && fields[last + 1].length >= 2 && fields[last + 1].trim() === '') last++
  return last
}

/**
 * Empty cells typed by hand (`✓ | | | |`, `Ladder | | | ✓ |`): a blank field of
 * one space inside the row, or spaces between padding pipes after the first.
 * The layout as a program writes it puts an empty cell as two spaces between
 * pipes, and pads with bare pipes after the one space that follows the last
 * cell's pipe (`cell | |||`).
 */
function typesEmptyCells(fields: string[]): boolean {
  const last = lastCell(fields)
  return fields.some((f, i) => (i <= last && f === ' ') || (i > last + 1 && f.length > 0))
}

/** Fields of a pipe-row line: cells with interior empties kept, padding dropped (kept too with `allEmpties`). */
export function pipeRowCells(line: string, allEmpties = false): { cells: RawCell[]; slots: number } {
  const { fields, slots } = pipeFields(line)
  const last = allEmpties ? fields.length - 1 : lastCell(fields)
  const cells: RawCell[] = []
  // Covered slots are omitted in this layout, so field positions are not slot positions: no hints.
  for (let i = 0; i <= last; i++) cells.push({ text: fields[i].trim() })
  return { cells, slots }
}

export function parsePipeRows(lines: string[], first: number): RawRow[] {
  const rows: RawRow[] = []
  let carry = ''
  // A table whose empty cells are typed by hand has no padding: every blank field is a cell.
  const allEmpties = lines.some((line) => line.includes('|') && typesEmptyCells(pipeFields(line).fields))
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    if (!line.includes('|')) {
      // A cell wrapped onto its own line: it continues into the next row's first cell.
      carry = carry ? `${carry} ${line.trim()}` : line.trim()
      return
    }
    const { cells, slots } = pipeRowCells(line, allEmpties)
    if (carry) {
      if (cells.length > 0) cells[0] = { ...cells[0], text: `${carry} ${cells[0].text}`.trim() }
      else cells.push({ text: carry })
      carry = ''
    }
    rows.push({ cells, slots, line: first + i })
  })
  if (carry && rows.length > 0) {
    const last = rows[rows.length - 1]
    last.cells.push({ text: carry })
  }
  return rows
}

interface Entry {
  text: string
  pads: number
  line: number
}

/** One entry per line: the cell text (possibly empty) and its padding pipes. */
function pipeCellEntries(lines: string[], first: number): Entry[] {
  const entries: Entry[] = []
  lines.forEach((line, i) => {
    const t = line.trim()
    if (t === '') return
    const pipes = occurrences(t, PIPE)
    if (pipes === 0) {
      // Wrapped cell text: belongs to the cell whose line follows.
      entries.push({ text: t, pads: -1, line: first + i })
      return
    }
    const text = t.slice(0, t.indexOf('|')).trim()
    if (text === '') entries.push({ text: '', pads: pipes, line: first + i })
    else entries.push({ text, pads: pipes - 1, line: first + i })
  })
  // Join wrapped lines to the next cell.
  const joined: Entry[] = []
  let carry = ''
  for (const e of entries) {
    if (e.pads === -1) {
      carry = carry ? `${carry} ${e.text}` : e.text
      continue
    }
    joined.push(carry ? { ...e, text: `${carry} ${e.text}`.trim() } : e)
    carry = ''
  }
  if (carry) joined.push({ text: carry, pads: 0, line: entries[entries.length - 1].line })
  return joined
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/**
 * The column count. A group of lines ending in padding holds some full rows
 * and one padded row, so every group's pipe total is a multiple of it: take
 * the greatest common divisor of the totals (the most common total if they
 * disagree).
 */
function pipeCellColumns(entries: Entry[]): number | null {
  const totals: number[] = []
  let total = 0
  for (const e of entries) {
    total += (e.text === '' && e.pads > 0 ? 0 : 1) + e.pads
    if (e.pads > 0) {
      totals.push(total)
      total = 0
    }
  }
  if (totals.length === 0) return null
  const divisor = totals.reduce(gcd)
  if (divisor >= 2) return divisor
  const counts = new Map<number, number>()
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
}

/**
 * Without any padding (no merged cells) nothing marks where rows end: take
 * the row length at which the cells fall into the most regular rows — a
 * head of labels, then data rows that all start with the same number of
 * labels before their values.
 */
export function columnsFromKinds(texts: string[]): number {
  const kinds = texts.map((t) => (cellKind(t) === 'value' ? 'v' : 'l'))
  let best = { columns: texts.length, score: -Infinity }
  for (let c = 2; c <= Math.min(30, texts.length); c++) {
    const rows: string[][] = []
    for (let i = 0; i < kinds.length; i += c) rows.push(kinds.slice(i, i + c))
    const head = rows.findIndex((r) => r.includes('v'))
    if (head === -1) continue
    const data = rows.slice(head)
    const shapes = data.map((r) => `${r.indexOf('v')}:${r.lastIndexOf('l') < r.indexOf('v') ? 'ok' : 'mixed'}`)
    const common = shapes.filter((x) => x === shapes[0]).length / shapes.length
    let score = 3 * common - Math.abs(head - 1) - (texts.length % c === 0 ? 0 : 1.5) - (data.length === 1 && head === 0 ? 1 : 0)
    if (shapes[0].endsWith('mixed')) score -= 2
    if (score > best.score) best = { columns: c, score }
  }
  return best.columns
}

export function parsePipeCells(lines: string[], first: number): { rows: RawRow[]; columns: number | null } {
  const entries = pipeCellEntries(lines, first)
  const columns = pipeCellColumns(entries) ?? (entries.length > 1 ? columnsFromKinds(entries.map((e) => e.text)) : null)
  const rows: RawRow[] = []
  let current: RawRow | null = null
  let used = 0
  const flush = () => {
    if (current) rows.push(current)
    current = null
    used = 0
  }
  for (const e of entries) {
    if (!current) current = { cells: [], slots: columns ?? undefined, line: e.line } as RawRow
    if (e.text !== '' || e.pads === 0) {
      current.cells.push({ text: e.text })
      used++
    }
    used += e.pads
    // A full row has no padding: it ends when it has filled every column.
    if (e.pads > 0 || (columns !== null && used >= columns)) flush()
  }
  flush()
  for (const row of rows) if (row.slots === undefined) delete row.slots
  return { rows, columns }
}
