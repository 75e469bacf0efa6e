/**
 * Word's numbering, as docmend keeps it, against what LibreOffice shows for
 * the same files: every DOCX of the corpus that has word/numbering.xml is
 * converted to text by LibreOffice (one soffice call for all), and each
 * heading, ordered list item and numbered cell line docmend writes must be
 * one of LibreOffice's lines (whitespace aside), in order. What differs is
 * listed in KNOWN with the reason (and in the README, section "DOCX").
 *
 * docling's ground truth for its numbered files must match too.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDocument } from '../src/index.js'
import { DEFAULT_ARCHIVE_LIMITS, readZipEntries } from '../src/ingest/docx/archive.js'
import { corpusDir, filesUnder } from './helpers/corpus.js'
import { notInReference, numberedLines } from './helpers/numbering.js'

const run = promisify(execFile)
const DIR = join(corpusDir(), 'docx')

async function hasNumbering(file: string): Promise<boolean> {
  const entries = await readZipEntries(await readFile(join(DIR, file)), DEFAULT_ARCHIVE_LIMITS)
  return entries.has('word/numbering.xml')
}

const TEXT_BOXES = "LibreOffice's text export leaves text boxes out; docmend keeps them"

/** docmend's lines LibreOffice does not show, per file, and why. Everything else must be there. */
const KNOWN: Record<string, { reason: string; lines: string[] }> = {
  'docling/textbox.docx': {
    reason: TEXT_BOXES,
    lines: [
      '1. If necessary, provide health education and important reminders at the kindergarten, or notify the individual to undergo specimen collection.',
      '2. Implement appropriate epidemic prevention measures in accordance with the Communicable Disease Control Act.'
    ]
  }
}

describe('Word numbering against LibreOffice', () => {
  let files: string[] = []
  let out = ''
  const reference = new Map<string, string>()

  beforeAll(async () => {
    const all = filesUnder(DIR, '.docx')
    files = (await Promise.all(all.map(async (f) => ((await hasNumbering(f)) ? f : undefined)))).filter((f): f is string => f !== undefined)
    out = await mkdtemp(join(tmpdir(), 'docmend-lo-'))
    // One soffice for every file, with a profile of its own so parallel runs do not collide.
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(out, 'profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', join(out, 'txt'), ...files.map((f) => join(DIR, f))],
      { timeout: 280_000 }
    )
    for (const file of files) {
      const txt = join(out, 'txt', `${basename(file, '.docx')}.txt`)
      if (existsSync(txt)) reference.set(file, await readFile(txt, 'utf8'))
    }
  }, 300_000)

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true })
  })

  it('has the corpus files with numbering, each converted by LibreOffice once', () => {
    expect(files.length).toBeGreaterThanOrEqual(30)
    expect(new Set(files.map((f) => basename(f))).size).toBe(files.length)
    expect([...reference.keys()].sort()).toEqual([...files].sort())
  })

  it('shows every numbered heading, list item and cell line as LibreOffice does, except the known differences', async () => {
    const differences: Record<string, string[]> = {}
    let compared = 0
    for (const file of files) {
      const { doc } = await readDocument(await readFile(join(DIR, file)), { from: 'docx' })
      const lines = numberedLines(doc.tree)
      compared += lines.length
      const missing = notInReference(lines, reference.get(file) ?? '').map((l) => l.text)
      if (missing.length > 0) differences[file] = missing
    }
    expect(differences).toEqual(Object.fromEntries(Object.entries(KNOWN).map(([file, k]) => [file, k.lines])))
    expect(compared).toBeGreaterThan(200)
  }, 240_000)
})

/** docling writes `1 Section 1` where Word and LibreOffice show `1. Section 1`: its labels lose their last dot. */
const doclingHeading = (text: string) => text.replace(/^(\d+(?:\.\d+)*)\.(?=\s)/, '$1').replace(/\s+/g, ' ').trim()

describe("Word numbering against docling's ground truth", () => {
  const GROUND = join(DIR, 'docling', 'groundtruth')
  const FILES = ['unit_test_headers_numbered.docx', 'docx_lists.docx', 'word_sample.docx', 'docx_rich_cells.docx', 'docx_comments.docx', 'docx_checkboxes.docx', 'textbox.docx', 'equations.docx', 'tablecell.docx', 'docx_rich_tables_01.docx', 'docx_code_blocks.docx']

  it.each(FILES)('docling/%s has docling\'s headings, numbered as Word numbers them', async (file) => {
    const truth = await readFile(join(GROUND, `${file}.md`), 'utf8')
    const theirs = truth.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => doclingHeading(l.replace(/^#+ /, '')))
    const { doc } = await readDocument(await readFile(join(DIR, 'docling', file)), { from: 'docx' })
    const ours = numberedLines(doc.tree).map((l) => doclingHeading(l.text))
    const missing = theirs.filter((h) => !ours.includes(h))
    expect(missing).toEqual(DOCLING_KNOWN[file] ?? [])
  })
})

/** docling headings docmend does not have as a heading or list item, and why. */
const DOCLING_KNOWN: Record<string, string[]> = {}
