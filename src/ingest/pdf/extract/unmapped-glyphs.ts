/**
 * Glyphs pdf.js reads as spaces although the PDF says what they are.
 *
 * pdf.js 5.6 (`Font.charToGlyph`, src/core/fonts.js) draws a code that a
 * non-embedded Type 1 font's encoding leaves unnamed as a space, and also
 * overwrites the code's Unicode value with a space, even when the font's
 * /ToUnicode map has an entry for it (fixed upstream after 5.6, in
 * mozilla/pdf.js#21872; docmend cannot move to those versions on Node 20).
 * `getTextContent` then treats the glyph as white space: bold figures read
 * `11,062 6` for `11,062.6` (issue 14), while poppler, which reads
 * /ToUnicode, prints the point.
 *
 * The operator list still names each glyph's character code, and with
 * `fontExtraProperties` each font carries the ToUnicode map pdf.js built.
 * A glyph whose Unicode value is white space while the map gives the same
 * code a visible character is such a glyph: the character is the map's,
 * never a guess. The text items are then mended by walking the glyphs drawn
 * (in content-stream order, the order pdf.js builds its text items in)
 * alongside the items' characters, and putting each recovered character
 * between the two drawn characters it was drawn between. If the two
 * sequences cannot be matched character for character, nothing is changed
 * and the caller is told how many characters stayed spaces.
 *
 * Pure: operator codes, arrays and font facts in, items out.
 */

/** The pdf.js operator codes read here (`pdfjs.OPS`). */
export interface GlyphOpCodes {
  save: number
  restore: number
  setFont: number
  showText: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
}

/** What pdf.js exports about a font with `fontExtraProperties` (the parts used here). */
export interface FontFacts {
  missingFile?: boolean
  /** pdf.js's `ToUnicodeMap` after structured cloning: its private `_map`, indexed by character code. */
  toUnicode?: { _map?: unknown }
}

/** A pdf.js glyph in a `showText` argument. */
interface PdfjsGlyph {
  originalCharCode?: unknown
  unicode?: unknown
}

export interface MendableItem {
  str: string
  dir?: string
}

type Token = { kind: 'text'; text: string } | { kind: 'space' } | { kind: 'recovered'; text: string }

const WHITE = /^\s*$/u

/** The visible text /ToUnicode gives a code that pdf.js turned into a space, if that is what happened. */
function recoveredText(glyph: PdfjsGlyph, font: FontFacts | undefined): string | undefined {
  if (!font?.missingFile || typeof glyph.unicode !== 'string' || !WHITE.test(glyph.unicode)) return undefined
  const map = font.toUnicode?._map
  if (!Array.isArray(map) || typeof glyph.originalCharCode !== 'number') return undefined
  const mapped: unknown = map[glyph.originalCharCode]
  return typeof mapped === 'string' && !WHITE.test(mapped) ? mapped : undefined
}

/** Each glyph drawn, in order, with the font it is drawn in (followed through save/restore and form XObjects). */
function eachGlyph(
  fnArray: ArrayLike<number>,
  argsArray: readonly unknown[],
  ops: GlyphOpCodes,
  fontOf: (id: string) => FontFacts | undefined,
  visit: (glyph: PdfjsGlyph, font: FontFacts | undefined) => void
): void {
  let font: FontFacts | undefined
  const stack: (FontFacts | undefined)[] = []
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = argsArray[i] as unknown[] | null
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) stack.push(font)
    else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
      if (stack.length > 0) font = stack.pop()
    } else if (fn === ops.setFont) font = typeof args?.[0] === 'string' ? fontOf(args[0]) : undefined
    else if (fn === ops.showText && Array.isArray(args?.[0])) {
      // Numbers are TJ spacing; null a code the font does not cover.
      for (const glyph of args[0] as unknown[]) if (glyph && typeof glyph === 'object') visit(glyph as PdfjsGlyph, font)
    }
  }
}

/**
 * The glyphs a page draws, in order, as text, white space and recovered
 * characters; `null` when no glyph needs recovering (the common case, found
 * without building anything).
 */
export function drawnGlyphs(fnArray: ArrayLike<number>, argsArray: readonly unknown[], ops: GlyphOpCodes, fontOf: (id: string) => FontFacts | undefined): Token[] | null {
  let any = false
  eachGlyph(fnArray, argsArray, ops, fontOf, (glyph, font) => {
    if (!any && recoveredText(glyph, font) !== undefined) any = true
  })
  if (!any) return null
  const tokens: Token[] = []
  eachGlyph(fnArray, argsArray, ops, fontOf, (glyph, font) => {
    const text = recoveredText(glyph, font)
    if (text !== undefined) tokens.push({ kind: 'recovered', text })
    else if (typeof glyph.unicode === 'string') tokens.push(WHITE.test(glyph.unicode) ? { kind: 'space' } : { kind: 'text', text: glyph.unicode })
  })
  return tokens
}

/** A place in the items: item `item`, UTF-16 index `at`. */
interface Place {
  item: number
  at: number
}

/**
 * The items with the recovered characters put back. `unplaced` counts the
 * recovered characters left as pdf.js read them (as spaces), when the
 * glyphs and the items' text could not be matched.
 */
export function mendItems<T extends MendableItem>(items: readonly T[], tokens: readonly Token[]): { items: T[]; recovered: number; unplaced: number } {
  const total = tokens.filter((t) => t.kind === 'recovered').length
  const unchanged = { items: [...items], recovered: 0, unplaced: total }
  // Right-to-left items are reordered by pdf.js (bidi): their characters are not in drawing order.
  if (items.some((item) => item.dir === 'rtl')) return unchanged

  // The items' visible characters in order, each with its place.
  const chars: { ch: string; place: Place }[] = []
  items.forEach((item, i) => {
    for (let at = 0; at < item.str.length; at++) if (!WHITE.test(item.str[at])) chars.push({ ch: item.str[at], place: { item: i, at } })
  })

  /** Whether `text` (visible characters only) is what the items hold from `p` on; the characters it takes. */
  const matchAt = (text: string, p: number): number => {
    const visible = [...text].filter((c) => !WHITE.test(c)).join('')
    let n = 0
    for (let k = 0; k < visible.length; k++) {
      if (chars[p + n]?.ch !== visible[k]) return -1
      n++
    }
    return n
  }

  interface Gap {
    /** The last character matched before the gap, and the first after it. */
    before: Place | undefined
    after: Place | undefined
    tokens: Token[]
  }
  const gaps: Gap[] = []
  let p = 0
  let pending: Token[] = []
  for (const token of tokens) {
    if (token.kind !== 'text') {
      pending.push(token)
      continue
    }
    // pdf.js applies NFKC to some characters (ligatures, compatibility forms): try the glyph's text both ways.
    let n = matchAt(token.text, p)
    if (n < 0) n = matchAt(token.text.normalize('NFKC'), p)
    // A glyph missing from the text content (drawn off the page, an invisible format mark) is passed over.
    if (n <= 0) continue
    if (pending.some((t) => t.kind === 'recovered')) gaps.push({ before: chars[p - 1]?.place, after: chars[p].place, tokens: pending })
    pending = []
    p += n
  }
  if (pending.some((t) => t.kind === 'recovered')) gaps.push({ before: chars[p - 1]?.place, after: undefined, tokens: pending })
  // Every character of the text content must have been drawn, in order; otherwise the places are not known.
  if (p !== chars.length) return unchanged

  // Edits per item: replace str[start, end) with text.
  const edits = new Map<number, { start: number; end: number; text: string }[]>()
  const edit = (item: number, start: number, end: number, text: string) => {
    const list = edits.get(item) ?? []
    list.push({ start, end, text })
    edits.set(item, list)
  }
  let recovered = 0
  for (const gap of gaps) {
    const found = gap.tokens.filter((t) => t.kind === 'recovered')
    const text = found.map((t) => t.text).join('')
    const { before, after } = gap
    if (before && after && before.item === after.item) {
      // Within one item: pdf.js left only white space between the two characters. With no space drawn
      // there, that white space is the recovered glyph's own advance; otherwise the gap is rebuilt from
      // what was drawn, each run of spaces as one.
      const between = gap.tokens.some((t) => t.kind === 'space')
        ? gap.tokens.map((t) => (t.kind === 'recovered' ? t.text : ' ')).join('').replace(/ +/g, ' ')
        : text
      edit(before.item, before.at + 1, after.at, between)
    } else if (before && (gap.tokens[0].kind === 'recovered' || !after)) {
      // Drawn right after the end of an item (or after the last character): it ends that item.
      edit(before.item, before.at + 1, before.at + 1, text)
    } else if (after) {
      edit(after.item, after.at, after.at, text)
    } else {
      continue
    }
    recovered += found.length
  }
  const out = items.map((item, i) => {
    const list = edits.get(i)
    if (!list) return item
    let str = item.str
    for (const e of list.sort((a, b) => b.start - a.start)) str = str.slice(0, e.start) + e.text + str.slice(e.end)
    return { ...item, str }
  })
  return { items: out, recovered, unplaced: total - recovered }
}
