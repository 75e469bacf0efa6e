/**
 * Gold tables from the DOCX files vendored in test/corpus/docx, read from
 * word/document.xml directly (w:gridSpan, w:vMerge, w:tblHeader), not with
 * docmend's own reader. Usage: node scripts/tables-dev/docx.mjs
 */
import { readFileSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'
import { unzipSync, strFromU8 } from 'fflate'
import { buildTable, domainOf, languageOf, oneLine, writeSource } from './gold.mjs'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const kids = (el, name) => {
  const out = []
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue
    if (n.localName === name) out.push(n)
    else if (['sdt', 'sdtContent', 'customXml', 'smartTag'].includes(n.localName)) out.push(...kids(n, name))
  }
  return out
}
const list = (nl) => Array.from({ length: nl.length }, (_, i) => nl.item(i))
const kid = (el, name) => (el ? kids(el, name)[0] : undefined)
const val = (el) => el?.getAttributeNS(W, 'val') || el?.getAttribute('w:val') || ''

function cellText(tc) {
  const paras = list(tc.getElementsByTagNameNS(W, 'p'))
  return oneLine(paras.map((p) => list(p.getElementsByTagNameNS(W, 't')).map((t) => t.textContent).join('')).join(' '))
}

export function docxTables(path) {
  const xml = strFromU8(unzipSync(readFileSync(path), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'])
  const doc = new DOMParser().parseFromString(xml, 'text/xml')
  const tables = []
  for (const tbl of list(doc.getElementsByTagNameNS(W, 'tbl'))) {
    if (tbl.getElementsByTagNameNS(W, 'tbl').length > 0) continue // a nested table has no one-line paste
    let parent = tbl.parentNode
    let nested = false
    while (parent) {
      if (parent.localName === 'tbl') nested = true
      parent = parent.parentNode
    }
    if (nested) continue
    const cells = []
    const above = [] // column → the cell covering it in the row before
    let marked = 0
    let leading = true
    kids(tbl, 'tr').forEach((tr, r) => {
      const trPr = kid(tr, 'trPr')
      const isHead = trPr && kid(trPr, 'tblHeader') && val(kid(trPr, 'tblHeader')) !== 'false' && val(kid(trPr, 'tblHeader')) !== '0'
      if (leading && isHead) marked++
      else leading = false
      let c = Number(val(trPr && kid(trPr, 'gridBefore')) || 0)
      for (const tc of kids(tr, 'tc')) {
        const tcPr = kid(tc, 'tcPr')
        const span = Number(val(tcPr && kid(tcPr, 'gridSpan')) || 1)
        const vm = tcPr && kid(tcPr, 'vMerge')
        const cont = vm && val(vm) !== 'restart'
        if (cont && above[c] && above[c].col === c && above[c].colSpan === span && above[c].row + above[c].rowSpan === r) {
          above[c].rowSpan++
        } else {
          const cell = { row: r, col: c, rowSpan: 1, colSpan: span, text: cont ? '' : cellText(tc) }
          cells.push(cell)
          for (let x = c; x < c + span; x++) above[x] = cell
        }
        c += span
      }
    })
    if (cells.length > 0) tables.push({ cells, marked })
  }
  return tables
}

/** file → source id; each vendored project is its own source. */
const FILES = {
  'docling-docx': ['docling/docx_rich_tables_01', 'docling/docx_checkboxes', 'docling/tablecell', 'docling/word_sample', 'docling/docx_rich_cells', 'docling/table_with_equations', 'docling/word_tables'],
  // pandoc's test files are GPL, MinerU's demo carries terms beyond Apache-2.0: not used.
  'mammoth-docx': ['mammoth/tables'],
  'poitl-docx': ['cjk/poitl_OKR', 'cjk/poitl_render_multiple_column', 'cjk/poitl_payment', 'cjk/poitl_render_hackloop']
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [source, files] of Object.entries(FILES)) {
    const tables = []
    for (const f of files) {
      docxTables(`test/corpus/docx/${f}.docx`).forEach(({ cells, marked }, i) => {
        const id = `${source}/${f.split('/')[1]}#${i + 1}`
        const language = languageOf(cells.map((c) => c.text))
        tables.push(buildTable({ id, source, domain: domainOf(id, 'documents'), language }, cells, { headerRows: marked || undefined }))
      })
    }
    console.log(source, writeSource(`test/tables-dev/${source}.json`, { source }, tables), 'of', tables.length)
  }
}
