import fc from 'fast-check'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { FontBook } from '../src/emit/pdf/fonts.js'
import type { RunStyle } from '../src/emit/pdf/inline.js'
import { NO_LINE_END, NO_LINE_START } from '../src/emit/pdf/kinsoku.js'
import { layoutLines } from '../src/emit/pdf/line-layout.js'
import { convert } from '../src/index.js'
import { pdfText } from './helpers/poppler.js'
import { propertyRuns } from './helpers/property.js'

const fonts = new FontBook(new PDFDocument({ autoFirstPage: false }), { lang: 'zh-CN' })
const plain: RunStyle = { role: 'text', bold: false, italic: false, size: 10.5, color: '#000000' }
const bold: RunStyle = { ...plain, bold: true }

const ideographs = Array.from('政府信息公开工作年度报告申请人情况本年新收结转办理结果')
const closers = Array.from('，。、；：）》」')
const openers = Array.from('（《「')
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ideographs) },
  { weight: 2, arbitrary: fc.constantFrom(...closers) },
  { weight: 1, arbitrary: fc.constantFrom(...openers) },
  { weight: 1, arbitrary: fc.constantFrom('2024', 'PDF', ' ') }
)

const lineText = (line: { atoms: { text: string }[] }) => line.atoms.map((a) => a.text).join('')

describe('CJK line breaking', () => {
  it('never starts a line with a closing mark nor ends one with an opening mark, and loses no text', () => {
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 120 }), fc.integer({ min: 60, max: 300 }), fc.boolean(), (chars, width, split) => {
        const text = chars.join('')
        const cut = Math.floor(text.length / 2)
        const runs = split ? [{ text: text.slice(0, cut), style: plain }, { text: text.slice(cut), style: bold }] : [{ text, style: plain }]
        const lines = layoutLines(runs, width, fonts)
        for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01)
        const texts = lines.map(lineText)
        expect(texts.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
        for (let i = 1; i < texts.length; i++) {
          const first = Array.from(texts[i])[0]
          const last = Array.from(texts[i - 1].trimEnd()).at(-1)
          // Only a line wholly made of such marks (wider than the line) could break the rules.
          const onlyMarks = [...texts[i - 1], ...texts[i]].every((c) => NO_LINE_START.has(c) || NO_LINE_END.has(c))
          if (onlyMarks) continue
          expect(NO_LINE_START.has(first ?? ''), `line ${i} starts with ${first}`).toBe(false)
          expect(NO_LINE_END.has(last ?? ''), `line ${i - 1} ends with ${last}`).toBe(false)
        }
      }),
      propertyRuns(300, 20261206)
    )
  })

  it('breaks between any two ideographs so a long Chinese paragraph fills each line', () => {
    const text = '本报告所列数据的统计时间自二〇二四年一月一日到二〇二四年十二月三十一日'.repeat(4)
    const lines = layoutLines([{ text, style: plain }], 200, fonts)
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines.slice(0, -1)) expect(line.width).toBeGreaterThan(200 - 2 * plain.size)
  })

  it('keeps the kinsoku rules in the PDF a reader sees', async () => {
    const paragraph = '申请人情况（自然人）、法人或其他组织，《条例》规定：「依申请公开」。'.repeat(12)
    const { outputs } = await convert(paragraph, { from: 'text', to: 'pdf', pdfDate: new Date(0) })
    const lines = (await pdfText(outputs.pdf as Uint8Array)).split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+ \/ \d+$/.test(l))
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) {
      expect(NO_LINE_START.has(Array.from(line)[0])).toBe(false)
      expect(NO_LINE_END.has(Array.from(line).at(-1) ?? '')).toBe(false)
    }
  })
})
