/** The reader for each input kind. */
import { ConversionError } from '../errors.js'
import type { InputKind } from '../sniff.js'
import { readHtml } from './html/index.js'
import { readMarkdown } from './markdown.js'
import { readPdf } from './pdf/index.js'
import { readText } from './text/index.js'
import type { Reader } from './types.js'

const notYet =
  (kind: string): Reader =>
  async () => {
    throw new ConversionError(`reading ${kind} is not supported yet`, 'unsupported')
  }

export const readers: Record<InputKind, Reader> = {
  text: readText,
  md: readMarkdown,
  html: readHtml,
  docx: notYet('DOCX'),
  pdf: readPdf
}

export { readHtml, readMarkdown, readPdf, readText }
export type { ReadOptions, ReadResult, Reader } from './types.js'
