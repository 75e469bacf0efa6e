/** Styled text runs: what the line breaker lays out and the painter draws. */
import type { FontStyle } from './fonts.js'

/** Where a run leads: a URL (Link) or a place in this document (a footnote). */
export interface Anchor {
  /** Same id: the same link, tagged as one Link (or Reference) element. */
  id: number
  url?: string
  /** A named destination in this document. */
  dest?: string
  role: 'Link' | 'Reference'
}

export interface RunStyle extends FontStyle {
  size: number
  color: string
  underline?: boolean
  strike?: boolean
  /** Baseline shift upwards in points (superscript footnote marks). */
  rise?: number
  anchor?: Anchor
}

/** A run of text in one style; `\n` in `text` is a forced line break. */
export interface Run {
  text: string
  style: RunStyle
}

