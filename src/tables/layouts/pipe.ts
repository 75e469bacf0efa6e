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
  /** False for a line of padding pipes alone. */
  cell: boolean
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
      entries.push({ text: t, pads: -1, line: first + i, cell: true })
      return
    }
    const pieces = t.split('|').map((p) => p.trim())
    const text = pieces.filter((p) => p !== '').join(' ')
    if (pieces[0] === '' && text !== '') {
      // A pipe before the text opens its cell (`| foo |`): the closing pipe ends it, the rest pad.
      entries.push({ text, pads: Math.max(0, pipes - 2), line: first + i, cell: true })
      return
    }
    // An empty cell is its pipe alone (` |`, or ` | ||` before padding); bare pipes (`||||`) are a row's padding that lost its cell's line.
    const emptyCell = text === '' && (t === '|' || /^\|\s/u.test(t))
    if (text === '' && !emptyCell) entries.push({ text: '', pads: pipes, line: first + i, cell: false })
    else entries.push({ text, pads: pipes - 1, line: first + i, cell: true })
  })
  // Join wrapped lines to the next cell.
  const joined: Entry[] = []
  let carry = ''
  for (const e of entries) {
    if (e.pads === -1) {
      carry = carry ? `${carry} ${e.text}` : e.text
      continue
    }
    joined.push(carry ? { ...e, text: `${carry} ${e.text}`.trim(), cell: true } : e)
    carry = ''
  }
  if (carry) joined.push({ text: carry, pads: 0, line: entries[entries.length - 1].line, cell: true })
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
    total += (e.cell ? 1 : 0) + e.pads
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

/** What a cell looks like, on three scales: its kind, its length (log2 bucket), its word count (bucket). */
type Look = [kind: string, length: number, words: number]

/** How a cell looks; empty cells say nothing. */
function looks(text: string): Look | null {
  if (text === '') return null
  const kind = cellKind(text) === 'value' ? 'value' : /[\p{L}\p{N}]/u.test(text) ? 'label' : 'symbol'
  const words = text.split(/\s+/u).length
  return [kind, Math.min(4, Math.floor(Math.log2(Array.from(text).length))), words === 1 ? 1 : words <= 3 ? 2 : 3]
}

/**
 * How alike a column's non-empty cells are: the share of their pairs that
 * agree, averaged over the three scales, kind counting twice. Pairs, not the majority's share,
 * because a pair's chance of agreeing does not grow as the column gets
 * shorter: two cells agree by chance far more often than six do.
 */
function alike(column: (Look | null)[]): number | null {
  const seen = column.filter((l): l is Look => l !== null)
  if (seen.length < 2) return null
  let sum = 0
  for (const scale of [0, 0, 1, 2]) {
    const counts = new Map<string | number, number>()
    for (const l of seen) counts.set(l[scale], (counts.get(l[scale]) ?? 0) + 1)
    let pairs = 0
    for (const n of counts.values()) pairs += n * (n - 1)
    sum += pairs / (seen.length * (seen.length - 1))
  }
  return sum / 4
}

/**
 * Without any padding (no merged cells) nothing marks where rows end, but
 * rows are full: the column count divides the cell count (else one row is
 * short, which costs SHORT_ROW_PENALTY). Take the
 * divisor under which the body's columns are most alike (values under
 * values, short codes under short codes, sentences under sentences), the
 * first row being the head; with no evidence between two, the one with
 * more rows (a table of two rows is rarer than one of two columns).
 */
export function columnsFromKinds(texts: string[]): number {
  const looked = texts.map(looks)
  const anyValue = looked.some((l) => l?.[0] === 'value')
  const scores = new Map<number, number>()
  for (let c = 2; c <= Math.min(30, Math.floor(texts.length / 2)); c++) {
    const rows = Math.ceil(texts.length / c)
    // The head: the rows above the first that holds a value (one row in a table without values).
    let head = 1
    if (anyValue) {
      head = 0
      while (head < rows && !looked.slice(head * c, head * c + c).some((l) => l?.[0] === 'value')) head++
    }
    // Columns against the body as a whole: how much more alike a column is than cells picked at random.
    const chance = alike(looked.slice(head * c)) ?? 1
    let score = 0
    let counted = 0
    for (let col = 0; col < c; col++) {
      const column: (Look | null)[] = []
      for (let r = head; r < rows && r * c + col < texts.length; r++) column.push(looked[r * c + col])
      const a = alike(column)
      if (a === null) continue
      score += a - chance
      counted++
    }
    score = (counted ? score / counted : 0) - HEAD_PENALTY * Math.abs(head - 1)
    // A body of one row shows nothing about its columns: no better than chance when it holds the values under a head of labels, worse when nothing tells head from body.
    if (rows - head < 2 && !anyValue) score -= 0.25
    // A row short of cells (one lost, or a table cut short) is possible, but every row full is the rule.
    if (texts.length % c !== 0) score -= SHORT_ROW_PENALTY
    scores.set(c, score)
  }
  if (scores.size === 0) return texts.length
  const [columns, top] = [...scores.entries()].reduce((a, b) => (b[1] > a[1] + 1e-9 ? b : a))
  // A table folded twice over (four columns of a two-column table) looks as regular as the table: take the fold's period when it does nearly as well.
  for (const [c, score] of scores) if (c < columns && columns % c === 0 && score >= top - FOLD_MARGIN) return c
  return columns
}
const FOLD_MARGIN = 0.05
const SHORT_ROW_PENALTY = 0.5
// With no merged cells (no padding) a head of several rows is rare: it must earn its rows.
const HEAD_PENALTY = 0.3

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
    if (e.cell) {
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
