/**
 * pdf.js set up for Node and for untrusted input: the legacy build (the
 * modern one needs browser globals), the package's own CMaps, standard font
 * data and wasm decoders read from disk, and nothing that could fetch, eval,
 * or load system fonts.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

const packageRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** pdf.js wants directory "URLs" ending in a slash; in Node they are file paths. */
const assetDir = (name: string) => `${join(packageRoot, name)}/`

let loading: Promise<Pdfjs> | undefined

/**
 * The legacy build's core-js polyfills replace three built-ins for the whole
 * thread although Node 20 has them: `Array.prototype.push` (forced over a V8
 * edge case, and slower: it reads the `length` descriptor on every call, in
 * pdf.js and in every other module on the thread), `JSON.parse` and
 * `JSON.stringify` (for a JSON proposal pdf.js does not use). The engine's own
 * are put back once pdf.js and its worker code (which pdf.js in Node imports
 * on the same thread at the first document) are loaded.
 */
async function importKeepingBuiltins(): Promise<Pdfjs> {
  const { push } = Array.prototype
  const { parse, stringify } = JSON
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return pdfjs
  } finally {
    Array.prototype.push = push
    JSON.parse = parse
    JSON.stringify = stringify
  }
}

/** The pdf.js module, imported once. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= importKeepingBuiltins()
  return loading
}

/**
 * Where pdf.js's font loader installs the fonts it is given: a stand-in for
 * the browser document, whose style sheet keeps nothing. Node has no document,
 * and pdf.js's way round that (`disableFontFace`, its default in Node) is to
 * compile every glyph drawn into a path and send it over for a canvas: work
 * the reader would throw away, about a tenth of its time. With font faces on,
 * a font is "installed" as one CSS rule (pdf.js in Node loads fonts
 * synchronously, without waiting on the document); these four members are
 * all its loader touches.
 */
function discardingDocument() {
  const sheet = { cssRules: { length: 0 }, insertRule: () => 0 }
  const head = { append: () => {} }
  return {
    createElement: () => ({ sheet, remove: () => {} }),
    documentElement: { getElementsByTagName: () => [head] }
  }
}

/** `getDocument` parameters for reading text and drawings from bytes. */
export function documentParams(data: Uint8Array, password: string | undefined) {
  return {
    data,
    ...(password !== undefined ? { password } : {}),
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
    wasmUrl: assetDir('wasm'),
    iccUrl: assetDir('iccs'),
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: false,
    ownerDocument: discardingDocument(),
    isEvalSupported: false,
    // Each font's ToUnicode map, to recover glyphs pdf.js reads as spaces (unmapped-glyphs.ts).
    fontExtraProperties: true,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    // Images are never decoded: only text and rulings are read.
    maxImageSize: 0,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: 0
  }
}
