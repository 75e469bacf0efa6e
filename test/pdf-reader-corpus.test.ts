/**
 * Every PDF of the shared corpus through the reader, in process. Each one
 * converts or fails with one clear line; no page loses, invents or repeats
 * a character (what is left out on purpose is reported); where ground truth sits beside a
 * file, the tables are scored by adjacency relations (tabula's expected
 * CSVs, ICDAR 2013 structure files), by expected cells in place (those two,
 * docling's reference tables, and Word tables drawn by LibreOffice;
 * PDF_CORPUS_DETAIL=1 prints each table's count) and the text order against docling's
 * Markdown (a model's output: a loose reference only). The scores are
 * printed; the thresholds are set just under what the reader achieves, so a
 * regression fails.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import { transforms } from '../src/convert.js'
import { ConversionError } from '../src/errors.js'
import { extractPdf, pdfToMdast, readExtraction } from '../src/ingest/pdf/index.js'
import { normalizeGlyphs } from '../src/ingest/pdf/layout/glyphs.js'
import type { Extraction } from '../src/ingest/pdf/run-extraction.js'
import { corpusDir, filesUnder } from './helpers/corpus.js'
import { type Score, type ScoredCell, bestMatch, cellsInPlace, csvCells, doclingTables, f1, icdarTables, pooled, poolMatch, precision, recall, tableCells } from './helpers/table-scoring.js'

const CORPUS_DIR = corpusDir()
/** Files under `corpus/<sub>` ending in `ext`, as paths relative to the corpus. */
const corpusFiles = (sub: string, ext: string) => filesUnder(join(CORPUS_DIR, sub), ext).map((f) => `${sub}/${f}`)

// PDF_CORPUS_ONLY=<regex> reads only the matching files (for working on one of them).
const only = process.env.PDF_CORPUS_ONLY ? new RegExp(process.env.PDF_CORPUS_ONLY) : null
// pdf/cycles holds a hostile file, refused on purpose (test/pdf-drawing-cycle.test.ts); the rest is not broken.
const pdfs = corpusFiles('pdf', '.pdf').filter((f) => !f.startsWith('pdf/cycles/') && (!only || only.test(f)))
const read = new Map<string, Root | ConversionError>()
/** pdf.js's reading of each file, shared by the tests that look at single pages. */
const extracted = new Map<string, Extraction>()

/** The reader as `docmend convert` runs it (extraction, layout, the shared transforms). */
async function readTree(extraction: Extraction, pages?: { from: number; to: number }): Promise<Root> {
  const { doc } = readExtraction(extraction, pages ? { pages } : {})
  for (const transform of transforms) await transform(doc.tree, [])
  return doc.tree
}

beforeAll(async () => {
  for (const file of pdfs) {
    try {
      // No corpus file is damaged: a generous page budget keeps a busy machine from failing a slow page.
      const extraction = await extractPdf(readFileSync(join(CORPUS_DIR, file)), { budget: { pageMs: 300_000 } })
      extracted.set(file, extraction)
      read.set(file, await readTree(extraction))
    } catch (error) {
      if (!(error instanceof ConversionError)) throw new Error(`${file}: ${String(error)}`)
      read.set(file, error)
    }
  }
}, 900_000)

function tree(file: string): Root {
  const result = read.get(file)
  if (!result || result instanceof ConversionError) throw new Error(`${file} did not convert`)
  return result
}

function tablesOf(root: Root): Table[] {
  const out: Table[] = []
  visit(root, 'table', (node) => void out.push(node))
  return out
}

function onPage(table: Table, page: number): boolean {
  const pages = table.data?.origin?.pages
  return pages !== undefined && pages[0] <= page && page <= pages[1]
}

/** The page tabula-java's expected output came from (its JSON twin says), if known. */
function tabulaPage(json: string): number | undefined {
  if (!existsSync(json)) return undefined
  const data = JSON.parse(readFileSync(json, 'utf8')) as { page_number?: number } | { page_number?: number }[]
  return (Array.isArray(data) ? data[0] : data)?.page_number
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const total = (scores: Score[]): Score => scores.reduce((a, s) => ({ truth: a.truth + s.truth, found: a.found + s.found, matched: a.matched + s.matched }), { truth: 0, found: 0, matched: 0 })

describe('the corpus', () => {
  it('converts every PDF, or fails it with one clear line', () => {
    const failures = [...read].filter(([, r]) => r instanceof ConversionError) as [string, ConversionError][]
    for (const [, error] of failures) expect(error.message).not.toMatch(/\n/)
    // None of the corpus files is really broken.
    expect(failures.map(([file, e]) => `${file}: ${e.message}`)).toEqual([])
    expect(read.size).toBe(pdfs.length)
  })

  it('keeps every character drawn on a page exactly once, or says why it left it out', async () => {
    const problems: string[] = []
    let pages = 0
    let drawnChars = 0
    const reasons = new Map<string, number>()
    for (const [file, extraction] of extracted) {
      // The camelot PDFs are kept aside for judging.
      if (file.includes('/camelot/')) continue
      for (const page of extraction.pages) {
        const n = page.number
        // Each page read alone, as `--pages n-n` reads it (running heads still found from the pages around).
        const around = extraction.pages.filter((p) => Math.abs(p.number - n) <= 2)
        const { tree, dropped } = pdfToMdast(around, extraction.info, { first: n, last: n })
        for (const transform of transforms) await transform(tree, [])
        const drawn = chars([...page.runs, ...(page.slanted ?? [])].map((r) => normalizeGlyphs(r).text))
        const kept = chars([toString(tree), ...dropped.map((d) => d.text)])
        for (const d of dropped) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + nonSpace(d.text).length)
        // A hyphen ending a line before a lower-case word is a break, not text: `exam-` + `ple` is read `example`.
        const softHyphens = page.runs.filter((r) => /[a-z]-\s*$/u.test(r.text)).length
        const missing = difference(drawn, kept)
        const extra = difference(kept, drawn)
        missing.set('-', Math.max(0, (missing.get('-') ?? 0) - softHyphens))
        if (missing.get('-') === 0) missing.delete('-')
        if (missing.size > 0 || extra.size > 0) problems.push(`${file} p${n}: missing ${show(missing)} extra ${show(extra)}`)
        pages++
        drawnChars += [...drawn.values()].reduce((a, b) => a + b, 0)
      }
    }
    console.log(`${pages} pages, ${drawnChars} characters checked; left out on purpose (characters): ${[...reasons].map(([r, k]) => `${r} ${k}`).join(', ')}\n${problems.join('\n')}`)
    expect(problems).toEqual([])
  })

  it('finds tabula-java’s expected tables, cell for cell', () => {
    const dir = 'pdf/tables/tabula/expected'
    const rows: string[] = []
    const scores: Score[] = []
    const perFile = new Map<string, Score>()
    for (const csv of corpusFiles(dir, '.csv')) {
      const name = basename(csv, '.csv')
      const pdf = `pdf/tables/tabula/${name}.pdf`
      if (!existsSync(join(CORPUS_DIR, pdf))) continue
      // One CSV may hold several tables of its page (stacked): score against all tables found there.
      // Its page is in its JSON twin; without one, the page whose tables match it best.
      const truth = csvCells(join(CORPUS_DIR, csv))
      const tables = tablesOf(tree(pdf))
      const known = tabulaPage(join(CORPUS_DIR, dir, `${name}.json`))
      const pages = known === undefined ? [...new Set(tables.map((t) => t.data?.origin?.pages?.[0] ?? 0))] : [known]
      const score = pages
        .map((page) => poolMatch(truth, pooled(tables.filter((t) => onPage(t, page)).map(tableCells))))
        .reduce((a, b) => (b.matched > a.matched ? b : a), { truth: 0, found: 0, matched: 0 })
      scores.push(score)
      perFile.set(name, score)
      rows.push(`${name.padEnd(36)} recall ${pct(recall(score)).padStart(6)}  precision ${pct(precision(score)).padStart(6)}`)
    }
    const all = total(scores)
    console.log(`tabula expected tables (adjacency relations against the tables found on the same page; tabula's CSVs often cover an area only, so precision is a lower bound)\n${rows.join('\n')}\nall: recall ${pct(recall(all))}, precision ${pct(precision(all))}`)
    // A drawn (lattice) table is read exactly; spanning_cells loses only relations that tabula's
    // CSV draws across its two stacked tables and under its section rows (ours span the width).
    expect(recall(perFile.get('frx_2012_disclosure')!)).toBe(1)
    expect(recall(perFile.get('spanning_cells')!)).toBeGreaterThan(0.9)
    expect(recall(all)).toBeGreaterThan(0.95)
  })

  it('finds the ICDAR 2013 tables with their structure', () => {
    const rows: string[] = []
    const scores: Score[] = []
    for (const xml of corpusFiles('pdf/tables/tabula/expected', '-str.xml')) {
      const name = basename(xml, '-str.xml')
      const ours = tablesOf(tree(`pdf/tables/tabula/${name}.pdf`))
      for (const truth of icdarTables(join(CORPUS_DIR, xml))) {
        const score = bestMatch(
          truth.cells,
          ours.filter((t) => onPage(t, truth.page)).map(tableCells)
        )
        scores.push(score)
        rows.push(`${`${name} table ${truth.id} (p${truth.page})`.padEnd(36)} recall ${pct(recall(score)).padStart(6)}  precision ${pct(precision(score)).padStart(6)}  F1 ${pct(f1(score)).padStart(6)}`)
      }
    }
    const all = total(scores)
    console.log(`ICDAR 2013 structure (adjacency relations, per table region)\n${rows.join('\n')}\nall: recall ${pct(recall(all))}, precision ${pct(precision(all))}, F1 ${pct(f1(all))}`)
    expect(f1(all)).toBeGreaterThan(0.9)
  })

  it('puts the expected cells in place (README table)', () => {
    const sources: [string, { truth: number; matched: number }[]][] = []
    const tabula: { truth: number; matched: number }[] = []
    for (const csv of corpusFiles('pdf/tables/tabula/expected', '.csv')) {
      const name = basename(csv, '.csv')
      const pdf = `pdf/tables/tabula/${name}.pdf`
      if (!existsSync(join(CORPUS_DIR, pdf)) || !read.has(pdf)) continue
      const tables = tablesOf(tree(pdf))
      const known = tabulaPage(join(CORPUS_DIR, 'pdf/tables/tabula/expected', `${name}.json`))
      const pages = known === undefined ? [...new Set(tables.map((t) => t.data?.origin?.pages?.[0] ?? 0))] : [known]
      const truth = csvCells(join(CORPUS_DIR, csv))
      tabula.push(
        pages.map((page) => cellsInPlace(truth, tables.filter((t) => onPage(t, page)).map(tableCells))).reduce((a, b) => (b.matched > a.matched ? b : a), { truth: truth.length, matched: 0 })
      )
    }
    sources.push(['tabula-java expected CSVs', tabula])
    const icdar: { truth: number; matched: number }[] = []
    for (const xml of corpusFiles('pdf/tables/tabula/expected', '-str.xml')) {
      const name = basename(xml, '-str.xml')
      const pdf = `pdf/tables/tabula/${name}.pdf`
      if (!read.has(pdf)) continue
      const ours = tablesOf(tree(pdf))
      const truths = icdarTables(join(CORPUS_DIR, xml))
      for (const truth of truths) icdar.push(cellsInPlace(truth.cells, ours.filter((t) => onPage(t, truth.page)).map(tableCells)))
      if (process.env.PDF_CORPUS_DETAIL) console.log(`${xml}: ${icdar.slice(-truths.length).map((s, i) => `${truths[i].id} p${truths[i].page} ${s.matched}/${s.truth}`).join(', ')}`)
    }
    sources.push(['ICDAR 2013 structure files', icdar])
    // docling's reference output for its test PDFs: table cells with their spans, from docling's table model.
    const docling: { truth: number; matched: number }[] = []
    for (const json of corpusFiles('pdf/docling/groundtruth', '.json')) {
      const pdf = `pdf/docling/${basename(json, '.json')}.pdf`
      if (!read.has(pdf)) continue
      const ours = tablesOf(tree(pdf))
      const truths = doclingTables(join(CORPUS_DIR, json))
      for (const truth of truths) docling.push(cellsInPlace(truth.cells, ours.filter((t) => onPage(t, truth.page)).map(tableCells)))
      if (process.env.PDF_CORPUS_DETAIL && truths.length > 0) console.log(`${json}: ${docling.slice(-truths.length).map((s) => `${s.matched}/${s.truth}`).join(' ')}`)
    }
    sources.push(['docling reference tables', docling])
    // Word tables of the corpus's DOCX files drawn by LibreOffice, against the grid the DOCX declares (see scripts/make-docx-rendered-corpus.mjs).
    const rendered: { truth: number; matched: number }[] = []
    for (const json of corpusFiles('pdf/docx-rendered/expected', '.json')) {
      const pdf = `pdf/docx-rendered/${basename(json, '.json')}.pdf`
      if (!read.has(pdf)) continue
      const ours = tablesOf(tree(pdf)).map(tableCells)
      const { tables } = JSON.parse(readFileSync(join(CORPUS_DIR, json), 'utf8')) as { tables: ScoredCell[][] }
      // The page a table lands on is LibreOffice's choice, and the tables of one file look alike
      // (`Cell 1.1` in each): each is scored against the one table found that puts most of it in place.
      for (const truth of tables) rendered.push(ours.map((cells) => cellsInPlace(truth, [cells])).reduce((a, b) => (b.matched > a.matched ? b : a), cellsInPlace(truth, [])))
      if (process.env.PDF_CORPUS_DETAIL && tables.length > 0) console.log(`${json}: ${rendered.slice(-tables.length).map((s) => `${s.matched}/${s.truth}`).join(' ')}`)
    }
    sources.push(['DOCX tables drawn by LibreOffice', rendered])
    const sum = (list: { truth: number; matched: number }[]) => list.reduce((a, b) => ({ truth: a.truth + b.truth, matched: a.matched + b.matched }), { truth: 0, matched: 0 })
    const all = sum(sources.flatMap(([, list]) => list))
    const line = (label: string, list: { truth: number; matched: number }[]) => {
      const s = sum(list)
      return `| ${label} | ${list.length} | ${s.truth} | ${pct(s.matched / s.truth)} |`
    }
    console.log(
      `expected cells in place\n| source | tables | expected cells | in place |\n|---|---|---|---|\n${sources.map(([label, list]) => line(label, list)).join('\n')}\n${line('all', sources.flatMap(([, list]) => list))}`
    )
    // The goal (issue 14): at least 95 % of the expected cells in place.
    expect(all.matched / all.truth).toBeGreaterThanOrEqual(0.95)
  })

  it('keeps the text in the order of docling’s reference output', () => {
    const rows: string[] = []
    let found = 0
    let ordered = 0
    let snippets = 0
    for (const md of corpusFiles('pdf/docling/groundtruth', '.md')) {
      const name = basename(md, '.md')
      const pdf = `pdf/docling/${name}.pdf`
      if (!existsSync(join(CORPUS_DIR, pdf))) continue
      const result = textOrder(readFileSync(join(CORPUS_DIR, md), 'utf8'), toString(tree(pdf)))
      found += result.found
      ordered += result.ordered
      snippets += result.snippets
      rows.push(`${name.padEnd(36)} found ${result.found}/${result.snippets}, in order ${result.ordered}/${result.found}`)
    }
    console.log(`docling reference text (paragraph openings found, and in order)\n${rows.join('\n')}\nall: found ${pct(found / snippets)}, in order ${pct(ordered / found)}`)
    expect(found / snippets).toBeGreaterThan(0.85)
    expect(ordered / found).toBeGreaterThan(0.95)
  })
})

const nonSpace = (text: string) => Array.from(text.replace(/\s+/gu, ''))

/** The non-space characters of some texts, counted. */
function chars(texts: readonly string[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const text of texts) for (const ch of nonSpace(text)) out.set(ch, (out.get(ch) ?? 0) + 1)
  return out
}

/** What `a` has more of than `b`. */
function difference(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>()
  for (const [ch, k] of a) if (k > (b.get(ch) ?? 0)) out.set(ch, k - (b.get(ch) ?? 0))
  return out
}

const show = (m: ReadonlyMap<string, number>) => (m.size === 0 ? '-' : [...m].map(([ch, k]) => (k > 1 ? `${ch}×${k}` : ch)).join(' '))

const letters = (text: string) => text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase()

/** Openings of the reference's paragraphs found in `ours`, and how many of them keep their order. */
function textOrder(reference: string, ours: string): { snippets: number; found: number; ordered: number } {
  const haystack = letters(ours)
  const blocks = reference
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b && !b.startsWith('|') && !b.startsWith('<!--'))
    .map((b) => letters(b.replace(/^#+\s*/, '')))
    .filter((b) => b.length >= 24)
  // Repeated paragraphs (lorem ipsum) are looked for after the previous find first.
  let from = 0
  const positions: number[] = []
  for (const block of blocks) {
    const key = block.slice(0, 24)
    let at = haystack.indexOf(key, from)
    if (at < 0) at = haystack.indexOf(key)
    if (at < 0) continue
    positions.push(at)
    from = at + 1
  }
  return { snippets: blocks.length, found: positions.length, ordered: longestIncreasing(positions) }
}

function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = []
  for (const v of values) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tails[mid] < v) lo = mid + 1
      else hi = mid
    }
    tails[lo] = v
  }
  return tails.length
}
