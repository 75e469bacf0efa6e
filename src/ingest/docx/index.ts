/**
 * Reader for Word documents (.docx):
 *
 *   zip, opened safely (archive.ts, parts.ts)
 *   → mammoth → HTML (our style map, images as resources)
 *   → hast (rehype-parse) → Word-specific hast passes (notes, captions, bookmarks, whitespace)
 *   → mdast through the HTML reader's handlers (tables keep their spans)
 *   → Word-specific mdast passes (pasted rows, blank lines, numbered headings).
 */
import type { ElementContent, Root as HastRoot } from 'hast'
import type { Handle, State } from 'hast-util-to-mdast'
import type { Root } from 'mdast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { ConversionError } from '../../errors.js'
import { type Message, warning } from '../../messages.js'
import { repairTables } from '../../tables/repair-tables.js'
import { hastToMdast, htmlHandlers } from '../html/index.js'
import type { ReadOptions, ReadResult } from '../types.js'
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS, readZipEntries } from './archive.js'
import { dropBlankParagraphs, inferNumberedHeadings, markDocxTables, splitPastedRows, trimLoneTabs } from './blocks.js'
import { unwrapBookmarks } from './bookmarks.js'
import { applyTableCaptions, tableCaptions } from './captions.js'
import { imageCollector } from './images.js'
import { extractNotes, noteConverter } from './notes.js'
import { assertXmlDepth, coreTitle, mainDocumentPath, mammothFile } from './parts.js'
import { DOCX_STYLE_MAP } from './style-map.js'
import { nestUnderTitle } from './title.js'
import { flattenTocLeaders } from './toc.js'
import { protectWhitespace, restoreWhitespace } from './whitespace.js'

const fragmentParser = unified().use(rehypeParse, { fragment: true })

/**
 * mammoth's HTML to canonical mdast, with Word's notes, bookmarks and
 * whitespace handled; `captions` are the tables' Word titles (`tableCaptions`).
 */
export function docxHtmlToMdast(html: string, captions: (string | undefined)[] = []): Root {
  const hast = fragmentParser.parse(html) as HastRoot
  const notes = extractNotes(hast)
  applyTableCaptions(hast, captions)
  unwrapBookmarks(hast)
  flattenTocLeaders(hast)
  protectWhitespace(hast)

  const convertNotes = noteConverter(notes)
  const sup = htmlHandlers.sup
  const handlers: Record<string, Handle> = {
    sup: (state: State, node) => convertNotes.reference(state, node) ?? sup(state, node, undefined)
  }
  nestUnderTitle(hast)
  // Table repair runs below, once pasted rows have their tabs and line breaks back.
  const tree = hastToMdast(hast, handlers, { repair: false })
  const toBlocks = (content: ElementContent[]) => hastToMdast({ type: 'root', children: content }, handlers, { repair: false }).children
  tree.children.push(...convertNotes.definitions(toBlocks))

  restoreWhitespace(tree)
  splitPastedRows(tree)
  dropBlankParagraphs(tree)
  trimLoneTabs(tree)
  repairTables(tree)
  inferNumberedHeadings(tree)
  markDocxTables(tree)
  return tree
}

/** One line from whatever mammoth (or xmldom under it) threw. */
function unreadable(error: unknown): ConversionError {
  if (error instanceof ConversionError) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new ConversionError(`not a readable Word document (${reason.split('\n')[0].replace(/\s+/g, ' ').trim().slice(0, 200)})`, 'corrupt', { cause: error })
}

export interface ReadDocxOptions extends ReadOptions {
  /** Caps on the zip (default: `DEFAULT_ARCHIVE_LIMITS`). */
  limits?: ArchiveLimits
}

export async function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): Promise<ReadResult> {
  const entries = await readZipEntries(bytes, options.limits ?? DEFAULT_ARCHIVE_LIMITS)
  const main = mainDocumentPath(entries)
  if (!main) throw new ConversionError('not a Word document: the zip has no word/document.xml', 'corrupt')
  assertXmlDepth(entries)

  // Loaded on first use: converting other formats does not pay for it.
  const { default: mammoth } = await import('mammoth')
  const images = imageCollector(mammoth)
  let result: { value: string; messages: { type: string; message: string }[] }
  try {
    // `{file}` is mammoth's own input for an opened zip (lib/unzip.js); its
    // typings list only path and buffer.
    const input = { file: mammothFile(entries) } as unknown as { buffer: Buffer }
    result = await mammoth.convertToHtml(input, {
      styleMap: DOCX_STYLE_MAP,
      includeEmbeddedStyleMap: false,
      convertImage: images.convertImage,
      externalFileAccess: false
    })
  } catch (error) {
    throw unreadable(error)
  }

  const tree = docxHtmlToMdast(result.value, tableCaptions(new TextDecoder().decode(entries.get(main))))
  const title = coreTitle(entries)
  if (title) tree.data = { ...tree.data, title }
  const messages: Message[] = result.messages.map((m) => warning('docx-warning', m.message))
  return { doc: { tree, resources: images.resources }, messages }
}
