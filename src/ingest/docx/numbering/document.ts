/**
 * One pass over `word/document.xml`: each paragraph's numbering as written
 * (`w:numPr`, `w:pStyle`), and a marker run put at the start of every
 * paragraph that has any, so the paragraph can be found again in mammoth's
 * output whatever mammoth makes of it (list item, heading, cell text).
 */
import type { NumberedParagraph } from './labels.js'
import { scanTags } from './xml-tags.js'

/** Private-use characters around the marker's number: never in Word's own text. */
export const MARKER_OPEN = '\uE000'
export const MARKER_CLOSE = '\uE001'
export const MARKER = /\uE000(\d+)\uE001/g

/** A paragraph that carries numbering or a style (a style may number it). */
export interface ParagraphSite {
  numbering: NumberedParagraph
  /** Where a marker run goes: after `w:pPr`, else after the opening tag. */
  insertAt: number
}

/** The only tags whose attributes matter here. */
const NUMBERING_TAGS = new Set(['pStyle', 'numId', 'ilvl'])

interface Open extends ParagraphSite {
  depth: number
}

/**
 * The paragraphs that carry numbering or a style, in document order.
 * Paragraphs in `mc:Choice` are skipped: mammoth reads `mc:Fallback`, the
 * same content again.
 */
export function findParagraphs(xml: string): ParagraphSite[] {
  // In order of their opening tags: a paragraph in a text box comes after the one holding it.
  const sites: Open[] = []
  const stack: string[] = []
  const open: Open[] = []
  let choiceDepth = -1
  for (const tag of scanTags(xml, (local) => NUMBERING_TAGS.has(local))) {
    if (tag.kind === 'close') {
      const depth = stack.length - 1
      stack.pop()
      if (choiceDepth === depth) choiceDepth = -1
      const p = open[open.length - 1]
      if (!p) continue
      if (tag.local === 'pPr' && depth === p.depth + 1) p.insertAt = tag.end
      if (tag.local === 'p' && depth === p.depth) {
        open.pop()
      }
      continue
    }
    const depth = stack.length
    if (tag.kind === 'open') stack.push(tag.local)
    if (choiceDepth >= 0) continue
    if (tag.local === 'Choice' && tag.kind === 'open') {
      choiceDepth = depth
      continue
    }
    if (tag.local === 'p' && tag.kind === 'open') {
      const site: Open = { depth, insertAt: tag.end, numbering: {} }
      open.push(site)
      sites.push(site)
      continue
    }
    const p = open[open.length - 1]
    if (!p) continue
    const val = tag.attributes.val
    if (tag.local === 'pStyle' && depth === p.depth + 2 && stack[p.depth + 1] === 'pPr') p.numbering.style = val
    if (depth === p.depth + 3 && stack[p.depth + 1] === 'pPr' && stack[p.depth + 2] === 'numPr') {
      if (tag.local === 'numId' && val !== undefined) p.numbering.numId = val
      if (tag.local === 'ilvl' && val !== undefined && /^\d+$/.test(val)) p.numbering.level = Number(val)
    }
  }
  return sites
    .filter((s) => s.numbering.numId !== undefined || s.numbering.style !== undefined)
    .map(({ numbering, insertAt }) => ({ numbering, insertAt }))
}

/** `xml` with marker `i` inserted at `positions[i]` (ascending offsets). */
export function insertMarkers(xml: string, positions: readonly number[]): string {
  if (positions.length === 0) return xml
  const prefix = /<(\w+):document\b/.exec(xml)?.[1] ?? 'w'
  const pieces: string[] = []
  let from = 0
  for (const [index, at] of positions.entries()) {
    pieces.push(xml.slice(from, at), `<${prefix}:r><${prefix}:t>${MARKER_OPEN}${index}${MARKER_CLOSE}</${prefix}:t></${prefix}:r>`)
    from = at
  }
  pieces.push(xml.slice(from))
  return pieces.join('')
}
