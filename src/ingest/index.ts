/** The reader for each input kind. */
import { ConversionError } from '../errors.js'
import type { InputKind } from '../sniff.js'
import { readDocx } from './docx/index.js'
import { readHtml } from './html/index.js'
import { readMarkdown } from './markdown.js'
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
  docx: readDocx,
  pdf: notYet('PDF')
}

export { readDocx, readHtml, readMarkdown, readText }
export type { ReadOptions, ReadResult, Reader } from './types.js'
