/** The writer for each output format. */
import { writeHtml } from './html/index.js'
import { writeJson } from './json.js'
import { writeMarkdown } from './markdown.js'
import { writeText } from './text/index.js'
import type { Format, Writer } from './types.js'

export const writers: Record<Format, Writer> = {
  md: writeMarkdown,
  html: writeHtml,
  txt: writeText,
  json: writeJson,
  // pdfkit and its fonts load only when a PDF is asked for (saves ~1 s on every other run).
  pdf: async (doc, options) => (await import('./pdf/index.js')).writePdf(doc, options)
}

export { writeHtml, writeJson, writeMarkdown, writeText }

/** PDF writer (loads pdfkit on first use). */
export const writePdf: Writer = (doc, options) => writers.pdf(doc, options)
export { FORMATS, type Format, type WriteOptions, type WriteResult, type Writer } from './types.js'
