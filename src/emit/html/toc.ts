/**
 * Heading ids and the table of contents of a page.
 *
 * A page gets a table of contents when it has at least `MIN_TOC_HEADINGS`
 * headings besides its title (the first heading, when it is the only
 * `<h1>`): fewer can be taken in at a glance. It lists the two highest
 * heading levels present, nested.
 */
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import type { IdMaker } from './accessible-tables.js'

export const MIN_TOC_HEADINGS = 4

interface Entry {
  depth: number
  id: string
  text: string
}

const headingDepth = (node: Element): number => {
  const m = /^h([1-6])$/.exec(node.tagName)
  return m ? Number(m[1]) : 0
}

/** Give every heading an id (from its text); returns them in document order. */
export function identifyHeadings(tree: Root, ids: IdMaker): Entry[] {
  const entries: Entry[] = []
  visit(tree, 'element', (node: Element) => {
    const depth = headingDepth(node)
    if (depth === 0) return
    const text = toString(node).replace(/\s+/g, ' ').trim()
    const id = ids.slug(text || `section-${entries.length + 1}`)
    node.properties.id = id
    entries.push({ depth, id, text })
  })
  return entries
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children
})

/** The `<nav>` for these headings, or undefined when the page is short. */
export function tableOfContents(headings: Entry[], title: string, ids: IdMaker): Element | undefined {
  const h1s = headings.filter((h) => h.depth === 1)
  const entries = headings[0]?.depth === 1 && h1s.length === 1 ? headings.slice(1) : headings
  const listed = entries.filter((h) => h.text)
  if (listed.length < MIN_TOC_HEADINGS) return undefined
  const top = Math.min(...listed.map((h) => h.depth))

  const root = element('ol', {}, [])
  let lastTop: Element | undefined
  for (const entry of listed) {
    if (entry.depth > top + 1) continue
    const item = element('li', {}, [element('a', { href: `#${entry.id}` }, [{ type: 'text', value: entry.text }])])
    if (entry.depth === top || !lastTop) {
      root.children.push(item)
      if (entry.depth === top) lastTop = item
      continue
    }
    let sub = lastTop.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol')
    if (!sub) {
      sub = element('ol', {}, [])
      lastTop.children.push(sub)
    }
    sub.children.push(item)
  }
  const titleId = ids.slug('toc-title')
  return element('nav', { className: ['toc'], ariaLabelledBy: [titleId] }, [
    element('p', { id: titleId, className: ['toc-title'] }, [{ type: 'text', value: title }]),
    root
  ])
}
