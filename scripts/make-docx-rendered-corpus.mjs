#!/usr/bin/env node
/**
 * Builds test/corpus/pdf/docx-rendered: the tables of the corpus's
 * permissively licensed DOCX files, drawn by a real third-party PDF
 * producer (LibreOffice Writer) and paired with the grid Word itself
 * declares. Run once; the PDFs and expected cells are committed (a
 * LibreOffice upgrade may lay them out differently, so the test does not
 * re-render them).
 *
 *   node scripts/make-docx-rendered-corpus.mjs
 *
 * Expected cells come from each top-level `w:tbl` of word/document.xml,
 * never from docmend's own reader: rows are `w:tr`, a cell covers
 * `w:gridSpan` grid columns (after `w:gridBefore` empty ones), and a
 * `w:vMerge` continuation extends the cell above it. A cell's text is
 * its `w:t` runs (a nested table's included), paragraphs and breaks as
 * spaces; deleted text (`w:delText`) and the fallback copy of
 * alternate content are left out, as Word shows neither.
 *
 * Only grids are kept as expected tables: at least two rows and two
 * columns, and no table nested in a cell (a one-cell frame around a
 * paragraph, or an outer table holding another, has no grid of its own
 * to compare a reader's with). What is left out is counted in the JSON.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CORPUS = join(ROOT, 'test/corpus')
const OUT = join(CORPUS, 'pdf/docx-rendered')

/** Corpus DOCX files with tables whose licences are permissive (MIT, BSD-2-Clause, Apache-2.0); pandoc's (GPL) and MinerU's (extra terms) are left out. */
const SOURCES = [
  ['docx/cjk/poitl_OKR.docx', 'poitl_OKR'],
  ['docx/cjk/poitl_payment.docx', 'poitl_payment'],
  ['docx/cjk/poitl_render_hackloop.docx', 'poitl_render_hackloop'],
  ['docx/cjk/poitl_render_multiple_column.docx', 'poitl_render_multiple_column'],
  ['docx/docling/docx_rich_cells.docx', 'docling_docx_rich_cells'],
  ['docx/docling/docx_rich_tables_01.docx', 'docling_docx_rich_tables_01'],
  ['docx/docling/table_with_equations.docx', 'docling_table_with_equations'],
  ['docx/docling/word_sample.docx', 'docling_word_sample'],
  ['docx/docling/word_tables.docx', 'docling_word_tables'],
  ['docx/mammoth/tables.docx', 'mammoth_tables'],
]

const unescapeXml = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')

const val = (attrs) => /\bw:val="([^"]*)"/.exec(attrs)?.[1]

/** The top-level tables of a document.xml, each as cells `{r1, c1, r2, c2, text}` (0-based, inclusive). */
export function docxTables(xml) {
  const tables = []
  let depth = 0
  let fallback = 0
  let inText = false
  let table = null
  let row = -1
  let col = 0
  let cell = null
  let nested = false
  for (const m of xml.matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attrs, selfClosing, text] = m
    if (text !== undefined) {
      if (inText && cell && !fallback) cell.text += unescapeXml(text)
      continue
    }
    if (name === 'mc:Fallback') {
      if (selfClosing) continue
      fallback += closing ? -1 : 1
      continue
    }
    if (name === 'w:tbl') {
      if (!closing) {
        depth++
        if (depth === 1) {
          table = []
          row = -1
          nested = false
        } else nested = true
      } else {
        if (depth === 1) tables.push({ cells: table, nested })
        depth--
      }
      continue
    }
    if (depth === 0) continue
    if (name === 'w:t') {
      inText = !closing && !selfClosing
      continue
    }
    if (cell && (name === 'w:tab' || name === 'w:br' || (name === 'w:p' && closing))) {
      cell.text += ' '
      continue
    }
    if (depth !== 1) continue
    if (name === 'w:tr' && !closing) {
      row++
      col = 0
    } else if (name === 'w:gridBefore' && !cell) col += Number(val(attrs) ?? 0)
    else if (name === 'w:tc' && !closing) cell = { r1: row, c1: col, r2: row, c2: col, text: '', merge: false }
    else if (name === 'w:gridSpan' && cell) cell.c2 = cell.c1 + Number(val(attrs) ?? 1) - 1
    else if (name === 'w:vMerge' && cell && val(attrs) !== 'restart') cell.merge = true
    else if (name === 'w:tc' && closing) {
      const above = cell.merge ? table.find((c) => c.c1 === cell.c1 && c.r2 === cell.r1 - 1) : undefined
      if (above) {
        above.r2 = cell.r1
        if (cell.text.trim()) above.text += ` ${cell.text}`
      } else table.push(cell)
      col = cell.c2 + 1
      cell = null
    }
  }
  return tables.map(({ cells, nested }) => ({ nested, cells: cells.map(({ r1, c1, r2, c2, text }) => ({ r1, c1, r2, c2, text: text.replace(/\s+/g, ' ').trim() })) }))
}

/** A grid to compare with: two rows and two columns at least, no table inside. */
const isGrid = ({ cells, nested }) => !nested && Math.max(...cells.map((c) => c.r2)) >= 1 && Math.max(...cells.map((c) => c.c2)) >= 1

function main() {
  const work = mkdtempSync(join(tmpdir(), 'docmend-render-'))
  try {
    // One soffice run for every file: each start costs seconds.
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, ...SOURCES.map(([path]) => join(CORPUS, path))], { stdio: 'ignore' })
    mkdirSync(join(OUT, 'expected'), { recursive: true })
    for (const [path, name] of SOURCES) {
      renameSync(join(work, `${basename(path, '.docx')}.pdf`), join(OUT, `${name}.pdf`))
      const xml = execFileSync('unzip', ['-p', join(CORPUS, path), 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8')
      const all = docxTables(xml)
      const tables = all.filter(isGrid).map((t) => t.cells)
      const leftOut = all.length - tables.length
      writeFileSync(join(OUT, 'expected', `${name}.json`), `${JSON.stringify({ source: path, leftOut, tables }, null, 1)}\n`)
      console.log(`${name}: ${tables.length} tables (${leftOut} left out)`)
    }
    if (readdirSync(work).length > 0) console.warn(`left over: ${readdirSync(work).join(', ')}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
