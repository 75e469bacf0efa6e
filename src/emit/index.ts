/**
 * The writer for each output format. Each loads on first use: pdfkit and
 * its fonts, or the unified serializers, only when that format is asked for.
 */
import type { Format, Writer } from './types.js'

export const writers: Record<Format, Writer> = {
  md: async (doc, options) => (await import('./markdown.js')).writeMarkdown(doc, options),
  html: async (doc, options) => (await import('./html/index.js')).writeHtml(doc, options),
  txt: async (doc, options) => (await import('./text/index.js')).writeText(doc, options),
  json: async (doc, options) => (await import('./json.js')).writeJson(doc, options),
  pdf: async (doc, options) => (await import('./pdf/index.js')).writePdf(doc, options)
}

/** Load every writer now (a long-lived worker pays the start-up once, before its first job). */
export async function preloadWriters(): Promise<void> {
  await Promise.all([import('./markdown.js'), import('./html/index.js'), import('./text/index.js'), import('./json.js'), import('./pdf/index.js')])
}

export { FORMATS, type Format, type WriteOptions, type WriteResult, type Writer } from './types.js'
