/**
 * What a PDF page says, as plain data: the faithful model the PDF reader
 * builds with pdf.js before any layout analysis. Everything here can be
 * structured-cloned (it crosses from the extraction worker) and written by
 * hand in tests.
 *
 * Coordinates are PDF points on the page as displayed (rotation applied),
 * origin top-left, y growing downwards.
 */

/** A run of text on one baseline, in one font, as pdf.js reports it. */
export interface TextRun {
  text: string
  /** Left edge. */
  x: number
  /** Baseline (distance from the top of the page). */
  y: number
  /** Advance width. */
  width: number
  /** Font size (em height). */
  size: number
  /** Font name (PostScript name when pdf.js knows it, without the subset prefix). */
  font: string
  bold: boolean
  italic: boolean
  /**
   * Present for text written top to bottom (CJK vertical writing): then `x`
   * is the column's left edge, `y` the top of the run, `width` the column's
   * thickness and `length` how far down the run reaches.
   */
  length?: number
}

/** A straight ruling drawn on the page: a stroked line, a rectangle edge or a thin filled bar. */
export interface Rule {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface PageContent {
  /** 1-based page number in the document. */
  number: number
  width: number
  height: number
  runs: TextRun[]
  /** Horizontal and vertical rulings only (diagonals and curves are dropped). */
  rules: Rule[]
  /** Text drawn at a slant (a watermark, an angled label): on no line, read at the end of the page. */
  slanted?: TextRun[]
}

/** What the document declares about itself. */
export interface PdfInfo {
  pageCount: number
  title?: string
  lang?: string
  author?: string
}
