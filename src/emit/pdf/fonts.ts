/**
 * Fonts for the PDF writer: faces shipped through npm (Noto Sans for Latin,
 * Noto Sans SC for CJK, Source Code Pro for code, Noto Sans Math as the last
 * resort), an optional user font in front of them, and per-character fallback
 * so that every character is drawn with a face that has it. Characters no face
 * has are counted, to be reported as `pdf-warning-glyph` instead of silently
 * drawn as tofu.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import { ConversionError } from '../../errors.js'
import { layoutMarksOnlyWhenPresent } from './lazy-mark-layout.js'
import { subsetWithoutDecodingOutlines } from './lean-subset.js'

export type FontRole = 'text' | 'code'

export interface FontStyle {
  role: FontRole
  bold: boolean
  italic: boolean
}

/** One font file as pdfkit and fontkit see it, plus what must be synthesized. */
export interface Face {
  /** Name registered with pdfkit. */
  id: string
  font: fontkit.Font
  /** Draw with a stroke as well as a fill: the file has no bold weight. */
  synthBold: boolean
  /** Draw slanted: the file has no italic. */
  synthItalic: boolean
  /** Ascent and descent per point of font size (descent positive). */
  ascent: number
  descent: number
}

interface FaceSource {
  key: string
  load: () => { bytes: Buffer; postscriptName?: string }
}

const require = createRequire(import.meta.url)

/** A font file inside an npm package (no network, no system fonts). */
function packaged(key: string, specifier: string): FaceSource {
  return { key, load: () => ({ bytes: readFileSync(require.resolve(specifier)) }) }
}

export const BUNDLED = {
  latin: packaged('latin', '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  latinBold: packaged('latin-bold', '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  latinItalic: packaged('latin-italic', '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
  latinBoldItalic: packaged('latin-bold-italic', '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
  cjk: packaged('cjk', '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  cjkBold: packaged('cjk-bold', '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  mono: packaged('mono', '@expo-google-fonts/source-code-pro/400Regular/SourceCodePro_400Regular.ttf'),
  monoBold: packaged('mono-bold', '@expo-google-fonts/source-code-pro/700Bold/SourceCodePro_700Bold.ttf'),
  monoItalic: packaged('mono-italic', '@expo-google-fonts/source-code-pro/400Regular_Italic/SourceCodePro_400Regular_Italic.ttf'),
  monoBoldItalic: packaged('mono-bold-italic', '@expo-google-fonts/source-code-pro/700Bold_Italic/SourceCodePro_700Bold_Italic.ttf'),
  // Math letters (𝑥, 𝜋, 𝔸), operators (∑, ∫, ⊗) and arrows that neither Noto Sans
  // nor Noto Sans SC has; opened only when a character needs it (1 MB file).
  math: packaged('math', '@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf')
} as const

/** A link in a fallback chain: a source and what its file lacks for this style. */
interface ChainLink {
  source: FaceSource
  synthBold: boolean
  synthItalic: boolean
}

const link = (source: FaceSource, synthBold = false, synthItalic = false): ChainLink => ({ source, synthBold, synthItalic })

function bundledChain(style: FontStyle): ChainLink[] {
  const b = BUNDLED
  const cjk = style.bold ? link(b.cjkBold, false, style.italic) : link(b.cjk, false, style.italic)
  if (style.role === 'code') {
    const mono = style.bold ? (style.italic ? b.monoBoldItalic : b.monoBold) : style.italic ? b.monoItalic : b.mono
    return [link(mono), cjk]
  }
  const latin = style.bold ? (style.italic ? b.latinBoldItalic : b.latinBold) : style.italic ? b.latinItalic : b.latin
  return [link(latin), cjk]
}

/** Characters that take no glyph of their own (zero-width marks). */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufe00-\ufe0f\ufeff]/u

/**
 * Punctuation both Latin and CJK faces have; in CJK text the full-width
 * CJK form is the right one (“ ” ‘ ’ … — ·).
 */
const CJK_PREFERRED = /[\u2018\u2019\u201c\u201d\u2026\u2014\u00b7\u2015]/u

export interface FontBookOptions {
  /** A user font (TTF, OTF, TTC or OTC bytes) tried before the bundled faces. */
  userFont?: Uint8Array
  /** In a collection, which font to take (PostScript name); default the first. */
  userFontName?: string
  /** The document's language: CJK languages draw shared punctuation with the CJK face. */
  lang: string
}

export interface Piece {
  text: string
  face: Face
}

/**
 * The faces of one PDF document, opened lazily and registered with its
 * pdfkit document, with per-character fallback and glyph-miss counting.
 */
export class FontBook {
  /** Characters no face could draw, with how often they occurred. */
  readonly missing = new Map<string, number>()
  private readonly faces = new Map<string, Face>()
  /** Width at size 1 of each text measured so far, per pdfkit font. */
  private readonly widths = new Map<string, Map<string, number>>()
  /** Fallback chains by style: index = code·4 + bold·2 + italic. */
  private readonly chains: (Face[] | undefined)[] = []
  private readonly user: FaceSource | undefined
  private readonly cjkFirst: boolean
  /** The last-resort face, once a character has needed it. */
  private lastResort: Face | undefined

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    options: FontBookOptions
  ) {
    this.cjkFirst = /^(zh|ja|ko)\b/i.test(options.lang)
    if (options.userFont) {
      const bytes = Buffer.from(options.userFont)
      const name = options.userFontName
      this.user = { key: 'user', load: () => (name ? { bytes, postscriptName: name } : { bytes }) }
      this.face(link(this.user)) // fail early on a file that is not a font
    }
  }

  /** The fallback chain for a style: user font (if any), then the bundled faces. */
  chain(style: FontStyle): Face[] {
    const key = (style.role === 'code' ? 4 : 0) + (style.bold ? 2 : 0) + (style.italic ? 1 : 0)
    let chain = this.chains[key]
    if (!chain) {
      const links = bundledChain(style)
      if (this.user) {
        const userLink = link(this.user, style.bold, style.italic)
        links.splice(style.role === 'code' ? 1 : 0, 0, userLink)
      }
      chain = links.map((l) => this.face(l))
      this.chains[key] = chain
    }
    return chain
  }

  /** Split text into runs that one face each can draw; invisible marks are dropped. */
  pieces(text: string, style: FontStyle): Piece[] {
    const chain = this.chain(style)
    const out: Piece[] = []
    let current: Piece | undefined
    for (const ch of text) {
      if (INVISIBLE.test(ch)) continue
      const face = this.pick(ch, chain, current?.face)
      if (current && current.face === face) current.text += ch
      else {
        current = { text: ch, face }
        out.push(current)
      }
    }
    return out
  }

  /** Width of `text` drawn with `face` at `size`, exactly as pdfkit will measure it. */
  width(text: string, face: Face, size: number): number {
    let known = this.widths.get(face.id)
    if (!known) {
      known = new Map()
      this.widths.set(face.id, known)
    }
    let unit = known.get(text)
    if (unit === undefined) {
      unit = this.doc.font(face.id, 1).widthOfString(text)
      known.set(text, unit)
    }
    return unit * size
  }

  private pick(ch: string, chain: Face[], previous: Face | undefined): Face {
    const cp = ch.codePointAt(0) ?? 0
    // Spaces and combining marks stay with the run they are in.
    if (previous && (/\s|\p{M}/u.test(ch)) && (previous.font.hasGlyphForCodePoint(cp) || cp === 0x20)) return previous
    if (cp < 0x20) return previous ?? chain[0]
    if (this.cjkFirst && CJK_PREFERRED.test(ch)) {
      const cjk = chain.find((f) => f.id.startsWith('cjk') && f.font.hasGlyphForCodePoint(cp))
      if (cjk) return cjk
    }
    for (const face of chain) if (face.font.hasGlyphForCodePoint(cp)) return face
    this.lastResort ??= this.face(link(BUNDLED.math))
    if (this.lastResort.font.hasGlyphForCodePoint(cp)) return this.lastResort
    this.missing.set(ch, (this.missing.get(ch) ?? 0) + 1)
    return chain[chain.length - 1]
  }

  private face(l: ChainLink): Face {
    const id = `${l.source.key}${l.synthBold ? '+b' : ''}${l.synthItalic ? '+i' : ''}`
    let face = this.faces.get(id)
    if (face) return face
    // Synthesized variants share the file (and the pdfkit font) of the plain face.
    const base = this.faces.get(l.source.key)
    let font: fontkit.Font
    if (base) font = base.font
    else {
      const { bytes, postscriptName } = l.source.load()
      font = openFont(bytes, postscriptName, l.source.key)
      // Checked for the bundled faces only (test/pdf-mark-layout.test.ts).
      if (l.source !== this.user) layoutMarksOnlyWhenPresent(font)
      subsetWithoutDecodingOutlines(font)
      // pdfkit takes the opened font as it is (anything with a `layout`), so
      // a 10 MB CJK file is parsed once, not once here and once by pdfkit.
      this.doc.registerFont(l.source.key, font as unknown as PDFKit.Mixins.PDFFontSource)
    }
    const scale = 1 / font.unitsPerEm
    face = {
      id: l.source.key,
      font,
      synthBold: l.synthBold,
      synthItalic: l.synthItalic,
      ascent: font.ascent * scale,
      descent: Math.abs(font.descent) * scale
    }
    if (!base) this.faces.set(l.source.key, { ...face, synthBold: false, synthItalic: false })
    this.faces.set(id, face)
    return face
  }
}

/** Open a font file (a collection picks `postscriptName`, or its first font). */
function openFont(bytes: Buffer, postscriptName: string | undefined, key: string): fontkit.Font {
  let opened: fontkit.Font | fontkit.FontCollection | null
  try {
    opened = fontkit.create(bytes)
  } catch (error) {
    throw new ConversionError(`the ${key} font is not a TrueType or OpenType font (${(error as Error).message})`, 'unsupported', { cause: error })
  }
  let font: fontkit.Font | undefined
  if (opened && 'fonts' in opened) {
    font = postscriptName ? opened.fonts.find((f) => f.postscriptName === postscriptName) : opened.fonts[0]
  } else if (opened && (!postscriptName || opened.postscriptName === postscriptName)) font = opened
  if (!font || typeof font.hasGlyphForCodePoint !== 'function') {
    throw new ConversionError(
      postscriptName ? `the ${key} font file has no font named '${postscriptName}'` : `the ${key} font file holds no usable font`,
      'unsupported'
    )
  }
  return font
}
