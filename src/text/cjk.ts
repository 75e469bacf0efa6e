/** Character classes for CJK-aware joining, wrapping and measuring. */
import stringWidth from 'string-width'

const WIDE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u2e80-\u2fdf\u31c0-\u31ef]/u

/** An ideograph, kana, hangul or full-width punctuation mark. */
export function isCjk(ch: string): boolean {
  return WIDE_SCRIPT.test(ch)
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
/** Printable ASCII (1 column) and common wide CJK (2 columns): ideographs, CJK and full-width punctuation. */
const ASCII_AND_WIDE_CJK = /^[\x20-\x7e\u3000-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff60]*$/
const CHUNK = 1024

/** A character that always begins a grapheme cluster (printable ASCII, a CJK ideograph). */
const beginsCluster = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0x4e00 && code <= 0x9fff)
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * Long text in pieces of about 1 KiB, cut where a grapheme cluster begins.
 * Intl.Segmenter (used by string-width) takes quadratic time on long strings
 * in V8, so a 100 MB paragraph must never reach it whole.
 */
export function textPieces(text: string): string[] {
  if (text.length <= CHUNK) return [text]
  const pieces: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK)
    const limit = Math.min(text.length, end + CHUNK)
    while (end < limit && !beginsCluster(text.charCodeAt(end))) end++
    // No clean cut nearby (hostile text): cut anyway, but never inside a surrogate pair.
    if (end === limit && end < text.length && isLowSurrogate(text.charCodeAt(end))) end++
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}

/** Text wholly made of printable ASCII characters (each one column wide). */
export const isPrintableAscii = (text: string) => PRINTABLE_ASCII.test(text)

/** Widths of short strings (single characters, mostly) already measured: string-width costs microseconds a call. */
const shortWidths = new Map<string, number>()

/** Display width in terminal columns (CJK counts 2). */
export function displayWidth(text: string): number {
  // Plain ASCII is one column a character; string-width's grapheme work is for the rest.
  if (PRINTABLE_ASCII.test(text)) return text.length
  if (text.length <= 4) {
    let width = shortWidths.get(text)
    if (width === undefined) {
      if (shortWidths.size > 100_000) shortWidths.clear()
      width = stringWidth(text)
      shortWidths.set(text, width)
    }
    return width
  }
  if (ASCII_AND_WIDE_CJK.test(text)) {
    let width = text.length
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) width++
    return width
  }
  if (text.length <= CHUNK) return stringWidth(text)
  return textPieces(text).reduce((width, piece) => width + stringWidth(piece), 0)
}

/** Last and first user-perceived characters, for deciding how lines join. */
export function lastChar(text: string): string {
  const chars = Array.from(text)
  return chars.length ? chars[chars.length - 1] : ''
}

export function firstChar(text: string): string {
  for (const ch of text) return ch
  return ''
}

/**
 * Join two pieces of a wrapped line: no space between CJK characters, a
 * soft hyphen break (`exam-` + `ple`) undone, otherwise one space.
 */
export function joinWrapped(left: string, right: string): string {
  const a = left.replace(/[ \t]+$/, '')
  const b = right.replace(/^[ \t]+/, '')
  if (!a) return b
  if (!b) return a
  const x = lastChar(a)
  const y = firstChar(b)
  if (isCjk(x) || isCjk(y)) {
    // A space is only meaningful between two Latin words.
    return a + b
  }
  if (/[a-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b
  return `${a} ${b}`
}

/** Simplified-only and Traditional-only forms of common characters. */
const SIMPLIFIED = new Set(Array.from('这们国说发会对时还后经过问个来为开关应实现进从动业务学资产与们门见车长东书总处报结审维纠诉请结办'))
const TRADITIONAL = new Set(Array.from('這們國說發會對時還後經過問個來為開關應實現進從動業務學資產與門見車長東書總處報結審維糾訴請辦'))

/** A BCP 47 tag for the text's main language when it is CJK, else undefined. */
export function detectCjkLang(text: string): string | undefined {
  let han = 0
  let kana = 0
  let hangul = 0
  let latin = 0
  let simplified = 0
  let traditional = 0
  let seen = 0
  for (const ch of text) {
    if (++seen > 200000) break
    if (/\p{Script=Han}/u.test(ch)) {
      han++
      if (SIMPLIFIED.has(ch)) simplified++
      else if (TRADITIONAL.has(ch)) traditional++
    } else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) kana++
    else if (/\p{Script=Hangul}/u.test(ch)) hangul++
    else if (/[A-Za-z]/.test(ch)) latin++
  }
  const cjk = han + kana + hangul
  if (cjk === 0 || cjk < latin / 4) return undefined
  if (hangul > han && hangul > kana) return 'ko'
  if (kana > cjk * 0.1) return 'ja'
  return traditional > simplified ? 'zh-TW' : 'zh-CN'
}
