/**
 * Break styled runs into lines of a given width.
 *
 * Break opportunities come from UAX #14 (`linebreak`) over the whole
 * paragraph, so breaks across style changes are right too; the kinsoku rules
 * (./kinsoku.ts) then remove the opportunities that would start a line with
 * `，。）` or end one with `（《`. A segment wider than the line is cut
 * between characters, still keeping the kinsoku rules where it can.
 */
import LineBreaker from 'linebreak'
import type { Face, FontBook } from './fonts.js'
import type { Run, RunStyle } from './inline.js'
import { kinsokuAllows } from './kinsoku.js'

/** A piece of a line drawn with one face in one style. */
export interface Atom {
  text: string
  face: Face
  style: RunStyle
  width: number
  /** Offset from the line's start. */
  x: number
}

export interface Line {
  atoms: Atom[]
  /** Width of the visible content (trailing spaces excluded). */
  width: number
  /** Extent above and below the baseline, in points. */
  ascent: number
  descent: number
  /** Largest font size on the line. */
  size: number
}

export interface LayoutOptions {
  /** Keep every space (code): no trimming at line starts. */
  preserveSpaces?: boolean
}

interface Segment {
  atoms: Omit<Atom, 'x'>[]
  /** Forced break after this segment. */
  required: boolean
}

const SPACE_AT_END = /[ \u3000]+$/u
const SPACE_AT_START = /^[ \u3000]+/u

/** Lay out runs in lines at most `maxWidth` wide. */
export function layoutLines(runs: Run[], maxWidth: number, fonts: FontBook, options: LayoutOptions = {}): Line[] {
  const segments = segmentRuns(runs, fonts)
  const lines: Line[] = []
  let current: Omit<Atom, 'x'>[] = []
  let width = 0
  const flush = () => {
    lines.push(finishLine(current, fonts, runs[0]?.style.size ?? 10, options))
    current = []
    width = 0
  }
  for (const segment of segments) {
    const atoms = current.length === 0 && !options.preserveSpaces ? trimStart(segment.atoms, fonts) : segment.atoms
    const full = sum(atoms)
    const visible = full - trailingSpaceWidth(atoms, fonts)
    if (current.length > 0 && width + visible > maxWidth + 0.01) {
      flush()
      const trimmed = options.preserveSpaces ? segment.atoms : trimStart(segment.atoms, fonts)
      placeSegment(trimmed)
    } else placeSegment(atoms)
    if (segment.required) flush()
  }
  if (current.length > 0 || lines.length === 0) flush()
  return lines

  function placeSegment(atoms: Omit<Atom, 'x'>[]): void {
    const w = sum(atoms)
    const visible = w - trailingSpaceWidth(atoms, fonts)
    if (visible <= maxWidth + 0.01 || atoms.length === 0) {
      current.push(...atoms)
      width += w
      return
    }
    // Wider than a whole line: cut between characters.
    for (const piece of splitByCharacters(atoms, maxWidth, fonts)) {
      if (current.length > 0) flush()
      current.push(...piece)
      width += sum(piece)
    }
  }
}

/** Natural width of the widest line and of the widest unbreakable segment. */
export function measureRuns(runs: Run[], fonts: FontBook): { min: number; max: number } {
  let min = 0
  let max = 0
  let line = 0
  for (const segment of segmentRuns(runs, fonts)) {
    const w = sum(segment.atoms)
    const visible = w - trailingSpaceWidth(segment.atoms, fonts)
    min = Math.max(min, visible)
    max = Math.max(max, line + visible)
    line += w
    if (segment.required) line = 0
  }
  return { min, max }
}

function sum(atoms: { width: number }[]): number {
  let w = 0
  for (const a of atoms) w += a.width
  return w
}

function trailingSpaceWidth(atoms: Omit<Atom, 'x'>[], fonts: FontBook): number {
  const last = atoms[atoms.length - 1]
  if (!last) return 0
  const m = SPACE_AT_END.exec(last.text)
  return m ? fonts.width(m[0], last.face, last.style.size) : 0
}

/** Drop spaces at the start of a line. */
function trimStart(atoms: Omit<Atom, 'x'>[], fonts: FontBook): Omit<Atom, 'x'>[] {
  const first = atoms[0]
  if (!first || !SPACE_AT_START.test(first.text)) return atoms
  const text = first.text.replace(SPACE_AT_START, '')
  if (!text) return trimStart(atoms.slice(1), fonts)
  return [{ ...first, text, width: fonts.width(text, first.face, first.style.size) }, ...atoms.slice(1)]
}

/** Cut the segment at character boundaries into pieces that fit `maxWidth`. */
function splitByCharacters(atoms: Omit<Atom, 'x'>[], maxWidth: number, fonts: FontBook): Omit<Atom, 'x'>[][] {
  const chars: Omit<Atom, 'x'>[] = []
  for (const atom of atoms) {
    for (const ch of atom.text) chars.push({ ...atom, text: ch, width: fonts.width(ch, atom.face, atom.style.size) })
  }
  const pieces: Omit<Atom, 'x'>[][] = []
  let piece: Omit<Atom, 'x'>[] = []
  let width = 0
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    if (piece.length > 0 && width + c.width > maxWidth) {
      // Move characters that may not end or start a line along with the next one.
      let cut = piece.length
      while (cut > 1 && !kinsokuAllows(piece[cut - 1].text, (piece[cut] ?? c).text)) cut--
      const carried = piece.slice(cut)
      pieces.push(piece.slice(0, cut))
      piece = carried
      width = sum(carried)
    }
    piece.push(c)
    width += c.width
  }
  if (piece.length > 0) pieces.push(piece)
  return pieces.map(mergeAtoms)
}

/** Join neighbouring atoms of the same face and style (fewer text operators). */
function mergeAtoms(atoms: Omit<Atom, 'x'>[]): Omit<Atom, 'x'>[] {
  const out: Omit<Atom, 'x'>[] = []
  for (const a of atoms) {
    const last = out[out.length - 1]
    if (last && last.face === a.face && last.style === a.style) {
      last.text += a.text
      last.width += a.width
    } else out.push({ ...a })
  }
  return out
}

/**
 * Split runs into the segments between allowed breaks, each segment a list of
 * measured atoms (one face, one style each).
 */
function segmentRuns(runs: Run[], fonts: FontBook): Segment[] {
  const text = runs.map((r) => r.text).join('')
  const runAt: number[] = []
  runs.forEach((r, i) => {
    for (let k = 0; k < r.text.length; k++) runAt.push(i)
  })
  const breaks: { position: number; required: boolean }[] = []
  const breaker = new LineBreaker(text)
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    if (bk.required || bk.position >= text.length || allowed(text, bk.position)) breaks.push(bk)
  }
  const segments: Segment[] = []
  let start = 0
  for (const bk of breaks) {
    if (bk.position <= start && !bk.required) continue
    segments.push({ atoms: atomsOf(start, bk.position), required: bk.required && bk.position < text.length })
    start = bk.position
  }
  if (start < text.length) segments.push({ atoms: atomsOf(start, text.length), required: false })
  return segments

  function atomsOf(from: number, to: number): Omit<Atom, 'x'>[] {
    const atoms: Omit<Atom, 'x'>[] = []
    let k = from
    while (k < to) {
      const runIndex = runAt[k]
      let end = k
      while (end < to && runAt[end] === runIndex) end++
      const style = runs[runIndex].style
      const piece = text.slice(k, end).replace(/[\r\n\u2028\u2029]+$/u, '')
      for (const p of fonts.pieces(piece, style)) {
        atoms.push({ text: p.text, face: p.face, style, width: fonts.width(p.text, p.face, style.size) })
      }
      k = end
    }
    return atoms
  }
}

/** Kinsoku check at a break opportunity, looking past spaces on both sides. */
function allowed(text: string, position: number): boolean {
  let i = position - 1
  while (i >= 0 && /\s/u.test(text[i])) i--
  let j = position
  while (j < text.length && /\s/u.test(text[j])) j++
  if (i < 0 || j >= text.length) return true
  const before = String.fromCodePoint(text.codePointAt(i > 0 && /[\udc00-\udfff]/.test(text[i]) ? i - 1 : i) ?? 0)
  const after = String.fromCodePoint(text.codePointAt(j) ?? 0)
  return kinsokuAllows(before, after)
}

function finishLine(atoms: Omit<Atom, 'x'>[], fonts: FontBook, fallbackSize: number, options: LayoutOptions): Line {
  // Trailing spaces take no room at the end of a line.
  let list = atoms
  if (!options.preserveSpaces && list.length > 0) {
    const last = list[list.length - 1]
    const text = last.text.replace(SPACE_AT_END, '')
    if (text !== last.text) {
      list = text ? [...list.slice(0, -1), { ...last, text, width: fonts.width(text, last.face, last.style.size) }] : list.slice(0, -1)
    }
  }
  const merged = mergeAtoms(list)
  let x = 0
  let ascent = 0
  let descent = 0
  let size = 0
  const placed: Atom[] = merged.map((a) => {
    const atom = { ...a, x }
    x += a.width
    const rise = a.style.rise ?? 0
    ascent = Math.max(ascent, a.face.ascent * a.style.size + rise)
    descent = Math.max(descent, a.face.descent * a.style.size - rise)
    size = Math.max(size, a.style.size)
    return atom
  })
  if (placed.length === 0) {
    size = fallbackSize
    ascent = fallbackSize * 0.88
    descent = fallbackSize * 0.24
  }
  return { atoms: placed, width: x, ascent, descent, size }
}
