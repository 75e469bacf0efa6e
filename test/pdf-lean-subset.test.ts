import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { BUNDLED } from '../src/emit/pdf/fonts.js'
import { subsetWithoutDecodingOutlines } from '../src/emit/pdf/lean-subset.js'

/** A glyph's contour count as fontkit decodes it (negative: a composite of other glyphs). */
const contours = (font: fontkit.Font, id: number) => (font.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours ?? 0

// The PDF writer's subsets copy simple glyphs without decoding their outlines
// (src/emit/pdf/lean-subset.ts): the font file embedded must not change by a byte.
describe('TrueType subsets made without decoding simple outlines', () => {
  for (const [name, source] of Object.entries(BUNDLED)) {
    it(`embeds the ${name} face byte for byte as fontkit does`, () => {
      const { bytes } = source.load()
      const full = fontkit.create(bytes) as fontkit.Font
      const lean = fontkit.create(bytes) as fontkit.Font
      subsetWithoutDecodingOutlines(lean)
      // About 400 glyphs spread over the font, and every composite among its first 2,000.
      const step = Math.ceil(full.numGlyphs / 400)
      const ids = [...Array(full.numGlyphs).keys()].filter((id) => id % step === 0 || (id < 2000 && contours(full, id) < 0))
      const encode = (font: fontkit.Font) => {
        // fontkit takes a glyph id as well as a glyph (its types say only the latter).
        const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array }
        for (const id of ids) subset.includeGlyph(id)
        return Buffer.from(subset.encode())
      }
      expect(encode(lean).equals(encode(full))).toBe(true)
      if (name.startsWith('latin')) expect(ids.some((id) => contours(full, id) < 0)).toBe(true)
    })
  }
})
