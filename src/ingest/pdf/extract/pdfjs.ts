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

/** The pdf.js module, imported once. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return loading
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
    disableFontFace: true,
    isEvalSupported: false,
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
