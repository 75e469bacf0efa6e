import stringWidth from 'string-width'
import { describe, expect, it } from 'vitest'
import { exactWidth } from '../src/text/cjk.js'

const ranges: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x3000, 0x3029],
  [0x3030, 0x303e],
  [0x4e00, 0x9fff],
  [0xff01, 0xff5e]
]
const known = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))

describe('exactWidth, which Markdown tables are aligned by', () => {
  it('gives string-width’s width for every character it measures itself', () => {
    const wrong = known.filter((ch) => exactWidth(ch) !== stringWidth(ch))
    expect(wrong).toEqual([])
  })

  it('gives string-width’s width for mixed texts of them, and for texts it hands over', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    const texts = Array.from({ length: 2000 }, () => Array.from({ length: 1 + (next() % 12) }, () => known[next() % known.length]).join(''))
    texts.push('', 'soft\u00adhyphen', 'e\u0301', '👍🏽 ok', '\u1100\u1161', 'ｶﾞ', '\u001b[31mred\u001b[0m', '北京\ufe0f')
    const wrong = texts.filter((t) => exactWidth(t) !== stringWidth(t))
    expect(wrong).toEqual([])
  })
})
