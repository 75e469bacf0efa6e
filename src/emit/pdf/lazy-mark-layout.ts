/**
 * Shaping without the cost of mark positioning where there is no mark.
 *
 * fontkit decodes a GPOS lookup the first time a feature needs it. For Noto
 * Sans the `mark` and `mkmk` lookups (anchors for every base × combining mark
 * pair) take about 60 ms per face to decode, on every PDF, although most text
 * has no combining mark at all. Those lookups move only marks, so a run with
 * a combining character is shaped with every default feature, and any other
 * run is shaped with them off first and again in full only when a mark glyph
 * (GDEF class 3) came out of substitution: a precomposed `ṅ` that Noto Sans's
 * `ccmp` splits into `n` + dot. Both checks are needed (Source Code Pro
 * positions combining characters its GDEF does not class as marks); a test
 * over every character of the bundled faces holds them to full shaping.
 */
import type * as fontkit from 'fontkit'

type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: number[] }
  | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] }

const MARK_CLASS = 3
const COMBINING = /\p{M}/u

/** Glyph ids the font's GDEF classes as marks (empty without a GDEF class table). */
function markGlyphs(font: fontkit.Font): Set<number> {
  const classDef = (font as unknown as { GDEF?: { glyphClassDef?: ClassDef } }).GDEF?.glyphClassDef
  const marks = new Set<number>()
  if (classDef?.version === 1) {
    classDef.classValueArray.forEach((cls, i) => {
      if (cls === MARK_CLASS) marks.add(classDef.startGlyph + i)
    })
  } else if (classDef?.version === 2) {
    for (const range of classDef.classRangeRecord) {
      if (range.class !== MARK_CLASS) continue
      for (let id = range.start; id <= range.end; id++) marks.add(id)
    }
  }
  return marks
}

/**
 * Make `font.layout` skip the mark lookups for runs without marks.
 * Calls that name their own features are left as they are.
 */
export function layoutMarksOnlyWhenPresent(font: fontkit.Font): void {
  const layout = font.layout.bind(font)
  let marks: Set<number> | undefined
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || COMBINING.test(text)) return layout(text, features, ...rest)
    marks ??= markGlyphs(font)
    // A new object each time: fontkit writes every feature it plans into the one it is given
    // (a shared one would carry `rtlm` from a right-to-left run into every later run).
    const run = layout(text, { mark: false, mkmk: false }, ...rest)
    if (!run.glyphs.some((glyph) => marks!.has(glyph.id))) return run
    return layout(text, undefined, ...rest)
  }
}
