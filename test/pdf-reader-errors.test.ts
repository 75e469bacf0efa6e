/**
 * PDFs that cannot simply be read: encrypted ones (with and without the
 * password), damaged and truncated ones, and one that takes too long. Each
 * ends in one clear line, never a hang; the CLI is driven as a user would.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toString } from 'mdast-util-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConversionError } from '../src/errors.js'
import { readPdf } from '../src/ingest/pdf/index.js'
import { runCli } from './helpers/cli.js'
import { LOREM, makePdf } from './helpers/pdf-fixtures.js'

let dir: string
let plain: Uint8Array
let encrypted: string
let truncated: string
let garbled: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docmend-pdf-'))
  const draw = (doc: PDFKit.PDFDocument) => {
    doc.font('Helvetica-Bold').fontSize(16).text('Confidential figures', 56, 60)
    doc.font('Helvetica').fontSize(10).text(LOREM[0], 56, 90, { width: 480 })
    doc.addPage()
    doc.font('Helvetica').fontSize(10).text(LOREM[1], 56, 90, { width: 480 })
  }
  plain = await makePdf(draw)
  encrypted = join(dir, 'locked.pdf')
  await writeFile(encrypted, await makePdf(draw, { userPassword: 's3cret' }))
  truncated = join(dir, 'truncated.pdf')
  await writeFile(truncated, plain.subarray(0, Math.floor(plain.length * 0.4)))
  garbled = join(dir, 'garbled.pdf')
  await writeFile(garbled, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF\n')]))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('encrypted PDFs', () => {
  it('asks for the password in one line when none is given', async () => {
    const run = await runCli(['convert', encrypted, '--to', 'txt'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`docmend: ${encrypted}: the PDF is encrypted; give its password with --password\n`)
  })

  it('says the password is wrong when it is', async () => {
    const run = await runCli(['convert', encrypted, '--to', 'txt', '--password', 'guess'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`docmend: ${encrypted}: the password does not open this encrypted PDF\n`)
  })

  it('reads the document with the right password', async () => {
    const run = await runCli(['convert', encrypted, '--to', 'md', '--password', 's3cret'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const md = run.stdout.toString('utf8')
    expect(md).toContain('Confidential figures')
    expect(md).toContain(LOREM[1])
  })
})

describe('damaged PDFs', () => {
  it('fails a truncated file with one line and exit code 1', async () => {
    const run = await runCli(['convert', truncated, '--to', 'txt'])
    expect(run.code).toBe(1)
    expect(run.stderr.split('\n')).toHaveLength(2)
    expect(run.stderr).toMatch(/^docmend: .*truncated\.pdf: .*(damaged|truncated)/)
  })

  it('fails a file that only starts like a PDF with one line and exit code 1', async () => {
    const run = await runCli(['convert', garbled, '--to', 'txt'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^docmend: .*garbled\.pdf: not a readable PDF: its structure is damaged or the file is truncated\n$/)
  })

  it('gives up with a timeout error, instead of hanging, when pdf.js takes longer than its budget', async () => {
    const error = await readPdf(plain, { budget: { pageMs: 1 } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConversionError)
    expect((error as ConversionError).code).toBe('timeout')
    expect((error as ConversionError).message).toMatch(/^gave up .* after 0 s; the PDF may be damaged$/)
  })
})

describe('page ranges on the command line', () => {
  it('converts only the pages given with --pages', async () => {
    const file = join(dir, 'plain.pdf')
    await writeFile(file, plain)
    const run = await runCli(['convert', file, '--to', 'md', '--pages', '2'])
    expect(run.code).toBe(0)
    expect(run.stdout.toString('utf8').trim()).toBe(LOREM[1])
  })

  it('reads the whole document without --pages', async () => {
    const { doc } = await readPdf(plain)
    expect(doc.tree.children.map((n) => toString(n))).toEqual(['Confidential figures', LOREM[0], LOREM[1]])
  })
})
