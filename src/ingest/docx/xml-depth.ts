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

/** What xmlShape finds in an XML part: whether it nests too deep, and how many elements it may open. */
export interface XmlShape {
  tooDeep: boolean
  elements: number
}

/**
 * Whether element nesting in `xml` (UTF-8 bytes) goes deeper than `max`, and
 * how many elements it may open: every `<` followed by a name, wherever it
 * stands, an upper bound of what any parser makes of the part, well-formed
 * or not (native `indexOf`, so about as fast as a copy).
 *
 * The depth scan skips what a parser reads as text (comments, CDATA,
 * processing instructions, quoted attribute values), so a `<` or `>` in them
 * does not count, but only in their exact, terminated forms, and never over
 * another `<` where the XML could not hold one: xmldom gives up on a
 * malformed construct (`<!-x>`, `<![x[`, a stray quote in a tag) and goes on
 * reading the elements after it, so the scan must see them too.
 */
export function xmlShape(xml: Uint8Array, max: number = MAX_XML_DEPTH): XmlShape {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength)
  const elements = tagStarts(buffer)
  let depth = 0
  let i = 0
  const n = xml.length
  while (i < n) {
    // Jump to the next tag natively; text between tags does not matter.
    i = buffer.indexOf(LT, i)
    if (i === -1) break
    const next = xml[i + 1]
    if (next === BANG || next === QUESTION) {
      i = afterMarkupDeclaration(buffer, i)
      continue
    }
    const closing = next === SLASH
    // Find the tag's end, skipping quoted attribute values; a `<` on the way means the tag is malformed.
    let j = i + 1
    let quote = 0
    while (j < n) {
      const c = xml[j]
      if (c === LT) break
      if (quote !== 0) {
        if (c === quote) quote = 0
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c
      } else if (c === GT) {
        break
      }
      j++
    }
    if (j >= n) break
    if (xml[j] === LT) {
      i = j
      continue
    }
    if (closing) depth--
    else if (xml[j - 1] !== SLASH && ++depth > max) return { tooDeep: true, elements }
    i = j + 1
  }
  return { tooDeep: false, elements }
}

/**
 * Where the depth scan goes on after `<!` or `<?` at `at`: past a comment,
 * CDATA section or processing instruction that is exactly that and ends;
 * past any other declaration (`<!DOCTYPE …>`) up to its `>` unless a `<`
 * comes first; else just past the `<`.
 */
function afterMarkupDeclaration(buffer: Buffer, at: number): number {
  const starts = (text: string) => buffer.toString('latin1', at, at + text.length) === text
  const after = (needle: string, from: number) => {
    const found = buffer.indexOf(needle, from, 'latin1')
    return found === -1 ? at + 1 : found + needle.length
  }
  if (starts('<!--')) return after('-->', at + 4)
  if (starts('<![CDATA[')) return after(']]>', at + 9)
  if (starts('<?')) return after('?>', at + 2)
  const gt = buffer.indexOf(GT, at + 2)
  const lt = buffer.indexOf(LT, at + 2)
  return gt !== -1 && (lt === -1 || gt < lt) ? gt + 1 : at + 1
}

/** Every `<` followed by a name start: elements a parser might open. */
function tagStarts(buffer: Buffer): number {
  let count = 0
  for (let i = buffer.indexOf(LT); i !== -1; i = buffer.indexOf(LT, i + 1)) {
    const next = buffer[i + 1]
    if (next !== SLASH && next !== BANG && next !== QUESTION && next !== undefined) count++
  }
  return count
}
