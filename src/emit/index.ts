/** The writer for each output format. */
import { writeHtml } from './html/index.js'
import { writeJson } from './json.js'
import { writeMarkdown } from './markdown.js'
import { writePdf } from './pdf/index.js'
import { writeText } from './text/index.js'
import type { Format, Writer } from './types.js'

export const writers: Record<Format, Writer> = {
  md: writeMarkdown,
  html: writeHtml,
  txt: writeText,
  json: writeJson,
  pdf: writePdf
}

export { writeHtml, writeJson, writeMarkdown, writePdf, writeText }
export { FORMATS, type Format, type WriteOptions, type WriteResult, type Writer } from './types.js'
