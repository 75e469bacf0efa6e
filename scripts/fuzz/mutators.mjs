// Mutations of seed files. Each mutator says which seeds it applies to and
// turns (rng, seed, all seeds) into the bytes of one case.
import { unzipSync, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { int, pick, randomBytes, weighted } from './random.mjs'

const TEXTUAL = new Set(['text', 'md', 'html'])
const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0xc0, 0xfe, 0x3c, 0x3e, 0x7c, 0x09, 0x0a, 0x0d, 0x22, 0x26, 0x5b, 0x2a]
const INVALID_UTF8 = [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xbf, 0xbf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80], [0xff, 0xfe]]
const ENCODINGS = ['utf8', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'utf16le', 'utf16be', 'win1251', 'latin1']

const splice = (bytes, at, remove, insert) => Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)])

// ---- byte-level, any seed ----

export function bitFlips(rng, bytes) {
  const out = Buffer.from(bytes)
  const flips = int(rng, 1, 64)
  for (let i = 0; i < flips && out.length > 0; i++) out[int(rng, 0, out.length - 1)] ^= 1 << int(rng, 0, 7)
  return out
}

function overwrite(rng, bytes) {
  const out = Buffer.from(bytes)
  for (let runs = int(rng, 1, 16); runs > 0 && out.length > 0; runs--) {
    const at = int(rng, 0, out.length - 1)
    const value = pick(rng, INTERESTING)
    out.fill(value, at, Math.min(out.length, at + int(rng, 1, 32)))
  }
  return out
}

export const truncate = (rng, bytes) => bytes.subarray(0, int(rng, 0, Math.max(0, bytes.length - 1)))

function spliceSeeds(rng, bytes, seeds) {
  const other = pick(rng, seeds).bytes
  return Buffer.concat([bytes.subarray(0, int(rng, 0, bytes.length)), other.subarray(int(rng, 0, other.length))])
}

function repeatChunk(rng, bytes) {
  if (bytes.length === 0) return bytes
  const at = int(rng, 0, bytes.length - 1)
  const chunk = bytes.subarray(at, Math.min(bytes.length, at + int(rng, 1, 4096)))
  const times = Math.max(1, Math.floor(int(rng, 1, 1 << 20) / chunk.length))
  return splice(bytes, at, 0, Buffer.concat(Array(times).fill(chunk)))
}

export function nulBytes(rng, bytes) {
  let out = Buffer.from(bytes)
  for (let runs = int(rng, 1, 8); runs > 0; runs--) out = splice(out, int(rng, 0, out.length), 0, Buffer.alloc(int(rng, 1, 64)))
  return out
}

function insertRandom(rng, bytes) {
  return splice(bytes, int(rng, 0, bytes.length), 0, randomBytes(rng, int(rng, 1, 2048)))
}

// ---- textual seeds ----

export function invalidUtf8(rng, bytes) {
  let out = Buffer.from(bytes)
  for (let n = int(rng, 1, 24); n > 0; n--) out = splice(out, int(rng, 0, out.length), 0, Buffer.from(pick(rng, INVALID_UTF8)))
  return out
}

function mixedEncodings(rng, bytes) {
  const text = bytes.toString('utf8')
  const cuts = Array.from({ length: int(rng, 1, 5) }, () => int(rng, 0, text.length)).sort((a, b) => a - b)
  const parts = []
  let from = 0
  for (const to of [...cuts, text.length]) {
    const encoding = pick(rng, ENCODINGS)
    if (int(rng, 0, 4) === 0) parts.push(Buffer.from(pick(rng, [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]])))
    parts.push(iconv.encode(text.slice(from, to), encoding))
    from = to
  }
  return Buffer.concat(parts)
}

function controlCharacters(rng, bytes) {
  const chars = ['\u0001', '\u0008', '\u001b[31m', '\u2028', '\u2029', '\u202e', '\u200b', '\ufeff', '\ufffd', '\u0085', '\r', '\f', '\v']
  let text = bytes.toString('utf8')
  for (let n = int(rng, 1, 40); n > 0; n--) {
    const at = int(rng, 0, text.length)
    text = text.slice(0, at) + pick(rng, chars).repeat(int(rng, 1, 8)) + text.slice(at)
  }
  return Buffer.from(text)
}

// ---- DOCX (zip) seeds ----

const rezip = (entries) => Buffer.from(zipSync(entries, { level: 1, mtime: new Date('2024-01-01T00:00:00Z') }))

function zipEntries(bytes) {
  try {
    return unzipSync(bytes)
  } catch {
    return null
  }
}

const MAIN_PARTS = ['word/document.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/numbering.xml']

function corruptEntry(rng, bytes) {
  const entries = zipEntries(bytes)
  if (!entries) return bitFlips(rng, bytes)
  const names = Object.keys(entries)
  const name = int(rng, 0, 1) === 0 && entries['word/document.xml'] ? 'word/document.xml' : pick(rng, names)
  const content = Buffer.from(entries[name])
  const how = weighted(rng, [[3, bitFlips], [2, truncate], [2, nulBytes], [2, invalidUtf8], [2, brokenXml], [1, overwrite]])
  entries[name] = new Uint8Array(how(rng, content))
  return rezip(entries)
}

/** XML that is well-formed nowhere near where it matters: unclosed, doubled, or cut mid-tag. */
function brokenXml(rng, bytes) {
  const xml = bytes.toString('utf8')
  const tags = [...xml.matchAll(/<[^>]{1,80}>/g)]
  if (tags.length === 0) return bytes
  const tag = pick(rng, tags)
  const edits = [
    () => xml.slice(0, tag.index) + xml.slice(tag.index + tag[0].length), // drop a tag
    () => xml.slice(0, tag.index) + tag[0].repeat(int(rng, 2, 5000)) + xml.slice(tag.index), // repeat it
    () => xml.slice(0, tag.index + int(rng, 1, tag[0].length - 1)), // cut inside it
    () => xml.replace(tag[0], tag[0].replace(/"[^"]*"/, '"-99999999999999999999"')) // a silly attribute value
  ]
  return Buffer.from(pick(rng, edits)())
}

function swapEntries(rng, bytes) {
  const entries = zipEntries(bytes)
  if (!entries) return truncate(rng, bytes)
  const names = Object.keys(entries)
  const a = entries['word/document.xml'] && int(rng, 0, 1) === 0 ? 'word/document.xml' : pick(rng, names)
  const b = pick(rng, names)
  ;[entries[a], entries[b]] = [entries[b], entries[a]]
  return rezip(entries)
}

function dropOrRenameEntry(rng, bytes) {
  const entries = zipEntries(bytes)
  if (!entries) return truncate(rng, bytes)
  const name = pick(rng, MAIN_PARTS.filter((n) => entries[n]).concat(Object.keys(entries)))
  const data = entries[name]
  delete entries[name]
  if (int(rng, 0, 1) === 0) entries[name.toUpperCase().replace('WORD/', 'word/')] = data
  return rezip(entries)
}

/** Damage the zip structure itself: sizes, offsets and counts in the headers. */
function corruptZipHeaders(rng, bytes) {
  const out = Buffer.from(bytes)
  const signatures = []
  for (const sig of [0x04034b50, 0x02014b50, 0x06054b50]) {
    for (let at = out.indexOf(Buffer.from(new Uint32Array([sig]).buffer)); at >= 0; at = out.indexOf(Buffer.from(new Uint32Array([sig]).buffer), at + 4)) {
      signatures.push([sig, at])
    }
  }
  if (signatures.length === 0) return bitFlips(rng, bytes)
  for (let n = int(rng, 1, 4); n > 0; n--) {
    const [sig, at] = pick(rng, signatures)
    // Field offsets: local header sizes at 18/22, central sizes at 20/24 and offset at 42, end record counts at 8/10 and offset at 16.
    const fields = sig === 0x04034b50 ? [18, 22, 26] : sig === 0x02014b50 ? [20, 24, 28, 42] : [8, 10, 12, 16]
    const field = at + pick(rng, fields)
    if (field + 4 <= out.length) out.writeUInt32LE(pick(rng, [0, 1, 0xffffffff, 0x7fffffff, int(rng, 0, out.length)]), field)
  }
  return out
}

// ---- PDF seeds ----

function breakXref(rng, bytes) {
  const text = bytes.toString('latin1')
  const edits = [
    () => text.replace(/startxref\s+\d+/, `startxref\n${int(rng, 0, bytes.length * 2)}`),
    () => text.replace(/\d{10} \d{5} n/g, (m) => (int(rng, 0, 2) === 0 ? `${String(int(rng, 0, 99999999)).padStart(10, '0')} 00000 n` : m)),
    () => text.replace(/xref[\s\S]*?trailer/, 'trailer'),
    () => text.replace(/\/Size \d+/, `/Size ${pick(rng, [0, 1, 2147483647, -1])}`),
    () => text.replace(/\/Root \d+ 0 R/, `/Root ${int(rng, 0, 50)} 0 R`),
    () => text.replace(/\/Length \d+/g, (m) => (int(rng, 0, 2) === 0 ? `/Length ${pick(rng, [0, 99999999, -5])}` : m))
  ]
  return Buffer.from(pick(rng, edits)(), 'latin1')
}

function redirectReferences(rng, bytes) {
  // Point references elsewhere, making loops likely (e.g. a page's /Parent to itself).
  const text = bytes.toString('latin1')
  const count = (text.match(/\d+ 0 obj/g) ?? []).length || 1
  return Buffer.from(text.replace(/(\d+) 0 R/g, (m) => (int(rng, 0, 3) === 0 ? `${int(rng, 1, count)} 0 R` : m)), 'latin1')
}

/** Every seed-based mutator: [name, weight, applies to seed kind?, mutate]. */
export const MUTATORS = [
  ['bit-flip', 10, () => true, bitFlips],
  ['byte-overwrite', 5, () => true, overwrite],
  ['truncate', 6, () => true, truncate],
  ['splice-seeds', 3, () => true, spliceSeeds],
  ['repeat-chunk', 2, () => true, repeatChunk],
  ['nul-bytes', 3, () => true, nulBytes],
  ['insert-random', 2, () => true, insertRandom],
  ['invalid-utf8', 4, (k) => TEXTUAL.has(k), invalidUtf8],
  ['mixed-encodings', 4, (k) => TEXTUAL.has(k), mixedEncodings],
  ['control-characters', 3, (k) => TEXTUAL.has(k), controlCharacters],
  ['zip-entry-corrupt', 8, (k) => k === 'docx', corruptEntry],
  ['zip-entry-swap', 3, (k) => k === 'docx', swapEntries],
  ['zip-entry-drop-rename', 3, (k) => k === 'docx', dropOrRenameEntry],
  ['zip-headers', 3, (k) => k === 'docx', corruptZipHeaders],
  ['pdf-xref', 5, (k) => k === 'pdf', breakXref],
  ['pdf-references', 4, (k) => k === 'pdf', redirectReferences]
]

