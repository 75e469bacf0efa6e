/**
 * pdf.js text items → text runs in page coordinates. Pure: the items, their
 * styles and the font names pdf.js resolved go in, plain runs come out.
 */
import type { TextRun } from '../types.js'
import { baseFontName, isBoldFont, isItalicFont } from './fonts.js'
import { type Matrix, compose } from './matrix.js'

/** The parts of a pdf.js `TextItem` used here. */
export interface PdfjsTextItem {
  str: string
  transform: number[]
  width: number
  height: number
  fontName: string
}

export interface PdfjsTextStyle {
  vertical?: boolean
}

/**
 * `base` is the viewport transform (PDF user space → page as displayed,
 * y down). `fontNames` maps pdf.js's internal font ids to real font names.
 * Text drawn at an angle other than 0° or ±90° (a watermark, a slanted label)
 * is not placed on any line: it is returned apart, in `slanted`, so that
 * its text is still read.
 */
export function runsFromTextItems(
  items: readonly PdfjsTextItem[],
  styles: Readonly<Record<string, PdfjsTextStyle>>,
  fontNames: ReadonlyMap<string, string>,
  base: Matrix
): { runs: TextRun[]; slanted: TextRun[] } {
  const runs: TextRun[] = []
  const slanted: TextRun[] = []
  for (const item of items) {
    if (!item.str || !item.transform) continue
    const m = compose(base, item.transform)
    const font = baseFontName(fontNames.get(item.fontName) ?? item.fontName)
    const style = { font, bold: isBoldFont(font), italic: isItalicFont(font) }
    // Direction of the baseline, and the glyphs' vertical scale.
    const along = Math.hypot(m[0], m[1])
    const size = Math.hypot(m[2], m[3])
    if (!(along > 0) || !(size > 0)) continue
    const angle = Math.atan2(m[1], m[0])
    const vertical = styles[item.fontName]?.vertical === true
    if (vertical && Math.abs(angle) < 0.05) {
      // Vertical writing: pdf.js reports the column's thickness as width and its length as height.
      runs.push({ text: item.str, x: m[4], y: m[5], width: item.width, size, length: item.height, ...style })
    } else if (Math.abs(angle) < 0.05) {
      runs.push({ text: item.str, x: m[4], y: m[5], width: item.width, size, ...style })
    } else if (Math.abs(Math.abs(angle) - Math.PI / 2) < 0.05) {
      // Turned a quarter: read like a column of vertical writing.
      // Reading downwards the glyphs stand to the right of the baseline, reading upwards to its left.
      const down = angle > 0
      const top = down ? m[5] : m[5] - item.width
      const x = down ? m[4] : m[4] - size
      runs.push({ text: item.str, x, y: top, width: size, size, length: item.width, ...style })
    } else {
      slanted.push({ text: item.str, x: m[4], y: m[5], width: item.width, size, ...style })
    }
  }
  return { runs, slanted }
}
