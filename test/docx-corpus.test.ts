/**
 * Every .docx of the shared corpus converts to HTML, Markdown and text, and
 * says what pandoc (2.17, Debian) reads from it: the same words, headings,
 * list items and table shapes. The differences that remain are listed in
 * KNOWN with their reason (and in the README, section "DOCX").
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { runCli } from './helpers/cli.js'
import { type DocFacts, corpusDir, filesUnder, mdastFacts, missingFrom, pandocFacts, pandocJson } from './helpers/corpus.js'

const DIR = join(corpusDir(), 'docx')
const FILES = filesUnder(DIR, '.docx')

interface Known {
  reason: string
  /** docmend's headings minus pandoc's. */
  headings?: number
  /** docmend's list items minus pandoc's. */
  items?: number
  /** Words docmend has that pandoc does not. */
  extraWords?: number
  /** pandoc cannot read the file at all. */
  pandocFails?: true
}

const LIST_MARKERS = 'lists inside table cells are flattened with their "1." markers, which count as words'
const LABELS = "Word's numbering labels are kept as text in headings and cells (pandoc drops them)"

/** Where docmend and pandoc differ, and why. Everything else must match exactly. */
const KNOWN: Record<string, Known> = {
  'cjk/mineru_docx_01.docx': { reason: `mammoth and pandoc disagree on which numbered paragraphs are lists (references, numbered headings); ${LIST_MARKERS}; ${LABELS}`, items: -5, extraWords: 23 },
  'docling/docx_checkboxes.docx': { reason: 'checkboxes become "[x]"/"[ ]" (pandoc: ☒/☐, not words)', extraWords: 8 },
  'docling/docx_lists.docx': { reason: 'mammoth nests a list item that follows a level jump differently', items: 1 },
  'docling/docx_rich_cells.docx': { reason: LIST_MARKERS, extraWords: 3 },
  'docling/textbox.docx': { reason: 'text boxes are kept (mammoth reads them; pandoc 2.17 drops them)', items: 5, extraWords: 249 },
  'mammoth/text-box.docx': { reason: 'text boxes are kept (mammoth reads them; pandoc 2.17 drops them)', extraWords: 2 },
  'docling/unit_test_headers_numbered.docx': { reason: `a numbered heading (REFERENCES) becomes a list item in mammoth; ${LABELS}`, headings: -1, items: 1, extraWords: 14 },
  'pandoc/enumerated_headings.docx': { reason: LABELS, extraWords: 6 },
  'pandoc/numbered_header.docx': { reason: LABELS, extraWords: 1 },
  'pandoc/0_level_headers.docx': { reason: `pandoc reads the custom style 'Heading 0' as a heading and not 'TOC Heading'; docmend the other way round; ${LABELS}`, headings: -1, extraWords: 2 },
  'pandoc/metadata_after_normal.docx': { reason: 'pandoc lifts only the first Title paragraph into metadata; docmend makes both headings', headings: 1 },
  'pandoc/table_with_list_cell.docx': { reason: LIST_MARKERS, extraWords: 3 },
  'mammoth/strict-format.docx': { reason: 'Strict OOXML: pandoc 2.17 cannot read it, mammoth can', pandocFails: true }
}

describe('the DOCX corpus, against pandoc', () => {
  const pandoc = new Map<string, { facts?: DocFacts; error?: string }>()

  beforeAll(async () => {
    // pandoc once per file, two at a time.
    const queue = [...FILES]
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        const { json, error } = await pandocJson(join(DIR, file))
        pandoc.set(file, json ? { facts: pandocFacts(json) } : { error: error ?? 'failed' })
      }
    }
    await Promise.all([worker(), worker()])
  }, 180_000)

  it('has DOCX files to compare', () => {
    expect(FILES.length).toBeGreaterThan(50)
  })

  it.each(FILES)('%s converts to HTML, Markdown and text and reads like pandoc', async (file) => {
    const bytes = await readFile(join(DIR, file))
    const { doc, outputs } = await convert(bytes, { from: 'docx', to: ['html', 'md', 'txt'] })
    expect(outputs.html).toMatch(/^<!doctype html>/i)
    expect(typeof outputs.md).toBe('string')
    expect(typeof outputs.txt).toBe('string')

    const known = KNOWN[file]
    const theirs = pandoc.get(file)
    if (known?.pandocFails) {
      expect(theirs?.error).toBeTruthy()
      expect(mdastFacts(doc.tree).tokens.length).toBeGreaterThan(0)
      return
    }
    const p = theirs?.facts
    expect(p, theirs?.error).toBeDefined()
    if (!p) return
    const ours = mdastFacts(doc.tree)
    // Never lose a word pandoc finds (equations aside: mammoth drops them, with a warning).
    expect(missingFrom(p.tokens, ours.tokens)).toEqual([])
    expect(missingFrom(ours.tokens, p.tokens)).toHaveLength(known?.extraWords ?? 0)
    expect(ours.headings - p.headings).toBe(known?.headings ?? 0)
    expect(ours.items - p.items).toBe(known?.items ?? 0)
    expect(ours.tables).toEqual(p.tables)
  })

  it('lists no difference that no longer happens', () => {
    for (const file of Object.keys(KNOWN)) expect(FILES).toContain(file)
  })
})

describe('the DOCX corpus through the CLI', () => {
  let out = ''
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'docmend-corpus-'))
  })
  afterAll(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('writes every format and the images of a Chinese report, a Strict OOXML file and a table file', async () => {
    const inputs = ['cjk/mineru_docx_01.docx', 'mammoth/strict-format.docx', 'pandoc/table_header_rowspan.docx'].map((f) => join(DIR, f))
    const run = await runCli(['convert', ...inputs, '--to', 'html,md,txt', '--out-dir', out], { timeoutMs: 120_000 })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const written = await readdir(out)
    for (const stem of ['mineru_docx_01', 'strict-format', 'table_header_rowspan']) {
      for (const ext of ['html', 'md', 'txt']) expect(written).toContain(`${stem}.${ext}`)
    }
    const media = await readdir(join(out, 'mineru_docx_01_media'))
    expect(media.length).toBeGreaterThan(3)
    const html = await readFile(join(out, 'mineru_docx_01.html'), 'utf8')
    for (const name of media) expect(html).toContain(`src="mineru_docx_01_media/${name}"`)
  })
})
