/**
 * The coarse kind of a cell the table layouts and the header inference work
 * with: a value (data a header labels), a year (which heads columns as often
 * as it fills them), a label, or nothing. Derived from the one cell typing in
 * `cell-type.ts`; the rest of this file reads labels (numbering, totals).
 */
import { isCjk } from '../text/cjk.js'
import { isValueType, typeCell } from './cell-type.js'

export type CellKind = 'empty' | 'value' | 'year' | 'label'

export function cellKind(text: string): CellKind {
  const type = typeCell(text)
  if (type === 'empty' || type === 'year') return type
  return isValueType(type) ? 'value' : 'label'
}

/** Numbering families a row label can start with, for hierarchy depth. */
export type NumberingFamily =
  | 'han-comma' // 一、
  | 'han-paren' // （一）
  | 'chapter' // 第一章 / 第一条
  | 'arabic-dot' // 1. 1、
  | 'arabic-paren' // (1) 1)
  | 'circled' // ①
  | 'latin-dot' // a. A)
  | 'roman-dot' // i. IV.
  | 'decimal' // 1.1 / 1.1.1 (depth by dots)

const HAN = '[一二三四五六七八九十百零〇两]+'
const FAMILY_PATTERNS: [NumberingFamily, RegExp][] = [
  ['chapter', new RegExp(`^第(${HAN}|\\d+)[章节条款部篇]`)],
  ['han-comma', new RegExp(`^${HAN}[、．.]`)],
  ['han-paren', new RegExp(`^[（(]${HAN}[)）]`)],
  ['decimal', /^\d{1,2}(\.\d{1,2})+\.?\s*\S/],
  ['arabic-paren', /^[（(]\d{1,3}[)）]|^\d{1,3}[)）]/],
  ['arabic-dot', /^\d{1,3}[.、．](?!\d)/],
  ['circled', /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/],
  ['roman-dot', /^(i{1,3}|iv|vi{0,3}|ix|x|I{1,3}|IV|VI{0,3}|IX|X)[.)]\s/],
  ['latin-dot', /^[a-zA-Z][.)]\s/]
]

/** A first character some numbering family can start with (first characters of FAMILY_PATTERNS). */
const NUMBERING_START = /^[第一二三四五六七八九十百零〇两（(\d①-⑳a-zA-Z]/

/** The numbering family a label starts with, with sub-depth for decimals (1.1 → 1). */
export function numberingOf(text: string): { family: NumberingFamily; sub: number } | null {
  const t = text.trim()
  if (!NUMBERING_START.test(t)) return null
  for (const [family, re] of FAMILY_PATTERNS) {
    if (re.test(t)) {
      if (family === 'decimal') {
        const m = /^(\d{1,2}(\.\d{1,2})+)/.exec(t)!
        return { family, sub: m[1].split('.').length - 1 }
      }
      return { family, sub: 0 }
    }
  }
  return null
}

const TOTAL = /^(\s*[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*)?(总计|合计|小计|共计|总数|总额|累计|合 计|总 计|小 计|(grand\s+|sub-?)?totals?|sum)\b/i
const TOTAL_CJK = /^(\s*[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*)?(总计|合计|小计|共计|总数|总额|累计)/

/** Something every total word above contains. */
const TOTAL_HINT = /[总合小共累]|total|sum/i

/** A "Total"/"总计" label (numbering allowed in front). */
export function isTotalLabel(text: string): boolean {
  if (!TOTAL_HINT.test(text)) return false
  const t = text.replace(/\s+/g, ' ').trim()
  return TOTAL.test(t) || TOTAL_CJK.test(t.replace(/\s+/g, ''))
}

/** A character above U+10FF: every CJK character is one. */
const BEYOND_LATIN = /[^\u0000-\u10ff]/

/**
 * Canonical cell text: trimmed, runs of white space collapsed, and spaces
 * between two CJK characters removed (`结果 维持` → `结果维持`: a stray break,
 * not a word boundary).
 */
export function normalizeCellText(text: string): string {
  if (isCanonical(text)) return text
  const collapsed = text.replace(/[\s\u3000]+/gu, ' ').trim()
  // Every CJK character lies above U+10FF: without one, no space can go.
  if (!collapsed.includes(' ') || !BEYOND_LATIN.test(collapsed)) return collapsed
  const parts = collapsed.split(' ')
  let out = parts[0]
  for (let i = 1; i < parts.length; i++) {
    // The characters either side of the space (two code units hold any code point), not the whole text again.
    const left = Array.from(parts[i - 1].slice(-2)).pop() ?? ''
    const right = Array.from(parts[i].slice(0, 2))[0] ?? ''
    out += isCjk(left) && isCjk(right) ? parts[i] : ` ${parts[i]}`
  }
  return out
}

/**
 * Already canonical, checked in one pass without a regex (most cells are):
 * no white space at either end, none but single spaces inside, and no space
 * beside a character above U+10FF (where a space between two CJK characters
 * could be).
 */
function isCanonical(text: string): boolean {
  let wide = false
  let spaced = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 32) {
      if (i === 0 || i === text.length - 1 || text.charCodeAt(i - 1) === 32) return false
      spaced = true
    } else if (isWhiteSpace(code)) return false
    else if (code > 0x10ff) wide = true
  }
  return !(spaced && wide)
}

/** What `\s` matches and `trim` removes: ASCII and Unicode white space, line breaks, BOM. */
function isWhiteSpace(code: number): boolean {
  if (code >= 9 && code <= 13) return true
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}
