/**
 * Wrap text to a display width (CJK counts 2). Break opportunities come from
 * UAX #14 (`linebreak`): between ideographs and after spaces. On top of it,
 * kinsoku shori (line-breaking rules for CJK): no line starts with a closing
 * mark such as `，。、；：）》」` and none ends with an opening one such as
 * `（《「`, including where a space or an overlong word would allow it.
 */
import LineBreaker from 'linebreak'
import { displayWidth } from '../../text/cjk.js'

/** Characters that must not begin a line. */
const NO_LINE_START = new Set(
  Array.from(
    '、。，．：；？！）］｝〕〉》」』】〙〗〟’”｠»…‥・ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ〜～‐゠–—' +
      ',.:;?!)]}%‰℃'
  )
)
/** Characters that must not end a line. */
const NO_LINE_END = new Set(Array.from('（［｛〔〈《「『【〘〖〝‘“｟«([{'))

/** Width of one character, remembered: string-width is exact but slow, and wrapping asks for the same characters again and again. */
const widthCache = new Map<string, number>()
export function charWidth(ch: string): number {
  let w = widthCache.get(ch)
  if (w === undefined) {
    w = displayWidth(ch)
    if (widthCache.size < 65536) widthCache.set(ch, w)
  }
  return w
}

/** Display width as the sum of character widths (cached). */
export function textWidth(text: string): number {
  let total = 0
  for (const ch of text) total += charWidth(ch)
  return total
}

const firstChar = (s: string) => Array.from(s)[0] ?? ''
const lastChar = (s: string) => {
  const chars = Array.from(s)
  return chars[chars.length - 1] ?? ''
}

interface Segment {
  piece: string
  required: boolean
}

/** The pieces between allowed breaks, with kinsoku's forbidden breaks removed. */
function segments(text: string): Segment[] {
  const breaker = new LineBreaker(text)
  const out: Segment[] = []
  let last = 0
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const piece = text.slice(last, bk.position)
    last = bk.position
    const previous = out[out.length - 1]
    const glued =
      previous &&
      !previous.required &&
      (NO_LINE_START.has(firstChar(piece.trimStart())) || NO_LINE_END.has(lastChar(previous.piece.trimEnd())))
    if (glued) {
      previous.piece += piece
      previous.required = bk.required
    } else out.push({ piece, required: bk.required })
  }
  return out
}

/** Cut a piece wider than the line into lines that fit, keeping kinsoku at each cut. */
function hardSplit(piece: string, width: number): string[] {
  const lines: string[][] = [[]]
  let current = lines[0]
  let currentWidth = 0
  for (const ch of piece) {
    if (current.length > 0 && currentWidth + charWidth(ch) > width) {
      // Carry characters down so that the next line does not start with a closing mark
      // and this one does not end with an opening mark.
      const carried: string[] = []
      let mustCarry = NO_LINE_START.has(ch)
      while (current.length > 1 && (mustCarry || NO_LINE_END.has(current[current.length - 1]))) {
        carried.unshift(current.pop()!)
        mustCarry = NO_LINE_START.has(carried[0])
      }
      current = carried
      currentWidth = textWidth(carried.join(''))
      lines.push(current)
    }
    current.push(ch)
    currentWidth += charWidth(ch)
  }
  return lines.map((chars) => chars.join('')).filter((line) => line !== '')
}

/** Wrap `text` into lines of at most `width` display columns (trailing spaces dropped). */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(4, width)
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  const flush = () => {
    lines.push(line.trimEnd())
    line = ''
    lineWidth = 0
  }
  for (const { piece, required } of segments(text)) {
    const visible = piece.trimEnd()
    const w = textWidth(visible)
    if (lineWidth > 0 && lineWidth + w > limit) flush()
    const body = piece.replace(/[\r\n]+$/, '')
    if (w > limit) {
      const parts = hardSplit(body.trimEnd(), limit)
      for (let i = 0; i < parts.length - 1; i++) {
        line = parts[i]
        flush()
      }
      line = parts[parts.length - 1] ?? ''
      lineWidth = textWidth(line)
    } else {
      const added = lineWidth === 0 ? body.replace(/^\s+/u, '') : body
      line += added
      lineWidth += textWidth(added)
    }
    if (required) flush()
  }
  if (line || lines.length === 0) flush()
  return lines
}

/** Display width of the widest piece of `text` that no allowed line break splits. */
export function unbreakableWidth(text: string): number {
  return Math.max(0, ...segments(text).map(({ piece }) => textWidth(piece.trimEnd())))
}
