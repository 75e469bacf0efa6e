/**
 * The parts of an opened DOCX: which one is the main document, whether every
 * XML part is safe to hand to a recursive parser, the declared title, and
 * the file interface mammoth reads parts through.
 */
import { getHeapStatistics } from 'node:v8'
import { ConversionError } from '../../errors.js'
import type { Entries } from './archive.js'
import { MAX_XML_DEPTH, xmlShape } from './xml-depth.js'

const utf8 = new TextDecoder('utf-8')

/**
 * The main document part: the target of the package's officeDocument
 * relationship (as mammoth resolves it), else `word/document.xml`.
 */
export function mainDocumentPath(entries: Entries): string | undefined {
  const rels = entries.get('_rels/.rels')
  if (rels) {
    const text = utf8.decode(rels)
    // Each tag runs to its first `>`, found once: with none left, no later tag
    // can end either (a pattern `<Relationship[^>]*>` searched to the end again
    // from every start, quadratic on a damaged part).
    let after = 0
    for (const match of text.matchAll(/<(?:\w+:)?Relationship\b/g)) {
      if (match.index < after) continue
      const end = text.indexOf('>', match.index + match[0].length)
      if (end === -1) break
      after = end + 1
      const tag = text.slice(match.index, after)
      if (!/\bType="[^"]*\/officeDocument"/.test(tag)) continue
      const target = /\bTarget="([^"]*)"/.exec(tag)?.[1]?.replace(/^\//, '')
      if (target && entries.has(target)) return target
    }
  }
  return entries.has('word/document.xml') ? 'word/document.xml' : undefined
}

/**
 * Heap an XML element takes at the least once mammoth has read it (its DOM
 * node, its name and attributes, docmend's tree after it): measured on a
 * Word file of short paragraphs, between 540 and 1,070 bytes per element, so
 * a part that needs more than the heap has at this rate would fail anyway,
 * only later (a 4 MB DOCX of 290 MiB of paragraphs: 31 s and 2.2 GiB).
 */
const MIN_HEAP_PER_ELEMENT = 300

/**
 * Refuse the document when any XML part nests deeper than mammoth can walk,
 * or when its parts hold more elements than the heap this thread may grow to
 * (a conversion worker's `--max-memory`) can take. One scan per part.
 */
export function assertXmlParts(entries: Entries, max = MAX_XML_DEPTH, heapLimit = getHeapStatistics().heap_size_limit): void {
  const most = Math.floor(heapLimit / MIN_HEAP_PER_ELEMENT)
  let elements = 0
  for (const [name, data] of entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue
    const shape = xmlShape(data, max)
    if (shape.tooDeep) throw new ConversionError(`${name} nests XML elements more than ${max} deep; refused`, 'limit')
    elements += shape.elements
    if (elements > most) {
      const millions = (n: number) => `${(n / 1e6).toFixed(1)} million`
      throw new ConversionError(`${name} brings the document to ${millions(elements)} XML elements, more than its memory limit can read (about ${millions(most)}); refused`, 'limit')
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** XML character and entity references to text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name] ?? whole
  })
}

/** `dc:title` from `docProps/core.xml`, when the author set one. */
export function coreTitle(entries: Entries): string | undefined {
  const core = entries.get('docProps/core.xml')
  if (!core) return undefined
  // The first `<dc:title …>` and the first `</dc:title>` after it, each found
  // once (a lazy pattern retried from every later start was quadratic).
  const text = utf8.decode(core)
  const open = /<dc:title\b/.exec(text)
  const start = open ? text.indexOf('>', open.index + open[0].length) : -1
  const end = start === -1 ? -1 : text.indexOf('</dc:title>', start + 1)
  const title = end === -1 ? '' : decodeEntities(text.slice(start + 1, end)).replace(/\s+/g, ' ').trim()
  return title || undefined
}

/**
 * mammoth 1.13 reads `<w:tblHeader w:val="false"/>` as a header row (it only
 * checks the element is there); generators such as the `docx` library write
 * it on every ordinary row. An explicit off is the same as no element.
 */
export function dropFalseTableHeaders(xml: string): string {
  return xml.replace(/<(\w+:)?tblHeader\s+(?:\w+:)?val\s*=\s*"(?:false|0|off)"\s*\/>/g, '')
}

/**
 * What mammoth needs of a zip (its `{file}` input): `exists` and `read`, here
 * served from entries already decompressed and checked.
 */
export interface MammothFile {
  exists(name: string): boolean
  read(name: string, encoding?: string): Promise<Uint8Array | string>
}

/** `replaced` parts are served as the text given instead of their bytes (the numbered document). */
export function mammothFile(entries: Entries, replaced: ReadonlyMap<string, string> = new Map()): MammothFile {
  return {
    exists: (name) => entries.has(name),
    async read(name, encoding) {
      const text = replaced.get(name)
      if (text !== undefined && encoding && encoding !== 'base64') return dropFalseTableHeaders(text)
      const data = entries.get(name)
      if (!data) throw new ConversionError(`the part ${name} is missing`, 'corrupt')
      if (encoding === 'base64') return Buffer.from(data).toString('base64')
      if (encoding) {
        const text = new TextDecoder(encoding).decode(data)
        return name.endsWith('.xml') ? dropFalseTableHeaders(text) : text
      }
      return data
    }
  }
}
