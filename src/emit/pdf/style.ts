/** Style values of the PDF writer, kept in `templates/pdf-style.json`. */
import { readTemplate } from '../../assets.js'

export interface PdfStyle {
  page: { marginMm: number; footerGap: number }
  body: { fontSize: number; lineHeight: number; color: string; paragraphGap: number }
  headings: { sizes: number[]; lineHeight: number; gapBefore: number; gapAfter: number; color: string }
  list: { indent: number; itemGap: number }
  code: { fontSize: number; lineHeight: number; background: string; padding: number }
  blockquote: { indent: number; barWidth: number; barColor: string; color: string }
  link: { color: string; underline: boolean }
  footnotes: { fontSize: number; titles: Record<string, string> }
  footer: { fontSize: number; color: string }
  image: { maxHeightRatio: number; gap: number }
  table: {
    fontSize: number
    minFontSize: number
    fontStep: number
    lineHeight: number
    paddingX: number
    paddingY: number
    border: number
    borderColor: string
    headerFill: string
    /** A column is comfortable when it is at least this many ems wide (or as wide as its widest line). */
    comfortEms: number
    gapBefore: number
    gapAfter: number
    /** Head rows taller than this share of the page are not repeated on following pages. */
    maxRepeatedHeadRatio: number
  }
}

/** The style shipped in `templates/pdf-style.json`. */
export function loadPdfStyle(): PdfStyle {
  return JSON.parse(readTemplate('pdf-style.json')) as PdfStyle
}

/** Points per millimetre. */
export const MM = 72 / 25.4
