/**
 * Reader for Word documents (.docx):
 *
 *   zip, opened safely (archive.ts, parts.ts)
 *   → mammoth → HTML (our style map, images as resources)
 *   → hast (rehype-parse) → Word-specific hast passes (notes, captions, bookmarks, whitespace)
 *   → mdast through the HTML reader's handlers (tables keep their spans)
 *   → Word-specific mdast passes (pasted rows, blank lines, numbered headings).
 *
 * Word's numbering labels (numbering/) are computed beside mammoth, which
 * drops them, and carried through it as marker runs in document.xml.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { type Handle, type State, defaultHandlers } from 'hast-util-to-mdast'
import type { ListItem, Root } from 'mdast'
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
import { type Label, applyLabels, itemLabel, markNumbering } from './numbering/index.js'
import { assertXmlParts, coreTitle, mainDocumentPath, mammothFile } from './parts.js'
import { DOCX_STYLE_MAP } from './style-map.js'
import { nestUnderTitle } from './title.js'
import { flattenTocLeaders } from './toc.js'
import { protectWhitespace, restoreWhitespace } from './whitespace.js'

const fragmentParser = unified().use(rehypeParse, { fragment: true })

/**
 * mammoth's HTML to canonical mdast, with Word's notes, bookmarks and
 * whitespace handled; `captions` are the tables' Word titles (`tableCaptions`),
 * `labels` the numbering labels the HTML's markers stand for (`markNumbering`).
 */
export function docxHtmlToMdast(html: string, captions: (string | undefined)[] = [], labels: readonly Label[] = []): Root {
  const hast = fragmentParser.parse(html) as HastRoot
  applyLabels(hast, labels)
  const notes = extractNotes(hast)
  applyTableCaptions(hast, captions)
  unwrapBookmarks(hast)
  flattenTocLeaders(hast)
  protectWhitespace(hast)

  const convertNotes = noteConverter(notes)
  const sup = htmlHandlers.sup
  const handlers: Record<string, Handle> = {
    sup: (state: State, node) => convertNotes.reference(state, node) ?? sup(state, node, undefined),
    li: (state: State, node: Element) => {
      const item = defaultHandlers.li(state, node) as ListItem
      const label = itemLabel(node, labels)
      if (label) item.data = { ...item.data, label: label.text, format: label.format }
      return item
    }
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

/**
 * A reason a person can act on, from whatever mammoth (or xmldom under it)
 * threw. Its own messages name parser internals, so they are never shown;
 * `--debug` prints the stack for those who want them.
 */
function unreadable(error: unknown): ConversionError {
  if (error instanceof ConversionError) return error
  const internal = error instanceof Error ? error.message : String(error)
  return new ConversionError(`not a readable Word document: ${docxProblem(internal)}`, 'corrupt', { cause: error })
}

function docxProblem(internal: string): string {
  if (/invalid doc source/i.test(internal)) return 'a part of it that Word needs is empty'
  if (/xmldom|parse error|unclosed|tagName|attribute|entity/i.test(internal)) return 'a part of it is not well-formed XML'
  if (/could not find|missing|not found/i.test(internal)) return 'a part that Word needs is missing'
  return 'its content is damaged or not in the Word format'
}

export interface ReadDocxOptions extends ReadOptions {
  /** Caps on the zip (default: `DEFAULT_ARCHIVE_LIMITS`). */
  limits?: ArchiveLimits
}

export async function readDocx(bytes: Uint8Array, options: ReadDocxOptions = {}): Promise<ReadResult> {
  const entries = await readZipEntries(bytes, options.limits ?? DEFAULT_ARCHIVE_LIMITS)
  const main = mainDocumentPath(entries)
  if (!main) throw new ConversionError('not a Word document: the zip has no word/document.xml', 'corrupt')
  assertXmlParts(entries)

  // Loaded on first use: converting other formats does not pay for it.
  const { default: mammoth } = await import('mammoth')
  const images = imageCollector(mammoth)
  const utf8 = new TextDecoder()
  const part = (name: string) => {
    const data = entries.get(name)
    return data ? utf8.decode(data) : undefined
  }
  const numbering = markNumbering(utf8.decode(entries.get(main)), part('word/numbering.xml'), part('word/styles.xml'))
  let result: { value: string; messages: { type: string; message: string }[] }
  try {
    // `{file}` is mammoth's own input for an opened zip (lib/unzip.js); its
    // typings list only path and buffer.
    const input = { file: mammothFile(entries, new Map([[main, numbering.documentXml]])) } as unknown as { buffer: Buffer }
    result = await mammoth.convertToHtml(input, {
      styleMap: DOCX_STYLE_MAP,
      includeEmbeddedStyleMap: false,
      convertImage: images.convertImage,
      externalFileAccess: false
    })
  } catch (error) {
    throw unreadable(error)
  }

  const tree = docxHtmlToMdast(result.value, tableCaptions(numbering.documentXml), numbering.labels)
  const title = coreTitle(entries)
  if (title) tree.data = { ...tree.data, title }
  const messages: Message[] = [...result.messages.map((m) => warning('docx-warning', m.message)), ...images.messages]
  return { doc: { tree, resources: images.resources }, messages }
}
