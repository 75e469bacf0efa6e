/**
 * What a row label or column header says about its numbers: a total
 * (`（七）总计`, `Subtotal`, `Total assets`), a result that may or may not be a
 * sum (`Gross profit`, `净利润`), a breakdown of the line above (`其中：`,
 * `of which`), a derived figure (averages, ratios, shares), an index column
 * (`序号`, `Note`), or a plain line item. Pure; Chinese and English.
 */

export type LabelRole = 'total' | 'result' | 'breakdown' | 'derived' | 'index' | 'plain'

export interface LabelClass {
  role: LabelRole
  /** For totals: 1 subtotal (小计), 2 total (合计, Total), 3 grand total (总计, Grand total). 0 otherwise. */
  rank: 0 | 1 | 2 | 3
  /** The label speaks of percentages or shares (`%`, `占比`, `Share`). */
  percent: boolean
  /** −1 for lines a statement subtracts (`减：营业成本`, `Less: discounts`). */
  sign: 1 | -1
}

// Outline numbering reports put before labels: 三、 （七） (2) 1. 1、 a) iv.
const NUMBERING = [
  /^[(（]\s*[一二三四五六七八九十百零〇]+\s*[)）][、.．]?\s*/,
  /^[一二三四五六七八九十百零〇]+\s*[、.．]\s*/,
  /^[(（]\s*\d+\s*[)）][、.．]?\s*/,
  /^\d+(?:\.\d+)*\s*[、.．)）](?!\d)\s*/,
  /^[(（]\s*[a-z]\s*[)）]\s*/i,
  /^[a-z][.)]\s+/i,
  /^[ivxlc]+[.)]\s+/i,
  /^[①-⑳]\s*/
]

/** The label without its outline number (`（七）总计` → `总计`). */
export function stripNumbering(text: string): string {
  let s = text.normalize('NFKC').trim()
  for (let changed = true; changed; ) {
    changed = false
    for (const pattern of NUMBERING) {
      const next = s.replace(pattern, '')
      if (next !== s && next !== '') {
        s = next
        changed = true
      }
    }
  }
  return s
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

/** Normalized for matching: no numbering, no trailing `（单位：万元）` notes, CJK without spaces, lower case. */
function normalize(text: string): string {
  let s = stripNumbering(text).replace(/\s*[(（][^()（）]*[)）]\s*$/, '').trim() || stripNumbering(text)
  if (CJK.test(s)) s = s.replace(/\s+/g, '')
  return s.toLowerCase().replace(/[:：]\s*$/, '').trim()
}

const ZH_GRAND = ['总计', '总合计', '合计总计']
const ZH_SUB = ['小计']
const ZH_TOTAL = ['合计', '共计', '总数', '总额', '总量', '总和', '合共', '总共']
const startsOrEnds = (s: string, words: string[]) => words.some((w) => s.startsWith(w) || s.endsWith(w))

const EN_GRAND = /^(?:grand|overall)\s+totals?\b/
const EN_SUB = /^sub-?\s?totals?\b|\bsub-?\s?totals?$/
const EN_TOTAL = /^(?:totals?|sum)\b|\btotals?$/
// Results of a statement: sums of the lines above only sometimes (they often subtract).
const RESULT =
  /^(?:net|gross)\b|^(?:total\s+)?(?:operating\s+)?(?:profit|loss|earnings|surplus|deficit|result)s?\b|^(?:ebitda|ebit)\b|^(?:净|毛利)|利润|亏损|盈余|结余|余额|净额|差额/
const BREAKDOWN = /^(?:其中|含:|包括:|of\s+which|including|incl\.|thereof)/
const DERIVED =
  /平均|均值|中位数|占比|比例|比重|百分比|比率|增长率|增幅|增减|同比|环比|率$|\b(?:average|avg|mean|median|ratio|rate|share|margin|growth|change|per\s?cent|percentage|%)(?:\b|$)|%|\bper\s+(?!cent\b)\S/
const PERCENT = /%|百分比|占比|比例|比重|\bper\s?cent|\bpercentage\b|\bshare\b/
const INDEX = /^(?:序号|编号|行次|附注|注释|代码|no\.?|#|notes?|code|ref\.?|year|年份|年度)$/
const TOTAL_FIRST = /^(?:总计|合计|小计|共计|总数|总额|grand|overall|sub-?\s?total|total|sum)/
const SUBTRACT = /^(?:减|less)\s*[:：]?\s*/i

/** Classify a label (a row label or a column header). */
export function classifyLabel(text: string): LabelClass {
  const raw = normalize(text)
  const sign: 1 | -1 = SUBTRACT.test(raw) ? -1 : 1
  const s = raw.replace(SUBTRACT, '').replace(/^(?:加|add|plus)\s*[:：]\s*/i, '')
  // What a figure is (a share, a rate) is often said only in the note normalize drops: `Case fatality (%)`.
  const note = /[(（]([^()（）]*)[)）]\s*$/.exec(text.normalize('NFKC'))?.[1].toLowerCase() ?? ''
  const percent = PERCENT.test(s) || PERCENT.test(note)
  const make = (role: LabelRole, rank: LabelClass['rank'] = 0): LabelClass => ({ role, rank, percent, sign })
  if (s === '') return make('plain')
  if (INDEX.test(s)) return make('index')
  if (BREAKDOWN.test(s)) return make('breakdown')
  const rank = totalRank(s)
  // "Total %" is a total of shares; "Share of total" and "Gross margin %" are derived figures.
  if ((DERIVED.test(s) || DERIVED.test(note)) && !(rank > 0 && TOTAL_FIRST.test(s))) return make('derived')
  // "利润总额", "Total profit": a result line, even with a total word; a subtracted line is an item.
  if (RESULT.test(s) && sign === 1) return make('result')
  if (rank > 0) return make('total', rank)
  return make('plain')
}

function totalRank(s: string): LabelClass['rank'] {
  if (startsOrEnds(s, ZH_GRAND) || EN_GRAND.test(s)) return 3
  if (startsOrEnds(s, ZH_SUB) || EN_SUB.test(s)) return 1
  if (startsOrEnds(s, ZH_TOTAL) || EN_TOTAL.test(s)) return 2
  return 0
}

const TOTAL_WORDS = /grand\s+total|overall\s+total|sub-?\s?totals?|totals?|总合计|总计|合计|小计|共计|总数|总额|总和|合共|总共/gi

/**
 * What a total is a total of, when its label says (`TOTAL PEANUT` → `peanut`,
 * `营业收入合计` → `营业收入`); '' when it does not (`Total`, `（七）总计`).
 */
export function totalQualifier(text: string): string {
  const s = normalize(text)
    .replace(TOTAL_WORDS, ' ')
    .replace(/^\s*(?:of|for)\s+/, '')
    .replace(/[\s:：,，、.()（）-]+/g, ' ')
    .trim()
  return CJK.test(s) ? (s.replace(/\s+/g, '').length >= 2 ? s.replace(/\s+/g, '') : '') : s.length >= 3 ? s : ''
}

/** Whether a line's label names what a total is a total of (`PEANUT 1ST CROP` for `peanut`). */
export function labelMentions(text: string, qualifier: string): boolean {
  if (!qualifier) return false
  const s = normalize(text)
  if (CJK.test(qualifier)) return s.includes(qualifier)
  const escaped = qualifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?:^|\\W)${escaped}(?:\\W|$)`, 'i').test(s)
}
