/**
 * Reproducible test PDFs, drawn with pdfkit inside the tests: ruled tables
 * with merged cells, unruled aligned tables, two-column pages, headings and
 * lists, running headers and page numbers, CJK text, encrypted files.
 * Test-only code: docmend's own PDF writer lives in src/emit/pdf/.
 */
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)

/** Noto Sans SC from npm (the PDF writer's CJK font), regular and bold. */
export const CJK_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')
export const CJK_BOLD_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')

type Doc = PDFKit.PDFDocument

export interface PdfOptions {
  userPassword?: string
  /** Page size in points (default A4). */
  size?: [number, number]
}

/** Run `draw` on a fresh A4 document and return the PDF bytes. */
export function makePdf(draw: (doc: Doc) => void, options: PdfOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: options.size ?? 'A4',
      // Everything is placed explicitly; a small margin keeps pdfkit from adding pages.
      margin: 20,
      autoFirstPage: true,
      bufferPages: true,
      // A fixed date keeps the bytes reproducible.
      info: { CreationDate: new Date(Date.UTC(2024, 0, 1)), ModDate: new Date(Date.UTC(2024, 0, 1)) },
      ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, pdfVersion: '1.7ext3' as const } : {})
    })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
    try {
      draw(doc)
      doc.end()
    } catch (error) {
      reject(error)
    }
  })
}

/** A cell of a table to draw: text, spans, bold for head cells. */
export interface DrawCell {
  text: string
  rowSpan?: number
  colSpan?: number
  bold?: boolean
}

export interface DrawTableOptions {
  x: number
  y: number
  colWidths: number[]
  rowHeight: number
  fontSize?: number
  /** Draw the rules (a ruled table) or not (an aligned table). */
  ruled: boolean
  /** Font for regular and bold cells. */
  font?: string
  boldFont?: string
  /** Numbers right-aligned, as in reports. */
  alignNumbers?: boolean
}

/**
 * Draw rows of cells (HTML-style: slots under a span are omitted) as a
 * table. Each cell's own rectangle is stroked, so no rule is drawn between
 * the slots of a merged cell. Returns the y below the table.
 */
export function drawTable(doc: Doc, rows: DrawCell[][], o: DrawTableOptions): number {
  const size = o.fontSize ?? 10
  const taken: boolean[][] = rows.map(() => [])
  const xs = [o.x]
  for (const w of o.colWidths) xs.push(xs[xs.length - 1] + w)
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (taken[r][c]) c++
      const rs = cell.rowSpan ?? 1
      const cs = cell.colSpan ?? 1
      for (let rr = r; rr < r + rs; rr++) for (let cc = c; cc < c + cs; cc++) taken[rr][cc] = true
      const left = xs[c]
      const width = xs[c + cs] - left
      const top = o.y + r * o.rowHeight
      const height = rs * o.rowHeight
      if (o.ruled) doc.lineWidth(0.6).rect(left, top, width, height).stroke()
      const font = cell.bold ? (o.boldFont ?? 'Helvetica-Bold') : (o.font ?? 'Helvetica')
      const numeric = o.alignNumbers && /^[\d.,%-]+$/.test(cell.text)
      doc
        .font(font)
        .fontSize(size)
        .text(cell.text, left + 4, top + (height - size) / 2, { width: width - 8, align: numeric ? 'right' : 'left', lineBreak: false })
      c += cs
    }
  })
  return o.y + rows.length * o.rowHeight
}

/** Use the CJK font. */
export function cjk(doc: Doc, size: number, bold = false): Doc {
  return doc.font(bold ? CJK_BOLD_FONT_FILE : CJK_FONT_FILE).fontSize(size)
}

/** Paragraph text for filling pages. */
export const LOREM = [
  'The committee reviewed the annual figures in detail and found that the regional offices had met most of their targets for the year.',
  'Spending on maintenance rose slightly, while the cost of new equipment fell because several purchases were postponed until the spring.',
  'Staff numbers stayed level across all departments, although two teams were merged to share the work of processing applications.',
  'The board agreed to publish the full accounts together with this summary, so that readers can check every figure against its source.'
]

/**
 * Set `text` as justified lines of `width`, at most `maxLines` of them, the
 * way a paragraph is set before a column or page break: every line drawn,
 * including the last, runs to the margin. Returns the words left over.
 */
export function drawJustified(doc: Doc, text: string, x: number, y: number, width: number, maxLines: number, leading = 1.3): string {
  const words = text.split(/\s+/).filter(Boolean)
  const size = (doc as unknown as { _fontSize: number })._fontSize
  let line = 0
  while (words.length > 0 && line < maxLines) {
    const taken: string[] = []
    while (words.length > 0 && doc.widthOfString([...taken, words[0]].join(' ')) <= width) taken.push(words.shift()!)
    if (taken.length === 0) taken.push(words.shift()!)
    const natural = doc.widthOfString(taken.join(' '))
    const spacing = words.length > 0 && taken.length > 1 ? (width - natural) / (taken.length - 1) : 0
    doc.text(taken.join(' '), x, y + line * size * leading, { lineBreak: false, wordSpacing: spacing })
    line++
  }
  return words.join(' ')
}
