/** The writer for each output format. */
import { ConversionError } from '../errors.js'
import { writeHtml } from './html/index.js'
import { writeJson } from './json.js'
import { writeMarkdown } from './markdown.js'
import { writeText } from './text/index.js'
import type { Format, Writer } from './types.js'

const notYet =
  (what: string): Writer =>
  async () => {
    throw new ConversionError(`writing ${what} is not supported yet`, 'unsupported')
  }

export const writers: Record<Format, Writer> = {
  md: writeMarkdown,
  html: writeHtml,
  txt: writeText,
  json: writeJson,
  pdf: notYet('PDF')
}

export { writeHtml, writeJson, writeMarkdown, writeText }
export { FORMATS, type Format, type WriteOptions, type WriteResult, type Writer } from './types.js'
