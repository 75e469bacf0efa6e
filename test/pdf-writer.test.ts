import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { convert, readDocument, tableToGrid, writePdf } from '../src/index.js'
import { pageSizes, pdfFonts, pdfInfo, pdfStructure, pdfText } from './helpers/poppler.js'
import { expectedPdfText, missingInOrder } from './helpers/pdf-text.js'
import { readSample, seedFiles } from './helpers/samples.js'

const FIXED = new Date('2024-05-01T00:00:00Z')
const fixture = (name: string) => readFileSync(new URL(`./fixtures/pdf-tables/${name}`, import.meta.url))

describe('every sample as PDF', () => {
  for (const file of seedFiles) {
    it(`${basename(file)} keeps all its text in order, with embedded fonts, tagged, in Chinese`, async () => {
      const { outputs, doc, messages } = await convert(readSample(file), { to: 'pdf', pdfDate: FIXED })
      const pdf = outputs.pdf as Uint8Array
      expect(missingInOrder(expectedPdfText(doc.tree), await pdfText(pdf))).toBeNull()
      const fonts = await pdfFonts(pdf)
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter((f) => !f.embedded || !f.subset)).toEqual([])
      const info = await pdfInfo(pdf)
      expect(info.Tagged).toBe('yes')
      expect(info.Title).toBe(doc.tree.data?.title)
      const raw = Buffer.from(pdf).toString('latin1')
      expect(raw).toContain('/Lang (zh-CN)')
      expect(raw).toContain('/DisplayDocTitle true')
      expect(messages.filter((m) => m.code === 'pdf-warning-glyph')).toEqual([])
    })
  }
})

describe('tables with merged cells', () => {
  it('tags each merged cell once, in the row where it starts, with its spans and header scope', async () => {
    const { outputs, doc } = await convert(fixture('seed-tables.html'), { from: 'html', to: 'pdf', pdfDate: FIXED })
    const structure = await pdfStructure(outputs.pdf as Uint8Array)
    // Expected: the grid's origin cells in reading order, as TH/TD with spans.
    const expected: string[] = []
    visit(doc.tree, 'table', (table) => {
      const { grid } = tableToGrid(table)
      expected.push('Table', grid.headerRows > 0 ? 'THead' : 'TBody')
      for (let r = 0; r < grid.rows; r++) {
        if (r === grid.headerRows && r > 0) expected.push('TBody')
        expected.push('TR')
        for (const cell of grid.cells.filter((c) => c.row === r)) {
          const header = cell.header || r < grid.headerRows
          expected.push(header ? 'TH:' : 'TD')
          if (cell.rowSpan > 1) expected.push(`/RowSpan ${cell.rowSpan}`)
          if (cell.colSpan > 1) expected.push(`/ColSpan ${cell.colSpan}`)
          if (header) expected.push(r < grid.headerRows ? '/Scope /Column' : '/Scope /Row')
        }
      }
    })
    const tableLines = structure
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^(Table|THead|TBody|TR|TH|TD)\b|^\/(RowSpan|ColSpan|Scope)/.test(l))
      .map((l) => l.replace(/\s*\(block\)$/, ''))
    expect(tableLines).toEqual(expected)
    expect(expected.filter((l) => l === '/RowSpan 22')).toHaveLength(1)
  })

  it('fits the 15-column table on a portrait page in smaller type, every header readable', async () => {
    const { outputs } = await convert(fixture('seed-tables.html'), { from: 'html', to: 'pdf', pdfDate: FIXED })
    const pdf = outputs.pdf as Uint8Array
    const info = await pdfInfo(pdf)
    expect(info['Page size']).toContain('595.28 x 841.89')
    const text = await pdfText(pdf)
    for (const header of ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']) expect(text.replace(/\s/g, '')).toContain(header)
  })

  it('turns to landscape pages for a table too wide for portrait type, then back, losing no text', async () => {
    const cols = 24
    const head = `<tr>${Array.from({ length: cols }, (_, c) => `<th>Heading number ${c}</th>`).join('')}</tr>`
    const body = Array.from({ length: 12 }, (_, r) => `<tr>${Array.from({ length: cols }, (_, c) => `<td>value ${r}-${c}</td>`).join('')}</tr>`).join('')
    const html = `<p>Before.</p><table><thead>${head}</thead><tbody>${body}</tbody></table><p>After.</p>`
    const { outputs, doc } = await convert(html, { from: 'html', to: 'pdf', pdfDate: FIXED })
    const pdf = outputs.pdf as Uint8Array
    const sizes = await pageSizes(pdf)
    expect(sizes[0]).toBe('595.28 x 841.89')
    expect(sizes.slice(1, -1).every((s) => s === '841.89 x 595.28')).toBe(true)
    expect(sizes.at(-1)).toBe('595.28 x 841.89')
    expect(missingInOrder(expectedPdfText(doc.tree), await pdfText(pdf))).toBeNull()
  })

  it('repeats the head rows on every page a long table crosses and never splits a row', async () => {
    const rows = Array.from({ length: 140 }, (_, i) => {
      const group = i % 4 === 0 ? `<th rowspan="4">组${i / 4}</th>` : ''
      return `<tr>${group}<td>r${i}a 第${i}行内容</td><td>r${i}b ${i * 7}</td><td>r${i}c 说明文字${'较长'.repeat(i % 5)}</td></tr>`
    })
    const html = `<table><thead><tr><th>分组</th><th>项目名称</th><th>数量</th><th>备注说明</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    const { outputs } = await convert(html, { from: 'html', to: 'pdf', pdfDate: FIXED })
    const pdf = outputs.pdf as Uint8Array
    const pages = Number((await pdfInfo(pdf)).Pages)
    expect(pages).toBeGreaterThan(2)
    const pageOf = new Map<string, number>()
    for (let p = 1; p <= pages; p++) {
      const text = (await pdfText(pdf, p)).replace(/\s/g, '')
      expect(text).toContain('项目名称')
      expect(text).toContain('备注说明')
      for (const m of text.matchAll(/r(\d+)([abc])/g)) {
        const key = `${m[1]}`
        const seen = pageOf.get(key)
        if (seen !== undefined) expect(seen, `row ${key} split across pages`).toBe(p)
        pageOf.set(key, p)
      }
    }
    expect(pageOf.size).toBe(140)
  })
})

describe('PDF output options', () => {
  it('writes the same bytes twice when SOURCE_DATE_EPOCH is set, and shows that date', async () => {
    const input = readSample(seedFiles[0])
    const previous = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = '1700000000'
    try {
      const a = (await convert(input, { to: 'pdf' })).outputs.pdf as Uint8Array
      const b = (await convert(input, { to: 'pdf' })).outputs.pdf as Uint8Array
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0)
      expect((await pdfInfo(a)).CreationDate).toMatch(/Nov 14 .*2023/)
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = previous
    }
  })

  it('draws images from the document as Figures with their alt text, and reports images it cannot draw', async () => {
    const { PNG } = await import('pngjs')
    const png = new PNG({ width: 40, height: 20 })
    png.data.fill(90)
    const bytes = PNG.sync.write(png)
    const { doc } = await readDocument('# 图\n\n![年度趋势图](media/image1.png)\n\n![远程](https://example.com/x.png)\n', { from: 'md' })
    doc.resources.push({ path: 'media/image1.png', contentType: 'image/png', bytes: new Uint8Array(bytes) })
    const { data, messages } = await writePdf(doc, { pdfDate: FIXED })
    const structure = await pdfStructure(data as Uint8Array)
    expect(structure).toMatch(/Figure/)
    const utf16be = Buffer.from('\ufeff年度趋势图', 'utf16le').swap16().toString('latin1')
    expect(Buffer.from(data as Uint8Array).toString('latin1')).toContain(`/Alt (${utf16be})`)
    expect(messages.map((m) => m.code)).toContain('image-skipped')
    expect(await pdfText(data as Uint8Array)).toContain('[远程]')
  })

  it('reports characters no font has instead of silently drawing boxes', async () => {
    const { messages } = await convert('古埃及文字 𓀀 hieroglyph', { from: 'text', to: 'pdf', pdfDate: FIXED })
    const glyph = messages.filter((m) => m.code === 'pdf-warning-glyph')
    expect(glyph).toHaveLength(1)
    expect(glyph[0].text).toContain('U+13000')
  })

  it('makes links clickable, footnotes numbered at the end, and drops unsafe link targets with a warning', async () => {
    const md = '# T\n\nSee [the site](https://example.com/a) and [bad](javascript:alert(1)).[^n]\n\n[^n]: 注释内容 note body.\n'
    const { outputs, messages } = await convert(md, { from: 'md', to: 'pdf', pdfDate: FIXED })
    const pdf = outputs.pdf as Uint8Array
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw).toContain('/URI (https://example.com/a)')
    expect(raw).not.toContain('javascript:')
    expect(messages.map((m) => m.code)).toContain('unsafe-url-dropped')
    const structure = await pdfStructure(pdf)
    expect(structure).toMatch(/Link[\s\S]*Reference[\s\S]*Note/)
    const text = (await pdfText(pdf)).replace(/\s/g, '')
    expect(text).toMatch(/Notes1\.注释内容notebody\./)
  })
})
