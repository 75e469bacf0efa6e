/**
 * The writer for each output format. Each loads on first use: pdfkit and
 * its fonts, or the unified serializers, only when that format is asked for.
 */
import { withSafeUrls } from './safe-urls.js'
import type { Format, Writer } from './types.js'

/** Every writer gets a tree in which no link or image has an unsafe address (src/url-policy.ts). */
const safely =
  (writer: Writer): Writer =>
  async (doc, options) => {
    const { tree, messages } = withSafeUrls(doc.tree)
    const result = await writer(tree === doc.tree ? doc : { ...doc, tree }, options)
    return messages.length > 0 ? { ...result, messages: [...messages, ...result.messages] } : result
  }

export const writers: Record<Format, Writer> = {
  md: safely(async (doc, options) => (await import('./markdown.js')).writeMarkdown(doc, options)),
  html: safely(async (doc, options) => (await import('./html/index.js')).writeHtml(doc, options)),
  txt: safely(async (doc, options) => (await import('./text/index.js')).writeText(doc, options)),
  json: safely(async (doc, options) => (await import('./json.js')).writeJson(doc, options)),
  pdf: safely(async (doc, options) => (await import('./pdf/index.js')).writePdf(doc, options))
}

/** Load every writer now (a long-lived worker pays the start-up once, before its first job). */
export async function preloadWriters(): Promise<void> {
  await Promise.all([import('./markdown.js'), import('./html/index.js'), import('./text/index.js'), import('./json.js'), import('./pdf/index.js')])
}

export { FORMATS, type Format, type WriteOptions, type WriteResult, type Writer } from './types.js'
