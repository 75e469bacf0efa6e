/**
 * Wrap text to a display width. Break opportunities come from UAX #14
 * (`linebreak`): between ideographs, never before a closing mark like `，。）`
 * nor after an opening one like `（《`.
 */
import LineBreaker from 'linebreak'
import { displayWidth, isPrintableAscii, textPieces } from '../../text/cjk.js'

/** The segments between break opportunities, one at a time (a long paragraph has millions). */
function* segments(text: string): Generator<{ piece: string; required: boolean }> {
  const breaker = new LineBreaker(text)
  let last = 0
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    yield { piece: text.slice(last, bk.position), required: bk.required }
    last = bk.position
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Cut a segment wider than the line into pieces that fit, measuring each character once. */
function hardSplit(piece: string, width: number): string[] {
  const out: string[] = []
  if (isPrintableAscii(piece)) {
    for (let at = 0; at < piece.length; at += width) out.push(piece.slice(at, at + width))
    return out
  }
  let current = ''
  let currentWidth = 0
  for (const { segment } of textPieces(piece).flatMap((part) => [...graphemes.segment(part)])) {
    const w = displayWidth(segment)
    if (current && currentWidth + w > width) {
      out.push(current)
      current = ''
      currentWidth = 0
    }
    current += segment
    currentWidth += w
  }
  if (current) out.push(current)
  return out
}

/** Wrap `text` into lines of at most `width` display columns (trailing spaces dropped). */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(4, width)
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  const flush = () => {
    lines.push(line.replace(/\s+$/u, ''))
    line = ''
    lineWidth = 0
  }
  for (const { piece, required } of segments(text)) {
    const visible = piece.replace(/\s+$/u, '')
    const w = displayWidth(visible)
    if (lineWidth > 0 && lineWidth + w > limit) flush()
    if (w > limit) {
      const parts = hardSplit(piece, limit)
      for (let i = 0; i < parts.length - 1; i++) {
        line = parts[i]
        flush()
      }
      line = parts[parts.length - 1]
      lineWidth = displayWidth(line)
    } else {
      const added = piece.replace(/\n$/, '')
      line += added
      lineWidth += displayWidth(added)
    }
    if (required) flush()
  }
  if (line || lines.length === 0) flush()
  return lines
}
