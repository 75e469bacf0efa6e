/**
 * The reader for each input kind. Each loads on first use, so a conversion
 * pays only for the libraries it needs (mammoth, pdf.js and the unified
 * parsers are large).
 */
import { ConversionError } from '../errors.js'
import type { InputKind } from '../sniff.js'
import type { Reader } from './types.js'

const notYet =
  (kind: string): Reader =>
  async () => {
    throw new ConversionError(`reading ${kind} is not supported yet`, 'unsupported')
  }

export const readers: Record<InputKind, Reader> = {
  text: async (bytes, options) => (await import('./text/index.js')).readText(bytes, options),
  md: async (bytes, options) => (await import('./markdown.js')).readMarkdown(bytes, options),
  html: async (bytes, options) => (await import('./html/index.js')).readHtml(bytes, options),
  docx: async (bytes, options) => (await import('./docx/index.js')).readDocx(bytes, options),
  pdf: notYet('PDF')
}

/** Load every reader now (a long-lived worker pays the start-up once, before its first job). */
export async function preloadReaders(): Promise<void> {
  await Promise.all([import('./text/index.js'), import('./markdown.js'), import('./html/index.js'), import('./docx/index.js')])
}

export type { ReadOptions, ReadResult, Reader } from './types.js'
