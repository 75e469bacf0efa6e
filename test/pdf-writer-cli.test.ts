import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, runCli } from './helpers/cli.js'
import { pdfFonts, pdfInfo, pdfText } from './helpers/poppler.js'
import { seedFiles } from './helpers/samples.js'

const dir = mkdtempSync(join(tmpdir(), 'docmend-pdf-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const semiBold = join(ROOT, 'node_modules/@expo-google-fonts/source-code-pro/600SemiBold/SourceCodePro_600SemiBold.ttf')

describe('docmend convert --to pdf', () => {
  it('writes a Letter page with the font given by --font, falling back to the bundled CJK font', async () => {
    const out = join(dir, 'letter.pdf')
    const run = await runCli(['convert', seedFiles[2], '--to', 'pdf', '-o', out, '--page-size', 'letter', '--margin', '15', '--font', semiBold])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const pdf = readFileSync(out)
    expect((await pdfInfo(pdf))['Page size']).toContain('612 x 792')
    const names = (await pdfFonts(pdf)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
    expect(names).toContain('SourceCodePro-SemiBold')
    expect(names).toContain('NotoSansSC-Regular')
  })

  it('takes a WOFF2 font for --font', async () => {
    // WOFF2 is brotli-compressed: the bundled CLI loads brotli only for such a file (scripts/bundle.mjs).
    const out = join(dir, 'woff2.pdf')
    const run = await runCli(['convert', '-', '--from', 'md', '--to', 'pdf', '-o', out, '--font', join(ROOT, 'test/fixtures/fonts/open-sans-regular.woff2')], {
      input: '# Open Sans\n\nA paragraph in a web font.\n'
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const pdf = readFileSync(out)
    expect((await pdfFonts(pdf)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContain('OpenSans-Regular')
    expect(await pdfText(pdf)).toContain('A paragraph in a web font.')
  })

  it('draws math letters and operators with the bundled math font, and says so without -v when a character has no font at all', async () => {
    const math = join(dir, 'math.pdf')
    const drawn = await runCli(['convert', '-', '--from', 'text', '--to', 'pdf', '-o', math], { input: 'Area 𝑥 + 𝜋𝑟² with ∑ 𝛼ᵢ, ∫ f and A ⊗ B in 𝔸.\n' })
    expect(drawn.code).toBe(0)
    expect(drawn.stderr).toBe('')
    const pdf = readFileSync(math)
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain('Area 𝑥 + 𝜋𝑟² with ∑ 𝛼ᵢ, ∫ f and A ⊗ B in 𝔸.')
    expect((await pdfFonts(pdf)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContain('NotoSansMath-Regular')
    const boxes = await runCli(['convert', '-', '--from', 'text', '--to', 'pdf', '-o', join(dir, 'boxes.pdf')], { input: 'Egyptian 𓀀 here.\n' })
    expect(boxes.code).toBe(0)
    expect(boxes.stderr.trim().split('\n')).toEqual([
      "docmend: stdin: warning: PDF: no font has a glyph for '𓀀' (U+13000) ×1; they show as empty boxes (use --font with a font that has them)"
    ])
  })

  it('writes the PDF to stdout when no output file is named', async () => {
    const run = await runCli(['convert', '-', '--from', 'text', '--to', 'pdf'], { input: '你好，世界。Hello.' })
    expect(run.code).toBe(0)
    expect(run.stdout.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a font file it cannot read, and an unknown page size, as usage errors', async () => {
    const missing = await runCli(['convert', seedFiles[0], '--to', 'pdf', '-o', join(dir, 'x.pdf'), '--font', join(dir, 'nope.ttf')])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toContain('nope.ttf')
    const size = await runCli(['convert', seedFiles[0], '--to', 'pdf', '-o', join(dir, 'x.pdf'), '--page-size', 'a5'])
    expect(size.code).toBe(2)
  })

  it('says in one line that a file which is not a font cannot be used', async () => {
    const run = await runCli(['convert', seedFiles[0], '--to', 'pdf', '-o', join(dir, 'y.pdf'), '--font', join(ROOT, 'package.json')])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^docmend: .*font.*\n$/)
  })
})
