/** Character classes for CJK-aware joining, wrapping and measuring. */
import { createRequire } from 'node:module'

type StringWidth = (text: string, options?: { countAnsiEscapeCodes?: boolean }) => number

// string-width builds an Intl.Segmenter as it loads, which costs about 0.1 s of
// ICU start-up; most inputs never need it, so it loads on first use.
let loaded: { width: StringWidth; stripAnsi: (text: string) => string; segmenter: Intl.Segmenter } | undefined
function load() {
  if (!loaded) {
    const require = createRequire(import.meta.url)
    // strip-ansi as string-width itself resolves it, so both strip alike.
    const fromStringWidth = createRequire(require.resolve('string-width'))
    loaded = {
      width: (require('string-width') as { default: StringWidth }).default,
      stripAnsi: (fromStringWidth('strip-ansi') as { default: (text: string) => string }).default,
      segmenter: new Intl.Segmenter()
    }
  }
  return loaded
}

/**
 * The most characters string-width is given at once. It segments with
 * Intl.Segmenter, whose iteration (V8/ICU in Node 20) takes time quadratic in
 * the string's length: 80,000 characters of `a\tb\t` take 2 s, 160,000 take
 * over 2 minutes (fuzz case 214, one 10 MB line of them). Longer texts are
 * measured in pieces cut at grapheme boundaries, so the width is the same
 * and the work linear.
 */
export const WIDTH_PIECE = 1024

/** Characters handed to string-width, and the longest single piece: for tests that bound them. */
export const widthWork = { chars: 0, longestPiece: 0 }

function measure(width: StringWidth, piece: string): number {
  widthWork.chars += piece.length
  widthWork.longestPiece = Math.max(widthWork.longestPiece, piece.length)
  return width(piece, { countAnsiEscapeCodes: true })
}

/** string-width's answer (ANSI escapes stripped once, as it does), from pieces of at most `WIDTH_PIECE` characters. */
function stringWidth(text: string): number {
  const { width, stripAnsi, segmenter } = load()
  const plain = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text
  let total = 0
  let at = 0
  while (plain.length - at > WIDTH_PIECE) {
    // Cut before the window's last grapheme, which may run on past it. The window
    // starts on a boundary, and a boundary depends only on the characters around it.
    // The window never ends inside a surrogate pair: a lone half would end a grapheme there.
    const high = plain.charCodeAt(at + WIDTH_PIECE - 1)
    const window = plain.slice(at, at + WIDTH_PIECE - (high >= 0xd800 && high <= 0xdbff ? 1 : 0))
    let cut = 0
    for (const { index } of segmenter.segment(window)) cut = index
    // A single grapheme longer than the window (thousands of combining marks) is cut at the window's end.
    if (cut === 0) cut = window.length
    total += measure(width, plain.slice(at, at + cut))
    at += cut
  }
  return total + measure(width, plain.slice(at))
}

/**
 * Characters whose string-width is known without segmenting the text:
 * printable ASCII and Latin-1 but the soft hyphen count 1; CJK ideographs,
 * CJK punctuation and full-width forms count 2. None of them joins a
 * neighbour into one grapheme, so a text made only of them measures as the
 * sum (test/cjk-width.test.ts checks every one against string-width).
 */
const KNOWN_WIDTHS = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff\u3000-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff5e]*$/
const KNOWN_WIDE = /[\u3000-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff5e]/g

/**
 * string-width's answer, always (where `displayWidth` approximates), but
 * without loading it or segmenting for the texts most documents hold.
 */
export function exactWidth(text: string): number {
  if (!KNOWN_WIDTHS.test(text)) return stringWidth(text)
  return text.length + (text.match(KNOWN_WIDE)?.length ?? 0)
}

const WIDE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6\u2e80-\u2fdf\u31c0-\u31ef]/u

/** An ideograph, kana, hangul or full-width punctuation mark. */
export function isCjk(ch: string): boolean {
  return WIDE_SCRIPT.test(ch)
}

/** Code points that make the fast path unsafe: combining marks, joiners, variation selectors, emoji, controls. */
const HARD = /[\u0000-\u001f\u007f-\u009f\u0300-\u036f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufe00-\ufe0f\u{1f000}-\u{1faff}\u{e0000}-\u{e007f}]|[\ud800-\udbff](?![\udc00-\udfff])/u

function isWideCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
}

/**
 * Display width in terminal columns (CJK counts 2). Plain Latin and CJK text
 * is measured directly (this runs on every line of every input); anything
 * with emoji, combining marks or joiners goes to string-width.
 */
export function displayWidth(text: string): number {
  if (HARD.test(text)) return stringWidth(text)
  let width = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x1100) {
      width += 1
      continue
    }
    let cp = code
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      cp = (code - 0xd800) * 0x400 + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000
      i++
    }
    width += isWideCodePoint(cp) ? 2 : 1
  }
  return width
}

/** Last and first user-perceived characters, for deciding how lines join. */
export function lastChar(text: string): string {
  // The last code point, read from the end (this runs on every piece of every line).
  const end = text.length
  if (end === 0) return ''
  const low = text.charCodeAt(end - 1)
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(end - 2)
  }
  return text[end - 1]
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
const codePoints = (chars: string) => new Set(Array.from(chars, (ch) => ch.codePointAt(0)!))
const SIMPLIFIED = codePoints('这们国说发会对时还后经过问个来为开关应实现进从动业务学资产与们门见车长东书总处报结审维纠诉请结办')
const TRADITIONAL = codePoints('這們國說發會對時還後經過問個來為開關應實現進從動業務學資產與門見車長東書總處報結審維糾訴請辦')

/** A BCP 47 tag for the text's main language when it is CJK, else undefined. */
export function detectCjkLang(text: string): string | undefined {
  let han = 0
  let kana = 0
  let hangul = 0
  let latin = 0
  let simplified = 0
  let traditional = 0
  // Code-point ranges rather than a Unicode-property regex per character: this runs on every document.
  const end = Math.min(text.length, 20000)
  for (let i = 0; i < end; i++) {
    let cp = text.charCodeAt(i)
    if (cp < 0x80) {
      if ((cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) latin++
      continue
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
      cp = (cp - 0xd800) * 0x400 + (text.charCodeAt(++i) - 0xdc00) + 0x10000
    }
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)) {
      han++
      if (SIMPLIFIED.has(cp)) simplified++
      else if (TRADITIONAL.has(cp)) traditional++
    } else if ((cp >= 0x3041 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9d)) kana++
    else if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f)) hangul++
  }
  const cjk = han + kana + hangul
  if (cjk === 0 || cjk < latin / 4) return undefined
  if (hangul > han && hangul > kana) return 'ko'
  if (kana > cjk * 0.1) return 'ja'
  return traditional > simplified ? 'zh-TW' : 'zh-CN'
}
