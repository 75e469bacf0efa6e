/**
 * A minimal XML tag scanner for the small WordprocessingML parts numbering
 * needs (numbering.xml, styles.xml) and for one pass over document.xml.
 * Depth was bounded before (`assertXmlParts`), so a stack is safe here.
 *
 * The scan is linear in the text by construction, damaged or not: every
 * character is looked at a bounded number of times (`scanWork` counts them;
 * tests bound it). It reads what the pattern
 *
 *   <!--…-->  |  <![CDATA[…]]>  |  <?…>, <!…>  |  <(/?)(name)((?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*)(/?)>
 *
 * would, leftmost first, without its backtracking: a regular expression of that
 * shape took exponential time on a tag with an unclosed quote (a damaged
 * document.xml kept a CPU busy for minutes).
 */
import { decodeEntities } from '../parts.js'

export interface Tag {
  /** Qualified name as written (`w:numPr`). */
  name: string
  /** Local name (`numPr`). */
  local: string
  kind: 'open' | 'close' | 'empty'
  attributes: Record<string, string>
  /** Offsets of the whole tag in the source text. */
  start: number
  end: number
}

/** Characters looked at by `scanTags` since the last reset (tests bound it). */
export const scanWork = { chars: 0 }

/** The first `needle` at or after a position that only grows between calls: linear in all. */
function finder(text: string, needle: string): (from: number) => number {
  let searchedFrom = Number.POSITIVE_INFINITY
  let found = -1
  return (from) => {
    if (from >= searchedFrom && (found === -1 || found >= from)) return found
    searchedFrom = from
    found = text.indexOf(needle, from)
    scanWork.chars += (found === -1 ? text.length : found + needle.length) - from
    return found
  }
}

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 // A-Z a-z _
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 58 || c === 45 // 0-9 . : -
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000

const LT = 60
const GT = 62
const SLASH = 47
const QUOTE = 34
const APOS = 39

/**
 * Every element tag of `xml`, in order (comments, CDATA and declarations
 * skipped). Attributes are read only for tags whose local name `attributesOf`
 * accepts (all by default): most of document.xml's tags need none.
 */
export function* scanTags(xml: string, attributesOf: (local: string) => boolean = () => true): Generator<Tag> {
  const n = xml.length
  const nextLt = finder(xml, '<')
  const commentEnd = finder(xml, '-->')
  const cdataEnd = finder(xml, ']]>')
  const declEnd = finder(xml, '>')
  // Positions outside quotes from which a tag was already found never to end:
  // a later tag that reaches one cannot end either. Marked as they are passed,
  // so no position outside quotes is walked twice.
  const dead = new Uint8Array(n + 1)
  let at = 0
  for (let start = nextLt(at); start !== -1; start = nextLt(at)) {
    at = start + 1
    scanWork.chars++
    if (xml.startsWith('<!--', start)) {
      const close = commentEnd(start + 4)
      if (close !== -1) {
        at = close + 3
        continue
      }
    }
    if (xml.startsWith('<![CDATA[', start)) {
      const close = cdataEnd(start + 9)
      if (close !== -1) {
        at = close + 3
        continue
      }
    }
    const second = xml.charCodeAt(start + 1)
    if (second === 63 || second === 33) {
      // <? or <!: up to the next >
      const close = declEnd(start + 2)
      if (close !== -1) at = close + 1
      continue
    }
    const closing = second === SLASH
    const nameStart = start + (closing ? 2 : 1)
    if (!isNameStart(xml.charCodeAt(nameStart))) continue
    let nameEnd = nameStart + 1
    while (nameEnd < n && isNameChar(xml.charCodeAt(nameEnd))) nameEnd++
    scanWork.chars += nameEnd - nameStart
    // The attributes: plain characters, quoted strings, a / not before >; then /> or >.
    let j = nameEnd
    let end = -1
    let empty = false
    while (j < n && !dead[j]) {
      dead[j] = 1
      scanWork.chars++
      const c = xml.charCodeAt(j)
      if (c === GT) {
        end = j + 1
        break
      }
      if (c === SLASH && xml.charCodeAt(j + 1) === GT) {
        end = j + 2
        empty = true
        break
      }
      if (c === QUOTE || c === APOS) {
        const close = xml.indexOf(c === QUOTE ? '"' : "'", j + 1)
        scanWork.chars += (close === -1 ? n : close + 1) - (j + 1)
        if (close === -1) break
        j = close + 1
        continue
      }
      j++
    }
    if (end === -1) continue
    at = end
    const name = xml.slice(nameStart, nameEnd)
    const local = localName(name)
    const attributes: Record<string, string> = {}
    if (!closing && attributesOf(local)) readAttributes(xml.slice(nameEnd, end - (empty ? 2 : 1)), attributes)
    yield { name, local, kind: closing ? 'close' : empty ? 'empty' : 'open', attributes, start, end }
  }
}

/**
 * `name = "value"` or `name='value'` pairs, leftmost first, as the pattern
 * `([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')` finds them; linear.
 */
function readAttributes(text: string, into: Record<string, string>): void {
  const n = text.length
  const nextQuote = finder(text, '"')
  const nextApos = finder(text, "'")
  let i = 0
  while (i < n) {
    scanWork.chars++
    if (!isNameStart(text.charCodeAt(i))) {
      i++
      continue
    }
    // A match that fails from here fails from every later start inside the same name.
    let nameEnd = i + 1
    while (nameEnd < n && isNameChar(text.charCodeAt(nameEnd))) nameEnd++
    let j = nameEnd
    while (j < n && isSpace(text.charCodeAt(j))) j++
    scanWork.chars += j - i
    if (text.charCodeAt(j) !== 61) { // =
      i = nameEnd
      continue
    }
    j++
    while (j < n && isSpace(text.charCodeAt(j))) j++
    const q = text.charCodeAt(j)
    const close = q === QUOTE ? nextQuote(j + 1) : q === APOS ? nextApos(j + 1) : -1
    if (close === -1) {
      i = nameEnd
      continue
    }
    into[localName(text.slice(i, nameEnd))] = decodeEntities(text.slice(j + 1, close))
    i = close + 1
  }
}

export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/** An element with its children, for the small parts read whole. */
export interface XmlElement {
  local: string
  attributes: Record<string, string>
  children: XmlElement[]
}

/** The element tree of `xml` (text content is not kept: these parts carry values in attributes). */
export function elementTree(xml: string): XmlElement {
  const root: XmlElement = { local: '#root', attributes: {}, children: [] }
  const stack: XmlElement[] = [root]
  for (const tag of scanTags(xml)) {
    if (tag.kind === 'close') {
      if (stack.length > 1) stack.pop()
      continue
    }
    const element: XmlElement = { local: tag.local, attributes: tag.attributes, children: [] }
    stack[stack.length - 1].children.push(element)
    if (tag.kind === 'open') stack.push(element)
  }
  return root
}

export const child = (element: XmlElement | undefined, local: string): XmlElement | undefined =>
  element?.children.find((c) => c.local === local)

export const childrenNamed = (element: XmlElement | undefined, local: string): XmlElement[] =>
  element?.children.filter((c) => c.local === local) ?? []

/** `w:val` of a child element (`<w:start w:val="3"/>`). */
export const childVal = (element: XmlElement | undefined, local: string): string | undefined => child(element, local)?.attributes.val

/** All descendants named `local`, depth first. */
export function descendants(element: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (c.local === local) out.push(c)
    descendants(c, local, out)
  }
  return out
}
