/**
 * What an image really is, from its bytes: a document's own label for a part
 * (a DOCX relationship's content type, a file name) is not trusted, since a
 * part declared `image/png` can hold HTML that a browser would run.
 */

export interface ImageType {
  contentType: string
  extension: string
  /** Browsers show it inline, so it may become a `data:` URI. EMF/WMF are only written as files. */
  embeddable: boolean
}

const PNG: ImageType = { contentType: 'image/png', extension: 'png', embeddable: true }
const JPEG: ImageType = { contentType: 'image/jpeg', extension: 'jpg', embeddable: true }
const GIF: ImageType = { contentType: 'image/gif', extension: 'gif', embeddable: true }
const WEBP: ImageType = { contentType: 'image/webp', extension: 'webp', embeddable: true }
const EMF: ImageType = { contentType: 'image/emf', extension: 'emf', embeddable: false }
const WMF: ImageType = { contentType: 'image/wmf', extension: 'wmf', embeddable: false }

const has = (bytes: Uint8Array, at: number, signature: readonly number[]) => signature.every((b, i) => bytes[at + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))
const u32le = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000

/** The image type the bytes hold, or null for anything else (SVG included: it can carry script). */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (has(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG
  if (has(bytes, 0, [0xff, 0xd8, 0xff])) return JPEG
  if (has(bytes, 0, ascii('GIF87a')) || has(bytes, 0, ascii('GIF89a'))) return GIF
  if (has(bytes, 0, ascii('RIFF')) && has(bytes, 8, ascii('WEBP'))) return WEBP
  // EMF: an EMR_HEADER record (type 1) whose signature at offset 40 reads " EMF".
  if (bytes.length >= 44 && u32le(bytes, 0) === 1 && has(bytes, 40, ascii(' EMF'))) return EMF
  // WMF: the placeable header's key, or a bare header (type 1 memory / 2 disk, header size 9 words).
  if (has(bytes, 0, [0xd7, 0xcd, 0xc6, 0x9a]) || has(bytes, 0, [0x01, 0x00, 0x09, 0x00]) || has(bytes, 0, [0x02, 0x00, 0x09, 0x00])) return WMF
  return null
}

/** Whether a resource of this content type (as set from `imageTypeOf`) may be inlined as a `data:` URI. */
export function isEmbeddable(contentType: string): boolean {
  return [PNG, JPEG, GIF, WEBP].some((t) => t.contentType === contentType)
}

/** A short name for what the bytes seem to be, for a warning. */
export function describeUnknownImage(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase()
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg|<svg)/.test(head)) return 'SVG (it can carry script, so it is left out)'
  if (/^<(!doctype|html|head|body|script|div|p|iframe)/.test(head)) return 'HTML, not an image'
  if (has(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) || has(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF, which browsers do not show'
  return 'not an image type docmend recognises (PNG, JPEG, GIF, WebP, EMF, WMF)'
}
