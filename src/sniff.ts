/**
 * Which reader an input needs, from its bytes alone (names are not trusted).
 */
export type InputKind = 'docx' | 'pdf' | 'text' | 'html' | 'md'

export const INPUT_KINDS: readonly InputKind[] = ['docx', 'pdf', 'text', 'html', 'md']

/** A kind, or the reason no reader applies. */
export type Sniffed = { kind: InputKind } | { kind: null; reason: string }

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)))

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

/** Find an ASCII string in bytes without decoding the whole buffer. */
export function includesAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1')
}

const MARKDOWN_SIGNALS: RegExp[] = [
  /^(```|~~~)/m, // fenced code
  /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m, // GFM delimiter row
  /\[[^\]\n]+\]\((https?:|mailto:|#|\.{0,2}\/)[^)\s]*\)/, // inline link
  /^\*\*[^*\n]+\*\*|[^*]\*\*[^*\n]+\*\*[^*]/m // strong emphasis
]

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return includesAscii(bytes, 'word/document.xml')
      ? { kind: 'docx' }
      : { kind: null, reason: 'a zip archive without word/document.xml, so not a Word document' }
  }
  if (includesAscii(bytes.subarray(0, 1024), '%PDF-')) return { kind: 'pdf' }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { kind: null, reason: 'a legacy Office file (.doc/.xls); save it as .docx' }
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || ascii(bytes, 0, 4) === 'GIF8') {
    return { kind: null, reason: 'an image, not a document' }
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: null, reason: 'gzip-compressed data; decompress it first' }
  if (ascii(bytes, 0, 5) === '{\\rtf') return { kind: null, reason: 'RTF is not supported; save it as .docx' }

  // Text-like from here on: look at the head only, decoded loosely.
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65536)).replace(/^\uFEFF/, '')
  const trimmed = head.replace(/^(\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '')
  if (/^<!doctype\s+html/i.test(trimmed) || /^<(html|head|body|meta|table|div|p|h[1-6]|ul|ol|span)[\s>/]/i.test(trimmed)) {
    return { kind: 'html' }
  }
  if (/<(html|body)[\s>]|<!doctype\s+html/i.test(head)) return { kind: 'html' }
  const atx = head.match(/^#{1,6}\s+\S/gm)?.length ?? 0
  const signals = MARKDOWN_SIGNALS.filter((re) => re.test(head)).length + (atx >= 2 ? 1 : 0)
  if (signals >= 2 || (atx >= 1 && signals >= 1)) return { kind: 'md' }
  // A table tag in a document that does not start as HTML: Markdown allows
  // raw HTML, so any Markdown signal at all (one heading is enough) outweighs it.
  if (/<table[\s>]/i.test(head)) return signals >= 1 || atx >= 1 ? { kind: 'md' } : { kind: 'html' }
  return { kind: 'text' }
}
