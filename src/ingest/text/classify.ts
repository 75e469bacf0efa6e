/**
 * What one line of pasted text is, judged on its own. Context (wrapped
 * paragraphs, title lines between paragraphs) is decided in `blocks.ts`.
 */
import { displayWidth } from '../../text/cjk.js'

export type Line =
  | { kind: 'blank' }
  | { kind: 'atx'; level: number; text: string }
  | { kind: 'underline'; level: 1 | 2; width: number }
  | { kind: 'fence'; marker: string; info: string }
  | { kind: 'rule' }
  | { kind: 'item'; ordered: boolean; start: number; indent: number; text: string; marker: string }
  | { kind: 'numbered'; level: number; text: string }
  | { kind: 'text'; indent: number; text: string }

const HAN_NUMBER = '[一二三四五六七八九十百零〇两]+'

/**
 * Report numbering, outermost first. The level is the heading depth such a
 * line gets when it reads as a title (a document title is level 1).
 */
const NUMBERING: { level: number; re: RegExp }[] = [
  { level: 2, re: new RegExp(`^第${HAN_NUMBER}[章部篇编]`) },
  { level: 2, re: new RegExp(`^第\\d+[章部篇编]`) },
  { level: 2, re: new RegExp(`^${HAN_NUMBER}[、．.]`) },
  { level: 3, re: new RegExp(`^第(${HAN_NUMBER}|\\d+)节`) },
  { level: 3, re: new RegExp(`^[（(]${HAN_NUMBER}[)）]`) }
]

/**
 * The heading depth report numbering (`第一章`, `一、`, `（一）`) gives a line
 * that reads as a title, or undefined when the line is not numbered so.
 */
export function numberingLevel(text: string): number | undefined {
  const trimmed = text.trim()
  return NUMBERING.find(({ re }) => re.test(trimmed))?.level
}

const BULLET = /^([ \t]*)([-*+•·●▪◦‣⁃○■□◆◇➢➤✓√])[ \t\u3000]+(\S.*)$/u
/** `1. `, `1) `, `1、`, and `1.` directly followed by CJK text. */
const ORDERED = /^([ \t]*)(\d{1,3})([.)、．])(?:[ \t\u3000]+(\S.*)|(\p{Script=Han}.*))$/u
const PAREN_ORDERED = /^([ \t]*)[（(](\d{1,3})[)）][ \t\u3000]*(\S.*)$/u
const CIRCLED = /^([ \t]*)([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[ \t\u3000]*(\S.*)$/u

function indentOf(raw: string): number {
  let width = 0
  for (const ch of raw) {
    if (ch === ' ') width++
    else if (ch === '\t') width += 4 - (width % 4)
    else if (ch === '\u3000') width += 2
    else break
  }
  return width
}

export function classify(raw: string): Line {
  const line = raw.trimEnd()
  if (line.trim() === '') return { kind: 'blank' }
  const trimmed = line.trim()

  const atx = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(trimmed)
  if (atx && indentOf(line) < 4) return { kind: 'atx', level: atx[1].length, text: atx[2] }
  if (/^(={3,}|═{3,})$/.test(trimmed)) return { kind: 'underline', level: 1, width: displayWidth(trimmed) }
  if (/^(-{3,}|─{3,}|~{3,})$/.test(trimmed)) return { kind: 'underline', level: 2, width: displayWidth(trimmed) }
  const fence = /^(`{3,}|~{3,})\s*([^`]*)$/.exec(trimmed)
  if (fence) return { kind: 'fence', marker: fence[1], info: fence[2].trim() }
  if (/^(\*\s*){3,}$|^(_\s*){3,}$/.test(trimmed)) return { kind: 'rule' }

  const bullet = BULLET.exec(line)
  if (bullet) {
    return { kind: 'item', ordered: false, start: 1, indent: indentOf(bullet[1]), text: bullet[3], marker: bullet[2] }
  }
  const ordered = ORDERED.exec(line)
  if (ordered) {
    const text = ordered[4] ?? ordered[5]
    return { kind: 'item', ordered: true, start: Number(ordered[2]), indent: indentOf(ordered[1]), text, marker: ordered[3] }
  }
  const paren = PAREN_ORDERED.exec(line)
  if (paren) {
    return { kind: 'item', ordered: true, start: Number(paren[2]), indent: indentOf(paren[1]), text: paren[3], marker: '()' }
  }
  const circled = CIRCLED.exec(line)
  if (circled) {
    const start = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(circled[2]) + 1
    return { kind: 'item', ordered: true, start, indent: indentOf(circled[1]), text: circled[3], marker: '①' }
  }

  const level = numberingLevel(trimmed)
  if (level !== undefined) return { kind: 'numbered', level, text: trimmed }
  return { kind: 'text', indent: indentOf(line), text: trimmed }
}
