/**
 * What a cell's text is, judged on its own: a value (a number as reports
 * write them, a dash, a date), a year (which heads columns as often as it
 * fills them), a label, or nothing.
 */
import { isCjk } from '../text/cjk.js'

export type CellKind = 'empty' | 'value' | 'year' | 'label'

const FULLWIDTH_DIGITS = /[０-９]/g
/** Any character toAsciiDigits changes: most cells have none, and skip its seven replaces. */
const WIDE_DIGIT_OR_SIGN = /[０-９，．％－−–（）]/

/** Full-width digits and signs to ASCII. */
export function toAsciiDigits(text: string): string {
  if (!WIDE_DIGIT_OR_SIGN.test(text)) return text
  return text
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[，]/g, ',')
    .replace(/[．]/g, '.')
    .replace(/[％]/g, '%')
    .replace(/[－−–]/g, '-')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
}

const NUMBER = /^[-+]?[$€£¥￥]?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s?(%|‰|万|亿|千|元|万元|亿元|k|m|bn|x)?$/i
const PAREN_NEGATIVE = /^\([$€£¥￥]?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)$/
const DASH = /^[-—–―~～/／|]+$|^(n\/?a|nil|none|无|不适用|－)$/i
const DATE = /^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/
/** A time of day (`05:52`, `17:30:05`), a quantity with its unit (`12 mm`, `21°C`, `14 km/h`), a yes/no mark: values too. */
const TIME = /^([01]?\d|2[0-4])[:：][0-5]\d([:：][0-5]\d)?(\s?(am|pm))?$/i
const QUANTITY = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s?(mm|cm|m|km|kg|g|mg|t|l|ml|°c|°f|°|km\/h|m\/s|mph|kwh|kw|w|v|mah|gb|mb|kb|tb|ghz|mhz|hz|h|hrs?|min|s|ms|px|in|ft|lbs?|oz|pcs)$/i
const MARK = /^(yes|no|[✓✔✗✘])$/i
const YEAR = /^(19|20)\d{2}(年|年度|FY)?$|^FY\s?(19|20)?\d{2}$/i

export function cellKind(text: string): CellKind {
  const t = text.trim()
  if (t === '') return 'empty'
  const a = toAsciiDigits(t).replace(/\s+/g, ' ')
  if (YEAR.test(a)) return 'year'
  if (NUMBER.test(a) || PAREN_NEGATIVE.test(a) || DASH.test(a) || DATE.test(a)) return 'value'
  if (TIME.test(a) || QUANTITY.test(a) || MARK.test(a)) return 'value'
  return 'label'
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

/**
 * Canonical cell text: trimmed, runs of white space collapsed, and spaces
 * between two CJK characters removed (`结果 维持` → `结果维持`: a stray break,
 * not a word boundary).
 */
export function normalizeCellText(text: string): string {
  const collapsed = text.replace(/[\s\u3000]+/gu, ' ').trim()
  if (!collapsed.includes(' ')) return collapsed
  const parts = collapsed.split(' ')
  let out = parts[0]
  for (let i = 1; i < parts.length; i++) {
    const left = Array.from(out).pop() ?? ''
    const right = Array.from(parts[i])[0] ?? ''
    out += isCjk(left) && isCjk(right) ? parts[i] : ` ${parts[i]}`
  }
  return out
}
