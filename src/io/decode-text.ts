/**
 * Decode the bytes of a text or HTML input. Chinese CMS exports are often
 * GB18030/GBK: when the bytes are not valid UTF-8 we detect the encoding
 * (chardet, checked by a strict decode) rather than assume Latin-1.
 */
import chardet from 'chardet'
import { ConversionError } from '../errors.js'

export interface DecodedText {
  text: string
  /** WHATWG encoding label that was used. */
  encoding: string
  /** True when no BOM or declaration said so and the encoding was inferred. */
  guessed: boolean
}

/** chardet names → WHATWG labels TextDecoder understands. */
const LABELS: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-2022-JP': 'iso-2022-jp',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-9': 'windows-1254',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1256': 'windows-1256',
  'KOI8-R': 'koi8-r'
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

/** Share of decoded characters that are CJK ideographs, among the non-ASCII ones. */
function hanShare(text: string): number {
  let nonAscii = 0
  let han = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) continue
    nonAscii++
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) han++
  }
  return nonAscii === 0 ? 0 : han / nonAscii
}

/** Looks like UTF-16 without a BOM: NUL bytes on one side of most ASCII pairs. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', guessed: false }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', guessed: false }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', guessed: false }
  }
  const utf8 = strict('utf-8', bytes)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', guessed: false }

  const wide = utf16Without(bytes)
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide, guessed: true }

  // Chinese first: a strict GB18030 decode that yields mostly Han characters wins.
  const gb = strict('gb18030', bytes)
  if (gb !== null && hanShare(gb) >= 0.6) return { text: gb, encoding: 'gb18030', guessed: true }

  const sample = bytes.length > 1 << 20 ? bytes.subarray(0, 1 << 20) : bytes
  for (const candidate of chardet.analyse(sample)) {
    const label = LABELS[candidate.name]
    if (!label || label === 'utf-8' || candidate.confidence < 10) continue
    const decoded = strict(label, bytes)
    if (decoded !== null) return { text: decoded, encoding: label, guessed: true }
  }
  if (gb !== null) return { text: gb, encoding: 'gb18030', guessed: true }
  throw new ConversionError('not text in any known encoding (binary data?)', 'binary')
}

/**
 * Reject decoded text that is really binary junk: NUL bytes, or many control
 * characters that no text file carries.
 */
export function assertLooksLikeText(text: string): void {
  const n = Math.min(text.length, 65536)
  if (n === 0) return
  let controls = 0
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) throw new ConversionError('binary data, not text (NUL bytes)', 'binary')
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) {
      controls++
    }
  }
  if (controls > n * 0.02 + 2) throw new ConversionError('binary data, not text', 'binary')
}
