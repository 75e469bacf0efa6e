import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wrap } from '../src/emit/text/wrap.js'
import { displayWidth } from '../src/text/cjk.js'
import { propertyRuns } from './helpers/property.js'

const CLOSING = Array.from('，。、；：？！）》」』】…')
const OPENING = Array.from('（《「『【')

/** Text as reports have it: ideographs, Latin words, numbers and CJK punctuation, never two marks in a row. */
const reportText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...Array.from('政府信息公开工作年度报告申请人情况行政复议诉讼结果维持纠正')),
      fc.constantFrom('report', 'annual', 'GDP', '2024', '3.5%', 'information'),
      fc.constantFrom(...CLOSING),
      fc.constantFrom(...OPENING)
    ),
    { minLength: 1, maxLength: 120 }
  )
  .map((parts) => parts.filter((p, i) => i === 0 || !(isMark(p) && isMark(parts[i - 1]))))
  .map((parts) => `开始${parts.join('')}`)

function isMark(s: string): boolean {
  return CLOSING.includes(s) || OPENING.includes(s)
}

describe('wrapping paragraphs by display width', () => {
  it('keeps every line within the width, counting CJK characters as two columns', () => {
    const text = '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将本机关2024年政府信息公开工作年度报告予以公开发布。'
    const lines = wrap(text, 30)
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30)
    expect(lines.join('')).toBe(text)
  })

  it('follows kinsoku: no line starts with a closing mark or ends with an opening one', () => {
    fc.assert(
      fc.property(reportText, fc.integer({ min: 10, max: 60 }), (text, width) => {
        const lines = wrap(text, width)
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width)
        lines.forEach((line, i) => {
          if (i > 0) expect(CLOSING).not.toContain(Array.from(line)[0])
          if (i < lines.length - 1) expect(OPENING).not.toContain(Array.from(line).at(-1))
        })
        // Nothing is lost: only the spaces where Latin lines broke are gone.
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
      }),
      propertyRuns(300, 20261206)
    )
  })

  it('breaks Latin text between words and cuts only a word longer than the line', () => {
    expect(wrap('the quick brown fox jumps over the lazy dog', 16)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog'])
    expect(wrap('see https://example.org/a/very/long/path/that/cannot/break here', 20).every((l) => displayWidth(l) <= 20)).toBe(true)
  })
})
