/**
 * A minimal XML tag scanner for the small WordprocessingML parts numbering
 * needs (numbering.xml, styles.xml) and for one pass over document.xml.
 * Depth was bounded before (`assertXmlDepth`), so a stack is safe here.
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

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"'/]+|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/g
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/**
 * Every element tag of `xml`, in order (comments, CDATA and declarations
 * skipped). Attributes are read only for tags whose local name `attributesOf`
 * accepts (all by default): most of document.xml's tags need none.
 */
export function* scanTags(xml: string, attributesOf: (local: string) => boolean = () => true): Generator<Tag> {
  const pattern = new RegExp(TAG.source, 'g')
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    const name = match[2]
    if (!name) continue
    const attributes: Record<string, string> = {}
    if (match[1] !== '/' && match[3] && attributesOf(localName(name))) {
      for (const a of match[3].matchAll(ATTRIBUTE)) attributes[localName(a[1])] = decodeEntities(a[2] ?? a[3] ?? '')
    }
    yield {
      name,
      local: localName(name),
      kind: match[1] === '/' ? 'close' : match[4] === '/' ? 'empty' : 'open',
      attributes,
      start: match.index,
      end: match.index + match[0].length
    }
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
