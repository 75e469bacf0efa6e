// The fuzzer's starting files: the sample reports, small DOCX/PDF/HTML/Markdown
// documents generated here (so CI, which has no shared corpus, still fuzzes
// every reader), and the shared corpus when it is present.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import PDFDocument from 'pdfkit'

const KIND_BY_EXTENSION = { '.txt': 'text', '.md': 'md', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf' }

/** A 1×1 PNG, so generated documents carry an image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

const cell = (text, options = {}) => new TableCell({ children: [new Paragraph(text)], ...options })

/** A report-like DOCX: headings, CJK text, a table with row and column spans, a list, an image. */
export async function generatedDocx() {
  const table = new Table({
    rows: [
      new TableRow({ tableHeader: true, children: [cell('地区', { rowSpan: 2 }), cell('收入（万元）', { columnSpan: 2 })] }),
      new TableRow({ tableHeader: true, children: [cell('2023'), cell('2024')] }),
      new TableRow({ children: [cell('北京'), cell('1,200'), cell('1,350')] }),
      new TableRow({ children: [cell('上海', { verticalMerge: VerticalMergeType.RESTART }), cell('980'), cell('1,010')] }),
      new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('—'), cell('12')] })
    ]
  })
  const doc = new Document({
    title: '年度报告',
    sections: [
      {
        children: [
          new Paragraph({ text: '二〇二三年政府信息公开工作年度报告', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('根据《中华人民共和国政府信息公开条例》'), new TextRun({ text: '（以下简称《条例》）', bold: true })] }),
          new Paragraph({ text: 'Totals by region', heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER }),
          table,
          new Paragraph({ text: '主动公开政府信息情况', bullet: { level: 0 } }),
          new Paragraph({ text: '收到和处理政府信息公开申请情况', bullet: { level: 1 } }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] })
        ]
      }
    ]
  })
  return reproducibleZip(await Packer.toBuffer(doc))
}

/** The same bytes on every run: fixed dates in docProps/core.xml and in the zip entries. */
function reproducibleZip(zip) {
  const entries = unzipSync(zip)
  const core = entries['docProps/core.xml']
  if (core) {
    const xml = strFromU8(core).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '2024-01-01T00:00:00Z')
    entries['docProps/core.xml'] = strToU8(xml)
  }
  return Buffer.from(zipSync(entries, { mtime: new Date('2024-01-01T00:00:00Z'), level: 6 }))
}

/** A three-page PDF with a title, paragraphs and a ruled table. */
export function generatedPdf() {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'Fuzz seed', CreationDate: new Date(0) } })
    const chunks = []
    doc.on('data', (c) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    for (let page = 1; page <= 3; page++) {
      if (page > 1) doc.addPage()
      doc.fontSize(18).text(`Annual report, part ${page}`)
      doc.fontSize(11).text('Requests received and handled during the year, by outcome and by kind of applicant. '.repeat(4))
      const top = doc.y + 10
      for (let r = 0; r <= 4; r++) doc.moveTo(50, top + r * 20).lineTo(450, top + r * 20).stroke()
      for (const x of [50, 200, 325, 450]) doc.moveTo(x, top).lineTo(x, top + 80).stroke()
      const rows = [['Outcome', 'Natural persons', 'Companies'], ['Granted', '120', '14'], ['Refused', '8', '2'], ['Total', '128', '16']]
      rows.forEach((row, r) => row.forEach((text, c) => doc.text(text, [55, 205, 330][c], top + r * 20 + 5, { width: 120, lineBreak: false })))
      doc.text('', 50, top + 100)
    }
    doc.end()
  })
}

const HTML_SEED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报告</title></head><body>
<h1>年度报告</h1><p>正文 <a href="https://example.org/">链接</a> <img src="x.png" alt="图"></p>
<table><thead><tr><th rowspan="2">项目</th><th colspan="2">数量</th></tr><tr><th>2023</th><th>2024</th></tr></thead>
<tbody><tr><td>申请</td><td>12</td><td>15</td></tr><tr><td colspan="3">合计 27</td></tr></tbody></table>
<ul><li>一<ul><li>二</li></ul></li></ul><script>alert(1)</script></body></html>
`

const MD_SEED = `# 年度报告

Some **bold** text, a [link](https://example.org/) and \`code\`.

| 项目 | 2023 | 2024 |
|:-----|-----:|:----:|
| 申请 | 12 | 15 |
| 合计 | 27 | |

- one
  - two
    1. three

> quoted
`

function seed(name, bytes) {
  return { name, kind: KIND_BY_EXTENSION[extname(name).toLowerCase()], ext: extname(name).toLowerCase(), bytes }
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort()
}

/** Every seed file, in a fixed order (so a seed number means the same cases on every machine with the same corpus). */
export async function loadSeeds({ root, corpus }) {
  const seeds = []
  for (const file of walk(join(root, 'samples'))) if (file.endsWith('.txt')) seeds.push(seed(relative(root, file), readFileSync(file)))
  seeds.push(seed('generated/report.docx', await generatedDocx()))
  seeds.push(seed('generated/report.pdf', await generatedPdf()))
  seeds.push(seed('generated/report.html', Buffer.from(HTML_SEED)))
  seeds.push(seed('generated/report.md', Buffer.from(MD_SEED)))
  if (corpus && existsSync(corpus)) {
    for (const file of walk(corpus)) {
      // camelot's files are kept aside to judge docmend on; nothing here uses them.
      if (relative(corpus, file).split(sep).includes('camelot')) continue
      const s = seed(relative(corpus, file), readFileSync(file))
      if (s.kind && s.bytes.length <= 8 * 1024 * 1024) seeds.push({ ...s, name: `corpus/${s.name}` })
    }
  }
  return seeds
}
