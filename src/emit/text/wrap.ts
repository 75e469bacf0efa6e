/**
 * Wrap text to a display width. Break opportunities come from UAX #14
 * (`linebreak`): between ideographs, never before a closing mark like `，。）`
 * nor after an opening one like `（《`.
 */
import LineBreaker from 'linebreak'
import { displayWidth } from '../../text/cjk.js'

/** Split text into the segments between break opportunities. */
function segments(text: string): { piece: string; required: boolean }[] {
  const breaker = new LineBreaker(text)
  const out: { piece: string; required: boolean }[] = []
  let last = 0
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    out.push({ piece: text.slice(last, bk.position), required: bk.required })
    last = bk.position
  }
  return out
}

/** Cut a segment wider than the line into pieces that fit. */
function hardSplit(piece: string, width: number): string[] {
  const out: string[] = []
  let current = ''
  for (const ch of piece) {
    if (current && displayWidth(current + ch) > width) {
      out.push(current)
      current = ''
    }
    current += ch
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
      line += piece.replace(/\n$/, '')
      lineWidth = displayWidth(line)
    }
    if (required) flush()
  }
  if (line || lines.length === 0) flush()
  return lines
}
