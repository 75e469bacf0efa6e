/**
 * Widths of long lines are measured in bounded pieces (src/text/cjk.ts).
 * string-width segments with Intl.Segmenter, whose iteration takes time
 * quadratic in the string's length in Node 20 (80,000 characters of `a\tb\t`:
 * 2 s; 160,000: over 2 minutes). Fuzz case 214 of the CI sample, one 10 MB
 * line of `a\tb\t`, never finished: a tab sends `displayWidth` to string-width.
 * The bound is on the pieces handed to string-width, not on time; the width
 * must be string-width's own answer for the whole text.
 */
import { createRequire } from 'node:module'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { WIDTH_PIECE, displayWidth, exactWidth, widthWork } from '../src/text/cjk.js'
import { textToMdast } from '../src/ingest/text/index.js'

const stringWidth = (createRequire(import.meta.url)('string-width') as { default: (text: string) => number }).default

describe('display width: string-width is given pieces of bounded length', () => {
  it('fuzz case 214 shape: a 1 MB line of a<tab>b<tab> is measured in pieces of at most WIDTH_PIECE characters, each character once', () => {
    const line = 'a\tb\t'.repeat(262_144)
    widthWork.chars = 0
    widthWork.longestPiece = 0
    expect(displayWidth(line)).toBe(2 * 262_144)
    expect(widthWork.longestPiece).toBeLessThanOrEqual(WIDTH_PIECE)
    expect(widthWork.chars).toBe(line.length)
  })

  it('pieces add up to string-width of the whole text, across graphemes of every kind', () => {
    const units = ['a', '\t', 'e\u0301', '中', '👩‍👩‍👧', '🇫🇷', '🇩🇪', '🏳️‍🌈', '\u001b[31m', 'x\u200dy', '한', '\u0915\u094d\u0937', 'ｶﾞ', ' ', '\u00ad', '😀\ufe0f']
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 20; n++) {
      const text = Array.from({ length: 900 + n * 211 }, () => units[Math.floor(random() * units.length)]).join('')
      expect(text.length).toBeGreaterThan(WIDTH_PIECE)
      expect(displayWidth(text)).toBe(stringWidth(text))
      expect(exactWidth(text)).toBe(stringWidth(text))
    }
  })

  it('a run of regional indicators across a cut still pairs into flags', () => {
    const text = `x${'🇫🇷'.repeat(1500)}`
    expect(displayWidth(text)).toBe(stringWidth(text))
  })

  it('the text reader reads a 1 MB line of a<tab>b<tab> with bounded pieces, keeping every cell', () => {
    const text = `${'a\tb\t'.repeat(262_144)}\n`
    widthWork.longestPiece = 0
    const { tree } = textToMdast(text)
    expect(widthWork.longestPiece).toBeLessThanOrEqual(WIDTH_PIECE)
    // Nothing dropped: every a and b of the line is in the tree.
    const all = toString(tree)
    expect(all.match(/a/g)?.length).toBe(262_144)
    expect(all.match(/b/g)?.length).toBe(262_144)
  }, 60_000)
})
