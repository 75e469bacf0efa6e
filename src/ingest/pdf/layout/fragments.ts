/**
 * Text runs → fragments: the runs on one baseline that sit close together,
 * joined into words. A fragment is the unit of layout: a line of a column,
 * a table cell, a list marker. Wide gaps (column gutters, table column gaps)
 * separate fragments.
 *
 *     run  run run        run   run        one baseline
 *     └──fragment──┘      └─fragment─┘     gap > GAP_SPLIT × font size
 */
import { firstChar, isCjk, lastChar } from '../../../text/cjk.js'
import type { TextRun } from '../types.js'

export interface Fragment {
  text: string
  x1: number
  x2: number
  /** Baseline. */
  y: number
  /** Largest font size among its runs. */
  size: number
  /** Font size of most of its text. */
  textSize: number
  /** Every run is bold (italic). */
  bold: boolean
  italic: boolean
  runs: TextRun[]
}

/** A gap wider than this many ems separates fragments. */
export const GAP_SPLIT = 1.0
/** Between Latin letters, a gap wider than this many ems is a word space. */
const SPACE_GAP = 0.15
/** Next to CJK text a gap must be wider to count as a space (autospacing is not a space). */
const CJK_SPACE_GAP = 0.2
/** Runs whose baselines differ by less than this many ems share a line. */
const BASELINE_TOLERANCE = 0.3
/** Superscripts and subscripts are short: a footnote mark, an exponent. */
const SCRIPT_CHARS = 6

export const HANGUL = /\p{Script=Hangul}/u
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
const STRONG_LTR = /[\p{Script=Latin}\p{Script=Han}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Most of the letters are written right to left (Arabic, Hebrew). */
export function isRightToLeft(text: string): boolean {
  // Most text has no right-to-left letter at all: one scan of the string says so.
  if (!RTL.test(text)) return false
  let rtl = 0
  let ltr = 0
  for (const ch of text) {
    if (RTL.test(ch)) rtl++
    else if (STRONG_LTR.test(ch)) ltr++
  }
  return rtl > ltr
}

/**
 * Text drawn twice at (almost) the same place is one text: some producers
 * fake bold by overprinting. The copy is dropped and the original marked bold.
 */
export function dedupeRuns(runs: readonly TextRun[], onDrop?: (copy: TextRun) => void): TextRun[] {
  const out: TextRun[] = []
  const byText = new Map<string, TextRun[]>()
  for (const run of runs) {
    if (!run.text.trim()) {
      out.push(run)
      continue
    }
    const same = byText.get(run.text)
    const twin = same?.find((o) => Math.abs(o.x - run.x) < Math.max(1, run.size * 0.15) && Math.abs(o.y - run.y) < Math.max(1, run.size * 0.15))
    if (twin) {
      twin.bold = true
      onDrop?.(run)
      continue
    }
    const copy = { ...run }
    out.push(copy)
    if (same) same.push(copy)
    else byText.set(run.text, [copy])
  }
  return out
}

/** Whether a space belongs between two pieces of text separated by `gap` points. */
function needsSpace(left: string, right: string, gap: number, size: number): boolean {
  if (!left || !right || /\s$/u.test(left) || /^\s/u.test(right)) return false
  // Hangul separates words with spaces, like Latin; Chinese and Japanese do not.
  const a = lastChar(left)
  const b = firstChar(right)
  const unspaced = (ch: string) => isCjk(ch) && !HANGUL.test(ch)
  if (unspaced(a) && unspaced(b)) return false
  return gap > (unspaced(a) || unspaced(b) ? CJK_SPACE_GAP : SPACE_GAP) * size
}

/** Pieces on one baseline (sorted left to right) joined into words and sentences. */
export function joinPieces(pieces: readonly { text: string; x1: number; x2: number; size: number }[]): string {
  let text = ''
  let right = Number.NEGATIVE_INFINITY
  const rtl = isRightToLeft(pieces.map((p) => p.text).join(''))
  const ordered = rtl ? [...pieces].reverse() : pieces
  for (const piece of ordered) {
    const gap = rtl ? right - piece.x2 : piece.x1 - right
    if (needsSpace(text, piece.text, gap, piece.size)) text += ' '
    text += piece.text
    right = rtl ? piece.x1 : piece.x2
  }
  return text.replace(/\s+/gu, ' ').trim()
}

const runPiece = (r: TextRun) => ({ text: r.text, x1: r.x, x2: r.x + r.width, size: r.size })

/** Runs grouped by shared baseline, top to bottom, each group left to right. */
export function baselineGroups(runs: readonly TextRun[]): TextRun[][] {
  const sorted = runs.filter((r) => r.length === undefined).sort((a, b) => a.y - b.y || a.x - b.x)
  const groups: { y: number; size: number; runs: TextRun[] }[] = []
  for (const run of sorted) {
    const last = groups[groups.length - 1]
    if (last && Math.abs(run.y - last.y) <= BASELINE_TOLERANCE * Math.min(run.size, last.size)) {
      last.runs.push(run)
      if (run.size > last.size) last.size = run.size
    } else {
      groups.push({ y: run.y, size: run.size, runs: [run] })
    }
  }
  return attachScripts(groups).map((g) => g.runs.sort((a, b) => a.x - b.x))
}

/**
 * Superscripts and subscripts (footnote marks, exponents) sit off the
 * baseline in smaller type: they belong to the line they touch.
 */
function attachScripts(groups: { y: number; size: number; runs: TextRun[] }[]) {
  const out = groups.filter((g) => g.runs.length > 0)
  for (let i = 0; i < out.length; i++) {
    const small = out[i]
    const host = [out[i - 1], out[i + 1]].find(
      (g) =>
        g !== undefined &&
        small.size <= g.size * 0.85 &&
        small.runs.every((s) => Array.from(s.text.trim()).length <= SCRIPT_CHARS) &&
        small.y > g.y - g.size &&
        small.y < g.y + g.size * 0.4 &&
        small.runs.every((s) => g.runs.some((r) => s.x <= r.x + r.width + r.size * 0.3 && s.x + s.width >= r.x - r.size * 0.3))
    )
    if (host) {
      host.runs.push(...small.runs)
      out.splice(i, 1)
      i--
    }
  }
  return out
}

/** The run holding most of the characters. */
export function dominantRun(runs: readonly TextRun[]): TextRun {
  return runs.reduce((a, b) => (Array.from(b.text.trim()).length > Array.from(a.text.trim()).length ? b : a))
}

/** One fragment of the runs given (left to right, one baseline). */
export function fragmentFromRuns(runs: TextRun[]): Fragment {
  const visible = runs.filter((r) => r.text.trim())
  const size = Math.max(...runs.map((r) => r.size))
  // The baseline of most of the text (a superscript or a big bullet must not move the line).
  const main = dominantRun(runs)
  return {
    text: joinPieces(runs.map(runPiece)),
    x1: Math.min(...runs.map((r) => r.x)),
    x2: Math.max(...runs.map((r) => r.x + r.width)),
    y: main.y,
    size,
    textSize: main.size,
    bold: visible.length > 0 && visible.every((r) => r.bold),
    italic: visible.length > 0 && visible.every((r) => r.italic),
    runs
  }
}

/** Split one baseline's runs where the gap is wider than GAP_SPLIT ems. */
export function splitAtGaps(line: readonly TextRun[]): Fragment[] {
  const runs = line.filter((r) => r.text.trim())
  const out: Fragment[] = []
  let current: TextRun[] = []
  let right = Number.NEGATIVE_INFINITY
  for (const run of runs) {
    const gap = run.x - right
    if (current.length > 0 && gap > GAP_SPLIT * Math.max(run.size, current[current.length - 1].size)) {
      out.push(fragmentFromRuns(current))
      current = []
    }
    current.push(run)
    right = Math.max(right, run.x + run.width)
  }
  if (current.length > 0) out.push(fragmentFromRuns(current))
  return out
}

/** All horizontal runs of a page as fragments, top to bottom, left to right. */
export function buildFragments(runs: readonly TextRun[]): Fragment[] {
  return baselineGroups(dedupeRuns(runs)).flatMap(splitAtGaps)
}
