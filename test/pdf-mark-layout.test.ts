import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { BUNDLED } from '../src/emit/pdf/fonts.js'
import { layoutMarksOnlyWhenPresent } from '../src/emit/pdf/lazy-mark-layout.js'

/** What a PDF draws from a layout: the glyphs and where they go. */
const drawn = (run: fontkit.GlyphRun) => JSON.stringify([run.glyphs.map((g) => g.id), run.positions])

// The PDF writer shapes runs without the mark lookups unless a mark glyph
// comes out of substitution (src/emit/pdf/lazy-mark-layout.ts). For every
// character of every bundled face, between other letters, that must draw
// exactly what fontkit's full shaping draws.
describe('shaping that decodes the mark lookups only for runs with marks', () => {
  for (const [name, source] of Object.entries(BUNDLED)) {
    it(`draws every character of the ${name} face as full shaping does`, () => {
      const { bytes } = source.load()
      const full = fontkit.create(bytes) as fontkit.Font
      const lazy = fontkit.create(bytes) as fontkit.Font
      layoutMarksOnlyWhenPresent(lazy)
      // Right-to-left runs first: what they switch on (mirrored forms) must not stay on for the runs after them.
      for (const font of [full, lazy]) font.layout('שלום עולם سلام ∑∫')
      const differing: string[] = []
      // Every character but the ideographs, which take no marks: one in 25 of those keeps the test short.
      const characters = [...full.characterSet].filter((cp, i) => !/\p{Ideographic}/u.test(String.fromCodePoint(cp)) || i % 25 === 0)
      const texts = ['e\u0301 a\u0300 n\u0307\u0323 \u1ec7 \u01f9 \u1e45', ...characters.map((cp) => `a${String.fromCodePoint(cp).repeat(2)}x`)]
      for (const text of texts) if (drawn(lazy.layout(text)) !== drawn(full.layout(text))) differing.push(text)
      expect(differing).toEqual([])
    })
  }
})
