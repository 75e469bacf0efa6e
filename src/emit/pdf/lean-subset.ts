/**
 * Subsetting a TrueType font without decoding the outlines it copies.
 *
 * fontkit's TrueType subset copies each glyph's bytes as they are, but first
 * decodes the whole glyph into point objects (quadratic in its contours) only
 * to learn whether it is a composite, whose component ids must be rewritten.
 * For CJK glyphs of many points that was about a seventh of writing a
 * Chinese PDF. The glyph header's contour count says as much: a simple glyph
 * is copied with its outline left undecoded, a composite one goes through
 * fontkit as before, and so does every glyph of a font with variations
 * (whose outlines fontkit re-encodes). Only plain TrueType files are read
 * so: WOFF and WOFF2 store their glyphs packed. A test holds the subsets of
 * the bundled faces byte-identical to fontkit's own.
 */
import type * as fontkit from 'fontkit'

/** The parts of fontkit's TrueType font and subset this relies on. */
interface TrueTypeFont {
  /** 'TTF' for a plain TrueType or OpenType file (WOFF and WOFF2 store glyphs packed or transformed). */
  type: string
  directory: { tables: Record<string, unknown> }
  loca: { offsets: number[] }
  _variationProcessor?: unknown
  _getTableStream(tag: string): { pos: number; readInt16BE(): number } | null
  getGlyph(id: number): object
  createSubset(): GlyfSubset
}

interface GlyfSubset {
  _addGlyph(id: number): number
}

/** The contour count in a glyph's header; undefined for an empty glyph. */
function contourCount(font: TrueTypeFont, id: number): number | undefined {
  const { offsets } = font.loca
  if (offsets[id] === offsets[id + 1]) return undefined
  const stream = font._getTableStream('glyf')
  if (!stream) return undefined
  stream.pos += offsets[id]
  return stream.readInt16BE()
}

/** Make `font.createSubset()` copy simple glyphs without decoding their outlines. */
export function subsetWithoutDecodingOutlines(font: fontkit.Font): void {
  const ttf = font as unknown as TrueTypeFont
  const { tables } = ttf.directory
  // fontkit subsets a font with a CFF table as CFF, whatever else it holds.
  if (ttf.type !== 'TTF' || tables['CFF '] || !tables.glyf || !tables.loca) return
  const createSubset = ttf.createSubset.bind(ttf)
  ttf.createSubset = () => {
    const subset = createSubset()
    const addGlyph = subset._addGlyph.bind(subset)
    subset._addGlyph = (id) => {
      const contours = ttf._variationProcessor ? undefined : contourCount(ttf, id)
      if (contours === undefined || contours < 0) return addGlyph(id)
      // fontkit reads only the contour count of what `_decode` returns for a simple glyph.
      const glyph = ttf.getGlyph(id)
      Object.defineProperty(glyph, '_decode', { value: () => ({ numberOfContours: contours }), configurable: true })
      try {
        return addGlyph(id)
      } finally {
        Reflect.deleteProperty(glyph, '_decode')
      }
    }
    return subset
  }
}
