// Hostile inputs built from scratch: bombs, deep nesting, huge lines, and
// hand-made PDFs whose structure loops or lies. Each builder is deterministic.
import { constants, crc32, deflateRawSync } from 'node:zlib'
import { Zip, ZipPassThrough, strToU8, unzipSync, zipSync } from 'fflate'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const docXml = (body, prolog = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`

/** A DOCX's entries with word/document.xml replaced (or removed, for `null`). */
export function withDocumentXml(docxBytes, xml) {
  const entries = unzipSync(docxBytes)
  if (xml === null) delete entries['word/document.xml']
  else entries['word/document.xml'] = typeof xml === 'string' ? strToU8(xml) : xml
  return Buffer.from(zipSync(entries, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') }))
}

/** Raw deflate of `data` ending on a byte boundary with an empty window, so pieces can be concatenated. */
const flushedPiece = (data) => deflateRawSync(data, { level: 9, finishFlush: constants.Z_FULL_FLUSH })
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00])

/**
 * Deflate data of `prefix + unit × times + suffix` without compressing it all:
 * one compressed unit repeated. Returns the raw deflate stream, size and CRC.
 */
function repeatedDeflate(prefix, unit, times, suffix) {
  const [p, u, s] = [prefix, unit, suffix].map((b) => Buffer.from(b))
  const pieces = [flushedPiece(p), ...Array(times).fill(flushedPiece(u)), flushedPiece(s), FINAL_EMPTY_BLOCK]
  let crc = crc32(p)
  for (let i = 0; i < times; i++) crc = crc32(u, crc)
  crc = crc32(s, crc)
  return { pieces, size: p.length + u.length * times + s.length, crc: crc >>> 0 }
}

/** A zip entry whose compressed bytes are given as they are (fflate custom entry). */
function predeflatedEntry(filename, { pieces, size, crc }) {
  return {
    filename,
    size,
    crc,
    compression: 8,
    mtime: new Date('2024-01-01T00:00:00Z'),
    start() {
      pieces.forEach((piece, i) => this.ondata(null, piece, i === pieces.length - 1))
    }
  }
}

function zipOf(entries) {
  const chunks = []
  const zip = new Zip((error, data) => {
    if (error) throw error
    chunks.push(data)
  })
  for (const [name, value] of entries) {
    if (value.pieces) {
      const entry = predeflatedEntry(name, value)
      zip.add(entry)
      entry.start()
    } else {
      const entry = new ZipPassThrough(name)
      entry.mtime = new Date('2024-01-01T00:00:00Z')
      zip.add(entry)
      entry.push(value, true)
    }
  }
  zip.end()
  return Buffer.concat(chunks)
}

let bomb
/** A 1 MB DOCX whose word/document.xml inflates to 1 GiB of paragraphs. */
export function zipBombDocx(docxBytes) {
  if (bomb) return bomb
  const entries = unzipSync(docxBytes)
  const unit = strToU8('<w:p><w:r><w:t>炸弹 bomb</w:t></w:r></w:p>'.repeat(25_000)) // ~1 MiB
  const document = repeatedDeflate(strToU8(docXml('').replace('</w:body></w:document>', '')), unit, Math.floor(2 ** 30 / unit.length), strToU8('</w:body></w:document>'))
  bomb = zipOf(Object.entries(entries).map(([name, data]) => [name, name === 'word/document.xml' ? document : data]))
  return bomb
}

/** A DOCX with tens of thousands of tiny entries besides the real ones. */
export function manyEntriesDocx(docxBytes, count) {
  const entries = Object.entries(unzipSync(docxBytes))
  const junk = strToU8('<a/>')
  for (let i = 0; i < count; i++) entries.push([`word/media/junk${i}.xml`, junk])
  return zipOf(entries)
}

/** document.xml nested `depth` deep. */
export function nestedDocumentXml(depth, how) {
  const open = { tables: '<w:tbl><w:tr><w:tc>', runs: '<w:r>', sdt: '<w:sdt><w:sdtContent>', hyperlink: '<w:hyperlink>' }[how]
  const close = { tables: '<w:p/></w:tc></w:tr></w:tbl>', runs: '</w:r>', sdt: '</w:sdtContent></w:sdt>', hyperlink: '</w:hyperlink>' }[how]
  const inner = how === 'tables' ? '' : '<w:p><w:r><w:t>deep</w:t></w:r></w:p>'
  return docXml(open.repeat(depth) + inner + close.repeat(depth).replace('<w:p/>', ''))
}

/** Billion laughs: nested entity definitions. */
export function entityBombXml() {
  let prolog = '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
  for (let i = 1; i <= 12; i++) prolog += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`
  prolog += ']>'
  return docXml('<w:p><w:r><w:t>&lol12;</w:t></w:r></w:p>', prolog)
}

/** Table cells claiming absurd spans, and a table far wider than any page. */
export function absurdTableXml(variant) {
  const tc = (props, text) => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`
  if (variant === 'span') {
    const rows = [
      `<w:tr>${tc('<w:gridSpan w:val="2147483647"/>', 'wide')}${tc('<w:vMerge w:val="restart"/>', 'tall')}</w:tr>`,
      ...Array.from({ length: 200 }, () => `<w:tr>${tc('<w:gridSpan w:val="-5"/>', 'x')}${tc('<w:vMerge/>', '')}</w:tr>`)
    ]
    return docXml(`<w:tbl>${rows.join('')}</w:tbl>`)
  }
  const wide = `<w:tr>${tc('', 'c').repeat(20_000)}</w:tr>`
  return docXml(`<w:tbl>${wide}${wide}</w:tbl>`)
}

/** One line of `bytes` bytes built from a repeated pattern. */
export function longLine(bytes, pattern) {
  const unit = Buffer.from(pattern)
  const out = Buffer.allocUnsafe(bytes)
  out.fill(unit)
  return out
}

export function nestedHtml(depth, tag) {
  const open = tag === 'table' ? '<table><tr><td>' : `<${tag}>`
  const close = tag === 'table' ? '</td></tr></table>' : `</${tag}>`
  return Buffer.from(`<!doctype html><html><body>${open.repeat(depth)}deep${close.repeat(depth)}</body></html>`)
}

export function absurdSpanHtml() {
  const rows = ['<tr><td rowspan="65534" colspan="1000">a</td><td colspan="2147483647">b</td></tr>']
  for (let i = 0; i < 300; i++) rows.push(`<tr><td colspan="1000">${i}</td><td rowspan="0">z</td></tr>`)
  return Buffer.from(`<html><body><table>${rows.join('')}</table></body></html>`)
}

export function nestedMarkdown(depth, how) {
  const unit = { quote: '> ', list: '- ', emphasis: '*', link: '[', code: '`' }[how]
  // Indentation grows with depth, so a list stops at 3,000 levels (18 MB).
  if (how === 'list') return Buffer.from(Array.from({ length: Math.min(depth, 3000) }, (_, i) => `${'  '.repeat(i)}- item\n`).join(''))
  if (how === 'emphasis') return Buffer.from(`${'*a '.repeat(depth)}\n${'_b'.repeat(depth)}\n`)
  return Buffer.from(`${unit.repeat(depth)}deep\n`)
}

/** A GFM-looking table with very many columns or rows, for the text table detector. */
export function hugeTextTable(rows, cols) {
  const row = (c) => `|${Array.from({ length: cols }, (_, i) => ` ${c}${i} `).join('|')}|\n`
  const lines = [row('h'), `|${' --- |'.repeat(cols)}\n`]
  for (let r = 0; r < rows; r++) lines.push(row(r % 10))
  return Buffer.from(lines.join(''))
}

// ---- PDFs built by hand ----------------------------------------------------

/**
 * A PDF from object bodies (object i+1 is bodies[i]) with a correct xref table,
 * unless `xref` says how to break it.
 */
export function handmadePdf(bodies, { trailer = '/Root 1 0 R', xref = 'ok', binary = [] } = {}) {
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets = []
  let at = parts[0].length
  bodies.forEach((body, i) => {
    offsets.push(at)
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')])
    parts.push(chunk)
    at += chunk.length
  })
  const xrefAt = at
  let table = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  if (xref === 'garbage') table = table.replace(/\d{10} 00000 n/g, (m, i) => `${String((i * 7919) % 99999999).padStart(10, '0')} 00000 n`)
  if (xref === 'none') table = ''
  const startxref = xref === 'wrong-start' ? xrefAt + 12345 : xref === 'negative-start' ? -1 : xrefAt
  parts.push(Buffer.from(`${table}trailer\n<< /Size ${bodies.length + 1} ${trailer} >>\nstartxref\n${startxref}\n%%EOF\n`))
  return Buffer.concat(parts.concat(binary))
}

const page = (parent, contents = '') => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 612 792] ${contents} >>`
const textStream = (text) => {
  const ops = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`
  return `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`
}

/** Hand-made PDFs whose references loop, nest or lie. */
export function hostilePdf(variant) {
  switch (variant) {
    case 'cyclic-kids':
      // The page tree contains itself.
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', page(2)])
    case 'cyclic-parents':
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>'])
    case 'self-length':
      // The content stream's /Length is a reference to an object that refers back.
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, '/Contents 4 0 R'), '<< /Length 5 0 R >>\nstream\nBT ET\nendstream', '4 0 R'])
    case 'ref-chain':
      // Each object is a reference to the next, in a ring.
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '3 0 R', '4 0 R', '2 0 R'])
    case 'xref-prev-loop': {
      const pdf = handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, '/Contents 4 0 R'), textStream('loop')], {
        trailer: '/Root 1 0 R /Prev 0'
      })
      const start = pdf.lastIndexOf('xref\n0 ')
      return Buffer.from(pdf.toString('latin1').replace('/Prev 0', `/Prev ${start}`), 'latin1')
    }
    case 'deep-array':
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, `/Junk ${'['.repeat(100_000)}${']'.repeat(100_000)}`)])
    case 'deep-dict':
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, `/Junk ${'<< /A '.repeat(50_000)}1${' >>'.repeat(50_000)}`)])
    case 'huge-count':
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>', page(2, '/Contents 4 0 R'), textStream('count')])
    case 'many-kids':
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${'3 0 R '.repeat(200_000)}] /Count 200000 >>`, page(2, '/Contents 4 0 R'), textStream('same page')])
    case 'xref-garbage':
    case 'xref-none':
    case 'xref-wrong-start':
    case 'xref-negative-start':
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, '/Contents 4 0 R'), textStream('hello')], {
        xref: variant.slice(5)
      })
    case 'stream-bomb': {
      // A content stream that inflates to 512 MiB of drawing operators (zlib header, no checksum).
      const ops = Buffer.from('0 0 m 1 1 l S\n'.repeat(75_000))
      const { pieces } = repeatedDeflate(Buffer.alloc(0), ops, Math.floor(2 ** 29 / ops.length), Buffer.alloc(0))
      const data = Buffer.concat([Buffer.from([0x78, 0xda]), ...pieces, Buffer.alloc(4)])
      const stream = Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream')])
      return handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(2, '/Contents 4 0 R'), stream])
    }
    default:
      throw new Error(`unknown hostile PDF ${variant}`)
  }
}

export const HOSTILE_PDFS = [
  'cyclic-kids',
  'cyclic-parents',
  'self-length',
  'ref-chain',
  'xref-prev-loop',
  'deep-array',
  'deep-dict',
  'huge-count',
  'many-kids',
  'xref-garbage',
  'xref-none',
  'xref-wrong-start',
  'xref-negative-start',
  'stream-bomb'
]
