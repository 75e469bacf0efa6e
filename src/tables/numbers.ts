/**
 * Numbers as reports write them: `1,491`, `１２３`, `(1,491)` for −1491,
 * `$ 12.5`, `—` for zero, `12.5%`, `21件`. Pure; no locale guessing beyond
 * comma thousands separators and a dot decimal point.
 */

export interface ReportNumber {
  value: number
  /** Digits written after the decimal point (sets the rounding tolerance). */
  decimals: number
  /** Written with `%`. */
  percent: boolean
  /** Written as a dash (`—`, `-`, `–`) or `nil`, meaning zero. */
  dash: boolean
}

/** What a cell holds, for arithmetic. */
export type CellValue = { kind: 'number'; number: ReportNumber } | { kind: 'blank' } | { kind: 'text' }

const DASH_ZERO = /^(?:[-‐‑‒–—―−~]{1,3}|nil)$/i
// Currency signs and codes that may stand before or after an amount.
const CURRENCY = /^(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₩|₽|RMB|CNY|USD|EUR|GBP|JPY|HKD)/i
const CURRENCY_END = /(?:\$|€|£|¥|₹|₩|₽|RMB|CNY|USD|EUR|GBP|JPY|HKD|元|美元|港元|万元|亿元|千元)$/i
// Counting units Chinese reports append to numbers (`21件`); a year (`2023年`) stays text.
const UNIT_END = /(?:件|个|条|项|次|人次|人|户|家|篇|场|份|起)$/
const FOOTNOTE_END = /[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$/
const MINUS = /^[-−–‐‑]/
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/
// Continental style: `1.393,4`, `( 498,5)`.
const NUMBER_DECIMAL_COMMA = /^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?$/

export interface NumberOptions {
  /** Read `1.393,4` as 1393.4 (and `1,491` as 1.491): see `usesDecimalComma`. */
  decimalComma?: boolean
}

/** Parse one cell's text as a report number, or null when it is not one. */
export function parseReportNumber(raw: string, options: NumberOptions = {}): ReportNumber | null {
  // Footnote marks go before NFKC, which would turn `¹` into a digit.
  let s = raw.trim().replace(FOOTNOTE_END, '').normalize('NFKC').trim()
  if (s === '') return null
  if (DASH_ZERO.test(s)) return { value: 0, decimals: 0, percent: false, dash: true }
  // Thousands separated by (thin, no-break) spaces: `1 234 567`.
  s = s.replace(/(\d)[\s\u00a0\u202f\u2009'](?=\d{3}(?!\d))/g, '$1')
  let negative = false
  let percent = false
  for (let guard = 0; guard < 8; guard++) {
    const before = s
    s = s.trim()
    const wrapped = /^\((.*)\)$/.exec(s)
    if (wrapped) {
      if (negative) return null
      negative = true
      s = wrapped[1]
    }
    if (MINUS.test(s) && s.length > 1) {
      if (negative) return null
      negative = true
      s = s.slice(1)
    }
    if (s.startsWith('+')) s = s.slice(1)
    s = s.replace(CURRENCY, '').replace(CURRENCY_END, '').replace(UNIT_END, '')
    if (/%$/.test(s)) {
      percent = true
      s = s.slice(0, -1)
    }
    if (s === before) break
  }
  s = s.trim()
  if (s === '' || !/\d/.test(s)) return null
  const match = (options.decimalComma ? NUMBER_DECIMAL_COMMA : NUMBER).exec(s)
  if (!match) return null
  const value = Number(options.decimalComma ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''))
  if (!Number.isFinite(value)) return null
  return { value: negative ? -value : value, decimals: match[1]?.length ?? 0, percent, dash: false }
}

/** Classify a cell's text. */
export function cellValue(text: string, options: NumberOptions = {}): CellValue {
  if (text.trim() === '') return { kind: 'blank' }
  const number = parseReportNumber(text, options)
  return number ? { kind: 'number', number } : { kind: 'text' }
}

// A comma or a point that can only be a decimal mark: not followed by exactly three digits, or after a group of three.
const COMMA_DECIMAL = /(?:^|[^\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d.,])|\d\.\d{3},\d/
const POINT_DECIMAL = /(?:^|[^\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])|\d,\d{3}\.\d/

/** Whether a table's figures use a decimal comma (`93,9`, `1.393,4`): more cells say so than say the opposite. */
export function usesDecimalComma(texts: string[]): boolean {
  let comma = 0
  let point = 0
  for (const text of texts) {
    const s = text.normalize('NFKC')
    if (COMMA_DECIMAL.test(s)) comma++
    else if (POINT_DECIMAL.test(s)) point++
  }
  return comma > point
}

/** Format a value the way the report wrote its numbers (thousands separators, decimals). */
export function formatNumber(value: number, decimals = 0, percent = false): string {
  const fixed = Math.abs(value).toFixed(decimals)
  const [whole, fraction] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : ''
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}${percent ? '%' : ''}`
}
