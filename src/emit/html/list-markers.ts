/**
 * Ordered lists keep the labels their source numbered them with, drawn by
 * the browser as the list's markers, never beside them: a `list-style-type`
 * CSS names (`lower-alpha`, `simp-chinese-informal`, …) with `start` when
 * the labels are exactly what it draws, else each item's label as a CSS
 * string marker (`list-style-type: "（一）"`), which any template shows
 * without a style sheet. The schema (schema.ts) lets only such styles through.
 */
import type { List, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { markerGap } from '../../ast/list-marker.js'

const ALPHA = 'abcdefghijklmnopqrstuvwxyz'
const CJK_DIGITS = '〇一二三四五六七八九'

function alphabetic(n: number): string {
  let out = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = ALPHA[(k - 1) % 26] + out
  return out
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
  let out = ''
  for (const [value, digits] of table) for (; n >= value; n -= value) out += digits
  return out
}

/** CSS's informal Chinese counting (十, 十一, 一百零一), for n < 10000. */
function informalChinese(n: number): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  const units = ['千', '百', '十', '']
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    if (d === 0) {
      zero ||= out !== ''
      return
    }
    if (zero) out += '零'
    zero = false
    out += (i === 2 && d === 1 && out === '' ? '' : CJK_DIGITS[d]) + units[i]
  })
  return out
}

/** Predefined CSS counter styles: what each draws for n (suffix included), where it is defined. */
const CSS_STYLES: [string, (n: number) => string | undefined][] = [
  ['decimal', (n) => `${n}.`],
  ['decimal-leading-zero', (n) => `${n < 10 ? '0' : ''}${n}.`],
  ['lower-alpha', (n) => `${alphabetic(n)}.`],
  ['upper-alpha', (n) => `${alphabetic(n).toUpperCase()}.`],
  ['lower-roman', (n) => (n < 4000 ? `${roman(n)}.` : undefined)],
  ['upper-roman', (n) => (n < 4000 ? `${roman(n).toUpperCase()}.` : undefined)],
  ['cjk-decimal', (n) => `${String(n).replace(/\d/g, (d) => CJK_DIGITS[Number(d)])}、`],
  ['simp-chinese-informal', (n) => (n < 10000 ? `${informalChinese(n)}、` : undefined)],
  ['cjk-heavenly-stem', (n) => (n <= 10 ? `${'甲乙丙丁戊己庚辛壬癸'[n - 1]}、` : undefined)],
  ['cjk-earthly-branch', (n) => (n <= 12 ? `${'子丑寅卯辰巳午未申酉戌亥'[n - 1]}、` : undefined)]
]

const MAX_START = 999

/** A predefined style and start that draw exactly these labels, if there is one. */
export function cssCounterFor(labels: readonly string[]): { style: string; start: number } | undefined {
  for (const [style, draw] of CSS_STYLES) {
    for (let start = 1; start <= MAX_START; start++) {
      if (draw(start) !== labels[0]) continue
      if (labels.every((label, i) => draw(start + i) === label)) return { style, start }
      break
    }
  }
  return undefined
}

/** A CSS string (double-quoted), safe inside an attribute once escaped by the serializer. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`
}

/** The only `style` values lists may carry (schema.ts): one list-style-type, a name or a string. */
export const LIST_STYLE = /^list-style-type: (?:[a-z-]+|"(?:[^"\\\n\r\f]|\\[\\"])*")$/

function markList(list: List): void {
  const labels = list.children.map((item, i) => item.data?.label ?? `${(list.start ?? 1) + i}.`)
  const counter = cssCounterFor(labels)
  const properties: Record<string, string | number> = {}
  if (counter) {
    if (counter.start !== 1) properties.start = counter.start
    if (counter.style !== 'decimal') properties.style = `list-style-type: ${counter.style}`
    list.data = { ...list.data, hProperties: { ...list.data?.hProperties, ...properties } }
    return
  }
  list.data = { ...list.data, hProperties: { ...list.data?.hProperties, style: 'list-style-type: none' } }
  list.children.forEach((item, i) => {
    const label = labels[i]
    const style = label === '' ? 'list-style-type: none' : `list-style-type: ${cssString(label + markerGap(label))}`
    item.data = { ...item.data, hProperties: { ...item.data?.hProperties, style } }
  })
}

const carriesLabels = (list: List): boolean => Boolean(list.ordered) && list.children.some((item) => item.data?.label !== undefined)

/**
 * Give each ordered list that carries labels its markers. Only the top-level
 * blocks holding such a list are copied (the rest is shared with `tree`,
 * which stays as it was): copying a whole large document doubled its memory.
 */
export function listMarkers(tree: Root): Root {
  const children = tree.children.map((block) => {
    let labelled = false
    visit(block, 'list', (list: List) => {
      labelled ||= carriesLabels(list)
    })
    if (!labelled) return block
    const copy = structuredClone(block)
    visit(copy, 'list', (list: List) => {
      if (carriesLabels(list)) markList(list)
    })
    return copy
  })
  return { ...tree, children }
}
