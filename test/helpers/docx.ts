/**
 * Helpers for the DOCX tests: read tables back out of docmend's HTML, make
 * small Word files with the `docx` library, and write zips by hand when a
 * test needs one no library would write (lying sizes, thousands of entries).
 */
import { deflateRawSync } from 'node:zlib'
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { type ISectionOptions, Document, Packer } from 'docx'

export interface HtmlCell {
  text: string
  rowSpan: number
  colSpan: number
  th: boolean
}

export interface HtmlTable {
  /** Rows in order, head first; each lists the cells written in it. */
  rows: HtmlCell[][]
  /** Rows inside `<thead>`. */
  headRows: number
  caption?: string
}

const isElement = (node: ElementContent | HastRoot['children'][number], name?: string): node is Element =>
  node.type === 'element' && (name === undefined || node.tagName === name)

/** Text as a reader sees it: `<br>` is a line break. */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'br') return '\n'
  return node.children.map(textOf).join('')
}

function elements(node: HastRoot | Element, name: string): Element[] {
  const found: Element[] = []
  const walk = (n: HastRoot | Element) => {
    for (const child of n.children) {
      if (!isElement(child)) continue
      if (child.tagName === name) found.push(child)
      else walk(child)
    }
  }
  walk(node)
  return found
}

const htmlParser = unified().use(rehypeParse, { fragment: true })

/** Every top-level table of an HTML page, cell by cell. */
export function htmlTables(html: string): HtmlTable[] {
  const tree = htmlParser.parse(html)
  return elements(tree, 'table').map((table) => {
    const sections = table.children.filter((c): c is Element => isElement(c))
    const head = sections.filter((s) => s.tagName === 'thead').flatMap((s) => elements(s, 'tr'))
    const rows = sections.flatMap((s) => (s.tagName === 'tr' ? [s] : ['thead', 'tbody', 'tfoot'].includes(s.tagName) ? elements(s, 'tr') : []))
    const caption = sections.find((s) => s.tagName === 'caption')
    const result: HtmlTable = {
      headRows: head.length,
      rows: rows.map((tr) =>
        tr.children
          .filter((c): c is Element => isElement(c, 'td') || isElement(c, 'th'))
          .map((cell) => ({
            text: textOf(cell).trim(),
            rowSpan: Number(cell.properties?.rowSpan ?? 1),
            colSpan: Number(cell.properties?.colSpan ?? 1),
            th: cell.tagName === 'th'
          }))
      )
    }
    if (caption) result.caption = textOf(caption).trim()
    return result
  })
}

/** A Word file made with the `docx` library from one section's content. */
export async function makeDocx(
  children: ISectionOptions['children'],
  options: Partial<ConstructorParameters<typeof Document>[0]> = {}
): Promise<Uint8Array> {
  const doc = new Document({ ...options, sections: [{ children }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

export interface ZipEntry {
  name: string
  /** Already deflated when `method` is 8, else stored as is. */
  data: Uint8Array
  method?: 0 | 8
  /** The uncompressed size written in the headers (default: the true size for stored data). */
  declaredSize?: number
}

/** Raw-deflate `bytes`, for a ZipEntry with method 8. */
export const deflate = (bytes: Uint8Array | string): Uint8Array => deflateRawSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)

/**
 * A zip archive written field by field (APPNOTE 4.3), CRCs left at 0: the
 * readers under test do not check them, and hostile tests need sizes that lie.
 */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const method = entry.method ?? 0
    const size = entry.declaredSize ?? entry.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(entry.data))
    centrals.push(central, name)
    offset += local.length + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** The smallest parts Word needs around a `word/document.xml` body. */
export function minimalDocxEntries(documentXml: string): ZipEntry[] {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  return [
    { name: '[Content_Types].xml', data: deflate(contentTypes), method: 8, declaredSize: Buffer.byteLength(contentTypes) },
    { name: '_rels/.rels', data: deflate(rels), method: 8, declaredSize: Buffer.byteLength(rels) },
    { name: 'word/document.xml', data: deflate(documentXml), method: 8, declaredSize: Buffer.byteLength(documentXml) }
  ]
}

/** A WordprocessingML body around some paragraphs' XML. */
export const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
