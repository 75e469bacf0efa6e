/**
 * Glyphs with no Unicode meaning of their own: symbol-font bullets and boxes
 * (Wingdings, Symbol, Zapf Dingbats), which pdf.js reports as private-use or
 * control characters. A lone such glyph is a list marker; it is read as `•`.
 * Other control characters are dropped. Pure.
 */
import type { TextRun } from '../types.js'

const SYMBOL_FONT = /wingding|webding|dingbat|symbol|marlett/i
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu
const PRIVATE_USE = /^[\uE000-\uF8FF]$/u

/** Any character this module may change: one test rules out most runs. */
const ODD = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000-\uF8FF]/u

export function normalizeGlyphs(run: TextRun): TextRun {
  if (!ODD.test(run.text) && !SYMBOL_FONT.test(run.font)) return run
  const text = run.text.trim()
  const lone = Array.from(text).length === 1
  if (lone && (PRIVATE_USE.test(text) || CONTROL.test(text) || (SYMBOL_FONT.test(run.font) && !/[\p{L}\p{N}]/u.test(text)))) {
    CONTROL.lastIndex = 0
    return { ...run, text: '•' }
  }
  CONTROL.lastIndex = 0
  const cleaned = run.text.replace(CONTROL, '').replace(/[\uE000-\uF8FF]/gu, (ch) => (SYMBOL_FONT.test(run.font) ? '•' : ch))
  return cleaned === run.text ? run : { ...run, text: cleaned }
}
