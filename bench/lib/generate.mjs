// Large documents generated reproducibly for the benches: a report page
// (heading, paragraphs, a table with merged header cells) repeated.
import { writeFileSync } from 'node:fs'
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import PDFDocument from 'pdfkit'

const PARAGRAPH = 'The office received and handled requests for information during the year; the table below gives the outcome for each kind of applicant. '

const cell = (text, options = {}) => new TableCell({ children: [new Paragraph(text)], ...options })

function docxTable(page) {
  const rows = [
    new TableRow({ tableHeader: true, children: [cell('Outcome', { rowSpan: 2 }), cell('Applicants', { columnSpan: 3 }), cell('Total', { rowSpan: 2 })] }),
    new TableRow({ tableHeader: true, children: [cell('Persons'), cell('Companies'), cell('Others')] })
  ]
  for (let r = 0; r < 8; r++) rows.push(new TableRow({ children: [cell(`结果 ${r + 1}`), cell(String(page * 7 + r)), cell(String(r * 3)), cell(String(r)), cell(String(page * 7 + r * 5))] }))
  return new Table({ rows })
}

/** A DOCX of `pages` pages, each ending with a page break. */
export async function generateDocx(path, pages) {
  const children = []
  for (let p = 1; p <= pages; p++) {
    children.push(new Paragraph({ text: `第 ${p} 页 Section ${p}`, heading: HeadingLevel.HEADING_2 }))
    children.push(new Paragraph({ children: [new TextRun(PARAGRAPH.repeat(3))] }))
    children.push(docxTable(p))
    children.push(new Paragraph({ children: [new TextRun(PARAGRAPH.repeat(2)), new PageBreak()] }))
  }
  const doc = new Document({ creator: 'docmend bench', sections: [{ children }] })
  writeFileSync(path, await Packer.toBuffer(doc))
}

/** A PDF of `pages` pages: heading, paragraph text and a ruled table on each. */
export function generatePdf(path, pages) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, compress: true, info: { Title: 'docmend bench', CreationDate: new Date(0) } })
    const chunks = []
    doc.on('data', (c) => chunks.push(c))
    doc.on('end', () => {
      writeFileSync(path, Buffer.concat(chunks))
      resolve()
    })
    doc.on('error', reject)
    for (let p = 1; p <= pages; p++) {
      if (p > 1) doc.addPage()
      doc.fontSize(16).text(`Section ${p}`)
      doc.fontSize(10).text(PARAGRAPH.repeat(3))
      const top = doc.y + 10
      const xs = [50, 170, 260, 350, 440, 530]
      for (let r = 0; r <= 9; r++) doc.moveTo(50, top + r * 18).lineTo(530, top + r * 18).stroke()
      for (const x of xs) doc.moveTo(x, top).lineTo(x, top + 162).stroke()
      const header = ['Outcome', 'Persons', 'Companies', 'Others', 'Total']
      header.forEach((t, c) => doc.text(t, xs[c] + 4, top + 4, { width: 80, lineBreak: false }))
      for (let r = 1; r <= 8; r++) {
        const row = [`Outcome ${r}`, String(p * 7 + r), String(r * 3), String(r), String(p * 7 + r * 5)]
        row.forEach((t, c) => doc.text(t, xs[c] + 4, top + r * 18 + 4, { width: 80, lineBreak: false }))
      }
      doc.text(PARAGRAPH.repeat(2), 50, top + 175)
    }
    doc.end()
  })
}

/** A GFM table of about `bytes` bytes (a head row and numeric rows), as one Markdown file. */
export function generateGfmTable(path, bytes) {
  const lines = ['| Region | Product | Q1 | Q2 | Q3 | Q4 | Note |', '|---|---|---:|---:|---:|---:|---|']
  let size = lines.join('\n').length + 1
  for (let i = 0; size < bytes; i++) {
    const line = `| North ${i} | Widget ${i % 97} | ${(i * 3) % 1000} | ${(i * 7) % 1000} | ${(i * 11) % 1000} | ${(i * 13) % 1000} | some note text ${i} |`
    lines.push(line)
    size += line.length + 1
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
}
