/**
 * What one cell's text is, judged on its own: the one place docmend decides
 * "is this a number, a year, a date, a code, a label…". The text repair, the
 * PDF reader's head detection, the header inference and `check` all ask
 * here, so a cell reads the same everywhere (`FY2023` is a year for all of
 * them, `12 mm` a quantity, `—` a placeholder). Numeric values come from
 * `numbers.ts`, re-exported below, with the same reading of digits.
 */
import { parseReportNumber, type ReportNumber } from './numbers.js'

export { type CellValue, cellValue, formatNumber, type NumberOptions, parseReportNumber, type ReportNumber, usesDecimalComma } from './numbers.js'

export type CellType =
  | 'empty'
  /** `—`, `-`, `n/a`, `无`, `不适用`: stands for no value (a dash reads as zero in sums). */
  | 'placeholder'
  /** `1,491`, `(1,491)`, `1.393,4`, `１２３`, `5m`, `3x`. */
  | 'number'
  | 'percent'
  /** `$ 12.5`, `€3`, `RMB 100`, `12万元`. */
  | 'currency'
  /** A number with a unit of measure or count: `12 mm`, `3.5 kg`, `21件`. */
  | 'quantity'
  /** `2023`, `1850`, `2023年`, `2023年度`, `FY2023`, `FY23`: heads columns as often as it fills them. */
  | 'year'
  | 'date'
  | 'time'
  /** `10–20`, `0-14`, `5~10%`, `2019—2020`. */
  | 'range'
  /** One token mixing letters and digits: `IP67`, `v2.1`, `A-12`, `SKU-00231`. */
  | 'code'
  /** A yes/no mark: `Yes`, `No`, `✓`, `✗`, `是`, `否`. */
  | 'mark'
  | 'label'
  /** Sentences rather than a name: long, or with a sentence end inside. */
  | 'prose'

/** Types that fill a table's body as data: what a header labels. */
const VALUE_TYPES: ReadonlySet<CellType> = new Set(['placeholder', 'number', 'percent', 'currency', 'quantity', 'date', 'time', 'mark'])

/** A cell that is data under a header (a figure, a dash, a date, a time); years, ranges and codes are not counted. */
export function isValueType(type: CellType): boolean {
  return VALUE_TYPES.has(type)
}

/** Figures a head row would not hold: numbers, percents, amounts, quantities (not years, dates or dashes). */
export function isFigureType(type: CellType): boolean {
  return type === 'number' || type === 'percent' || type === 'currency' || type === 'quantity'
}

const FOOTNOTE_END = /[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$/
const DIGIT = /[0-9０-９]/
const MARK = /^(?:yes|no|[✓✔✗✘√]|是|否)$/i
const PLACEHOLDER = /^(?:[-‐‑‒–—―−~/…|｜]+|\.{2,3}|n\/?a|nil|none|null|无|不适用|暂无|—+)$/i
const YEAR = /^(?:1[89]|20)\d\d(?:年|年度)?$|^(?:FY|CY)\s?(?:(?:19|20)\d\d|\d\d)$|^(?:19|20)\d\dFY$/i
const DATE =
  /^\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$|^\d{1,2}月\d{1,2}日$|^\d{4}年\d{1,2}月(?:\d{1,2}日)?$/
const TIME = /^(?:[01]?\d|2[0-4])[:：][0-5]\d(?:[:：][0-5]\d)?(?:\s?[ap]\.?m\.?)?$/i
const RANGE_NUMBER = '[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:[.,]\\d+)?'
const RANGE = new RegExp(`^${RANGE_NUMBER}\\s?%?\\s?(?:[-‐‑‒–—―~～]|至|到|to)\\s?${RANGE_NUMBER}\\s?(?:%|[\\p{L}°℃]{1,6})?$`, 'iu')
/** Magnitudes and multiples written straight after a number. */
const MAGNITUDE = /^(.*\d)\s?(?:k|m|bn|mn|x|万|亿|千|百万)$/i
/** Units of measure and count (Latin abbreviations and Chinese measure words). */
const UNIT =
  /^(.*\d)\s?(?:mm|cm|dm|km|nm|µm|μm|m|m²|m2|m³|m3|mi|in|ft|yd|kg|mg|g|t|lb|lbs|oz|ml|l|L|s|sec|ms|min|mins|h|hr|hrs|d|days?|wks?|months?|yrs?|years?|Hz|kHz|MHz|GHz|W|kW|MW|kWh|V|mV|kV|A|mA|Ah|mAh|Ω|°|°C|°F|℃|K|dB|Pa|kPa|MPa|bar|psi|rpm|px|pt|dpi|KB|MB|GB|TB|kbps|Mbps|Gbps|km\/h|m\/s|mph|pcs|件|个|条|项|次|人次|人|户|家|篇|场|份|起|岁|天|日|周|个月|小时|分钟|秒|米|厘米|毫米|公里|千米|平方米|公顷|亩|吨|公斤|千克|克|升|毫升|度|台|辆|套|张|所|名|例|头|只|株|册|本)$/iu
const CURRENCY = /^[-−(]?\s?(?:US\$|HK\$|NT\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹|₩|₽|RMB|CNY|USD|EUR|GBP|JPY|HKD)|(?:\$|€|£|¥|₹|₩|₽|RMB|CNY|USD|EUR|GBP|JPY|HKD|元|美元|港元|万元|亿元|千元)\)?$/i
const CODE = /^(?=[^\s]*\p{L})(?=[^\s]*\d)[\p{L}\d][\p{L}\d._\-/#]*$/u
const SENTENCE_INSIDE = /[。！？；]\s*\S|[.!?;]\s+\S/u

function numberType(s: string): CellType | undefined {
  const parsed = parseEither(s)
  if (!parsed) return undefined
  if (parsed.percent) return 'percent'
  if (CURRENCY.test(s)) return 'currency'
  // parseReportNumber takes Chinese counting units (`21件`) as plain numbers; they are quantities.
  if (UNIT.test(s)) return 'quantity'
  return 'number'
}

/** A number in either decimal convention (`1,393.4` or `1.393,4`). */
function parseEither(s: string): ReportNumber | null {
  return parseReportNumber(s) ?? parseReportNumber(s, { decimalComma: true })
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}

function classify(raw: string): CellType {
  const t = raw.trim()
  if (t === '') return 'empty'
  if (!DIGIT.test(t)) {
    if (PLACEHOLDER.test(t)) return 'placeholder'
    if (MARK.test(t)) return 'mark'
    if (Array.from(t).length > 60 || wordCount(t) > 10 || SENTENCE_INSIDE.test(t)) return 'prose'
    return 'label'
  }
  // Footnote marks go before NFKC, which would turn `¹` into a digit.
  const s = t.replace(FOOTNOTE_END, '').normalize('NFKC').replace(/\s+/g, ' ').trim()
  if (YEAR.test(s)) return 'year'
  if (DATE.test(s)) return 'date'
  if (TIME.test(s)) return 'time'
  const asNumber = numberType(s)
  if (asNumber) return asNumber
  if (/[‰‱]$/.test(s) && parseEither(s.slice(0, -1))) return 'percent'
  const magnitude = MAGNITUDE.exec(s)
  if (magnitude && parseEither(magnitude[1])) return CURRENCY.test(magnitude[1]) ? 'currency' : 'number'
  const unit = UNIT.exec(s)
  if (unit && parseEither(unit[1])) return CURRENCY.test(unit[1]) ? 'currency' : 'quantity'
  if (RANGE.test(s)) return 'range'
  if (CODE.test(s) && s.length <= 24) return 'code'
  if (s.length > 60 || wordCount(s) > 10 || SENTENCE_INSIDE.test(s)) return 'prose'
  return 'label'
}

/** Cells repeat (`0` hundreds of times per table): type each distinct text once. */
const cache = new Map<string, CellType>()

/** The type of one cell's text. */
export function typeCell(text: string): CellType {
  let type = cache.get(text)
  if (type === undefined) {
    type = classify(text)
    if (cache.size > 50000) cache.clear()
    cache.set(text, type)
  }
  return type
}

/** A bare four-digit year (`2023`, `1850`): in a label column it names a row, it is not an amount. */
export function isBareYear(text: string): boolean {
  return typeCell(text) === 'year' && /^\d{4}$/.test(text.normalize('NFKC').trim())
}
