/**
 * How deeply an XML part nests and how many elements it holds, found without
 * parsing it. mammoth and xmldom walk the tree recursively, so a part nested
 * many thousands deep would exhaust the stack (or the time) there, and a
 * part of millions of elements the heap; we refuse them here instead.
 */

/** libxml2's default nesting limit; real Word parts stay well under 100. */
export const MAX_XML_DEPTH = 256

const LT = 0x3c // <
const GT = 0x3e // >
const SLASH = 0x2f // /
const BANG = 0x21 // !
const QUESTION = 0x3f // ?
const DQUOTE = 0x22
const SQUOTE = 0x27

/** Index just after the first occurrence of `needle` (ASCII) at or after `from`, or -1. */
function indexAfter(bytes: Uint8Array, needle: string, from: number): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from, 'latin1')
  return at === -1 ? -1 : at + needle.length
}

/** What one scan of an XML part finds: whether it nests too deep, and how many elements it opens. */
export interface XmlShape {
  tooDeep: boolean
  elements: number
}

/**
 * One pass over `xml` (UTF-8 bytes): whether element nesting goes deeper than
 * `max`, and how many elements it opens (an estimate of the parser's work).
 * Comments, CDATA, processing instructions and quoted attribute values are
 * skipped, so a `<` or `>` inside them does not count. Malformed input is
 * left for the parser to report; past a construct that never ends, every
 * `<` followed by a name counts as an element, so the count stays an upper
 * bound of what a lenient parser could make of the rest.
 */
export function xmlShape(xml: Uint8Array, max: number = MAX_XML_DEPTH): XmlShape {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength)
  let depth = 0
  let elements = 0
  let i = 0
  const n = xml.length
  const unterminated = (from: number): XmlShape => ({ tooDeep: false, elements: elements + tagStartsFrom(buffer, from) })
  while (i < n) {
    // Jump to the next tag natively; text between tags does not matter.
    i = buffer.indexOf(LT, i)
    if (i === -1) break
    const next = xml[i + 1]
    if (next === BANG) {
      // <!-- comment -->, <![CDATA[ … ]]> or <!DOCTYPE …>
      const end = xml[i + 2] === 0x2d ? indexAfter(xml, '-->', i + 4) : xml[i + 2] === 0x5b ? indexAfter(xml, ']]>', i + 3) : indexAfter(xml, '>', i + 2)
      if (end === -1) return unterminated(i + 1)
      i = end
      continue
    }
    if (next === QUESTION) {
      const end = indexAfter(xml, '?>', i + 2)
      if (end === -1) return unterminated(i + 1)
      i = end
      continue
    }
    const closing = next === SLASH
    // Find the tag's end, skipping quoted attribute values.
    let j = i + 1
    let quote = 0
    while (j < n) {
      const c = xml[j]
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c
      } else if (c === GT) {
        break
      }
      j++
    }
    if (j >= n) return unterminated(i)
    if (closing) depth--
    else {
      elements++
      if (xml[j - 1] !== SLASH && ++depth > max) return { tooDeep: true, elements }
    }
    i = j + 1
  }
  return { tooDeep: false, elements }
}

/** `<` followed by a name start, from `from` on: elements a parser might open. */
function tagStartsFrom(buffer: Buffer, from: number): number {
  let count = 0
  for (let i = buffer.indexOf(LT, from); i !== -1; i = buffer.indexOf(LT, i + 1)) {
    const next = buffer[i + 1]
    if (next !== SLASH && next !== BANG && next !== QUESTION && next !== undefined) count++
  }
  return count
}
