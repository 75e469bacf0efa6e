/**
 * Flatten a true table into each of the six mangled layouts found in
 * pasted text, with the same conventions (and some of the same noise) as
 * the seed reports.
 */
import stringWidth from 'string-width'
import { rng, type TruthCell, type TruthTable } from './table-generator.js'

export const LAYOUTS = ['pipe-row', 'pipe-cell', 'tab-row', 'tab-cell', 'spaces', 'broken-gfm'] as const
export type MangledLayout = (typeof LAYOUTS)[number]

function rowsOf(t: TruthTable): TruthCell[][] {
  const rows: TruthCell[][] = Array.from({ length: t.rows }, () => [])
  for (const c of t.cells) rows[c.row].push(c)
  for (const r of rows) r.sort((a, b) => a.col - b.col)
  return rows
}

/** Which slots of each row are covered by a cell starting elsewhere. */
function origins(t: TruthTable): (TruthCell | null)[][] {
  const grid: (TruthCell | null)[][] = Array.from({ length: t.rows }, () => new Array(t.cols).fill(null))
  for (const c of t.cells) grid[c.row][c.col] = c
  return grid
}

/** A stray space inside a CJK label now and then, as CMS copies have (`商业 企业`). */
function stray(text: string, r: () => number): string {
  const chars = Array.from(text)
  if (chars.length < 4 || r() > 0.06) return text
  // Between two ideographs, where a wrapped cell line breaks (`商业 企业`).
  const places = chars.map((_, i) => i).filter((i) => i > 0 && /\p{Script=Han}/u.test(chars[i - 1]) && /\p{Script=Han}/u.test(chars[i]))
  if (places.length === 0) return text
  const at = places[Math.floor(r() * places.length)]
  return `${chars.slice(0, at).join('')} ${chars.slice(at).join('')}`
}

export function pipeRow(t: TruthTable, seed = 1): string[] {
  const r = rng(seed)
  return rowsOf(t).map((cells) => `${cells.map((c) => `${stray(c.text, r)} | `).join('')}${'|'.repeat(t.cols - cells.length)}`.trimEnd())
}

export function pipeCell(t: TruthTable, seed = 1): string[] {
  const r = rng(seed)
  const lines: string[] = []
  for (const cells of rowsOf(t)) {
    const pads = t.cols - cells.length
    cells.forEach((c, i) => {
      const last = i === cells.length - 1
      lines.push(last && pads > 0 ? `${stray(c.text, r)} | ${'|'.repeat(pads)}` : `${stray(c.text, r)} |`)
    })
  }
  return lines
}

export function tabRow(t: TruthTable, seed = 1): string[] {
  const r = rng(seed)
  return origins(t).map((slots) => {
    const fields = slots.map((c) => (c ? stray(c.text, r) : ''))
    // Noise: a label pushed into an earlier empty slot, or trailing tabs dropped.
    const firstText = fields.findIndex((f) => f !== '')
    if (firstText > 0 && r() < 0.12) {
      fields[0] = fields[firstText]
      fields[firstText] = ''
    }
    let line = fields.join('\t')
    if (r() < 0.3) line = line.replace(/\t+$/, '')
    return line
  })
}

export function tabCell(t: TruthTable, seed = 1): string[] {
  const r = rng(seed)
  const lines: string[] = []
  origins(t).forEach((slots, row) => {
    if (row > 0) lines.push('')
    for (const c of slots) {
      if (c) lines.push(`\t${stray(c.text, r)}`)
      else if (r() < 0.5) lines.push('\t')
    }
  })
  return lines
}

/** `pdftotext -layout` style: columns padded with spaces, values right-aligned. */
export function spaces(t: TruthTable): string[] {
  const gap = 3
  const widths = new Array<number>(t.cols).fill(1)
  for (const c of t.cells) if (c.colSpan === 1) widths[c.col] = Math.max(widths[c.col], stringWidth(c.text))
  for (const c of t.cells) {
    if (c.colSpan === 1) continue
    const have = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) + gap * (c.colSpan - 1)
    if (have < stringWidth(c.text)) widths[c.col + c.colSpan - 1] += stringWidth(c.text) - have
  }
  const starts: number[] = []
  let x = 0
  for (const w of widths) {
    starts.push(x)
    x += w + gap
  }
  return rowsOf(t).map((cells) => {
    let line = ''
    for (const c of cells) {
      const span = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0) + gap * (c.colSpan - 1)
      const w = stringWidth(c.text)
      const at = starts[c.col] + (c.header ? 0 : Math.max(0, span - w))
      const current = stringWidth(line)
      line += ' '.repeat(Math.max(at - current, current === 0 ? at : 2)) + c.text
    }
    return line
  })
}

export function brokenGfm(t: TruthTable, seed = 1): string[] {
  const r = rng(seed)
  const rows = rowsOf(t).map((cells) => `| ${cells.map((c) => c.text).join(' | ')} |`)
  if (r() < 0.5) return rows
  const first = rowsOf(t)[0].length
  return [rows[0], `|${' --- |'.repeat(first)}`, ...rows.slice(1)]
}

export function mangle(t: TruthTable, layout: MangledLayout, seed = 1): string[] {
  switch (layout) {
    case 'pipe-row':
      return pipeRow(t, seed)
    case 'pipe-cell':
      return pipeCell(t, seed)
    case 'tab-row':
      return tabRow(t, seed)
    case 'tab-cell':
      return tabCell(t, seed)
    case 'spaces':
      return spaces(t)
    case 'broken-gfm':
      return brokenGfm(t, seed)
  }
}
