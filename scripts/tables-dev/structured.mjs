/**
 * Gold tables from structure files vendored in test/corpus: docling's
 * ground-truth JSON for its test PDFs (table_cells with row/column offsets
 * and column_header flags) and the ICDAR 2013 table-competition structure
 * files (*-str.xml: start/end row and column of every cell).
 * Usage: node scripts/tables-dev/structured.mjs
 */
import { readFileSync, readdirSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'
import { buildTable, domainOf, languageOf, oneLine, writeSource } from './gold.mjs'

const list = (nl) => Array.from({ length: nl.length }, (_, i) => nl.item(i))
const lang = (cells) => languageOf(cells.map((c) => c.text))

function doclingTables() {
  const dir = 'test/corpus/pdf/docling/groundtruth'
  const out = []
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))
    ;(doc.tables ?? []).forEach((t, i) => {
      const seen = new Set()
      const cells = []
      for (const c of t.data.table_cells) {
        const key = `${c.start_row_offset_idx},${c.start_col_offset_idx}`
        if (seen.has(key)) continue
        seen.add(key)
        cells.push({ row: c.start_row_offset_idx, col: c.start_col_offset_idx, rowSpan: c.end_row_offset_idx - c.start_row_offset_idx, colSpan: c.end_col_offset_idx - c.start_col_offset_idx, text: oneLine(c.text), head: c.column_header === true })
      }
      if (cells.length === 0) return
      let marked = 0
      while (cells.some((c) => c.row === marked) && cells.filter((c) => c.row === marked).every((c) => c.head)) marked++
      const id = `docling-pdf/${f.replace(/\.json$/, '')}#${i + 1}`
      out.push(buildTable({ id, source: 'docling-pdf', domain: domainOf(id, 'documents'), language: lang(cells) }, cells, { headerRows: marked || undefined }))
    })
  }
  return out
}

function icdarTables() {
  const dir = 'test/corpus/pdf/tables/tabula/expected'
  const out = []
  for (const f of readdirSync(dir).filter((f) => f.endsWith('-str.xml')).sort()) {
    const doc = new DOMParser().parseFromString(readFileSync(`${dir}/${f}`, 'utf8'), 'text/xml')
    list(doc.getElementsByTagName('table')).forEach((t, i) => {
      const cells = list(t.getElementsByTagName('cell')).map((c) => {
        const sr = Number(c.getAttribute('start-row'))
        const sc = Number(c.getAttribute('start-col'))
        const er = c.hasAttribute('end-row') ? Number(c.getAttribute('end-row')) : sr
        const ec = c.hasAttribute('end-col') ? Number(c.getAttribute('end-col')) : sc
        const content = c.getElementsByTagName('content').item(0)
        return { row: sr, col: sc, rowSpan: er - sr + 1, colSpan: ec - sc + 1, text: oneLine(content?.textContent) }
      })
      const id = `icdar2013/${f.replace(/-str\.xml$/, '')}#${i + 1}`
      out.push(buildTable({ id, source: 'icdar2013', domain: domainOf(id, 'statistics'), language: lang(cells) }, cells))
    })
  }
  return out
}

console.log('docling-pdf', writeSource('test/tables-dev/docling-pdf.json', { source: 'docling-pdf' }, doclingTables()))
console.log('icdar2013', writeSource('test/tables-dev/icdar2013.json', { source: 'icdar2013' }, icdarTables()))
