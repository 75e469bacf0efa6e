/**
 * PDFs that cannot simply be read: encrypted ones (with and without the
 * password), damaged and truncated ones, and one that takes too long. Each
 * ends in one clear line, never a hang; the CLI is driven as a user would.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { deflateSync } from 'node:zlib'
import { join } from 'node:path'
import { toString } from 'mdast-util-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConversionError } from '../src/errors.js'
import { readPdf } from '../src/ingest/pdf/index.js'
import { handmadePdf } from '../scripts/fuzz/hostile.mjs'
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

const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< /Length ${data.length} ${dict} >>\nstream\n`), data, Buffer.from('\nendstream')])

describe('a decompression bomb in a page', () => {
  // Page 1 draws 80 MiB of path operators from a 80 KB stream; page 2 is a line of text.
  const bomb = deflateSync(Buffer.from('0 0 m 1 1 l S\n'.repeat(6_000_000)), { level: 9 })
  const text = 'BT /F1 12 Tf 72 700 Td (Still here) Tj ET'
  const pdf = handmadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream('/Filter /FlateDecode', bomb),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Contents 7 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('', Buffer.from(text))
  ])

  it('refuses the page before pdf.js inflates it, says why, and reads the other pages', async () => {
    const { doc, messages } = await readPdf(new Uint8Array(pdf))
    expect(doc.tree.children.map((n) => toString(n))).toEqual(['Still here'])
    expect(messages.map((m) => m.text)).toContainEqual(expect.stringMatching(/^page 1 could not be read \(its content \(object 4 0 R\) decompresses to more than 64 MiB: a decompression bomb\?\); it is left out$/))
  })

  it('counts a page\'s content streams together (one stream of 47 MiB drawn twice), and a form the page draws', async () => {
    const half = deflateSync(Buffer.from('0 0 m 1 1 l S\n'.repeat(3_500_000)), { level: 9 })
    const twice = handmadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 4 0 R] >>',
      stream('/Filter /FlateDecode', half)
    ])
    const form = handmadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>',
      stream('', Buffer.from('q /Fm1 Do Q')),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode', bomb)
    ])
    for (const [pdf, object] of [[twice, 4], [form, 5]] as const) {
      const error = await readPdf(new Uint8Array(pdf)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ConversionError)
      expect((error as ConversionError).message).toBe(`no page of the PDF could be read; it is damaged (page 1: its content (object ${object} 0 R) decompresses to more than 64 MiB: a decompression bomb?)`)
    }
  })

  it('fails a PDF whose only page is such a bomb with one line, exit code 1 and no output file', async () => {
    const file = join(dir, 'bomb.pdf')
    const out = join(dir, 'bomb.txt')
    await writeFile(file, handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>', stream('/Filter /FlateDecode', bomb)]))
    const run = await runCli(['convert', file, '--to', 'txt', '-o', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`docmend: ${file}: no page of the PDF could be read; it is damaged (page 1: its content (object 4 0 R) decompresses to more than 64 MiB: a decompression bomb?)\n`)
    expect(existsSync(out)).toBe(false)
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
