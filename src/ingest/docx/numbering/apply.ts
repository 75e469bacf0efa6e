/**
 * Put Word's labels back into mammoth's HTML (as hast), where each marker
 * run ended up: a list item keeps its label as data (the writers draw it as
 * the item's marker); a heading, a paragraph or a table cell gets it as text
 * at the start (`一、总体情况`, `1.1 Scope`).
 */
import type { Element, Parents, Root, Text } from 'hast'
import { markerGap } from '../../../ast/list-marker.js'
import { MARKER } from './document.js'
import type { Label } from './labels.js'

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'li', 'blockquote', 'div'])

/** The list item a marker opens, when the marker is the first thing in it. */
function openedItem(ancestors: Parents[], text: Text): Element | undefined {
  const chain = [...ancestors, text]
  for (let i = chain.length - 2; i >= 0; i--) {
    const node = chain[i]
    if (node.type !== 'element') return undefined
    // Only the item's first content may carry its label.
    const first = node.children.find((c) => !(c.type === 'text' && c.value.trim() === '' && c !== text))
    if (first !== chain[i + 1]) return undefined
    if (node.tagName === 'li') return node
    if (BLOCKS.has(node.tagName) && node.tagName !== 'p') return undefined
  }
  return undefined
}

const LEADING = new RegExp(`^${MARKER.source}`)

function walkText(node: Parents, ancestors: Parents[], visit: (text: Text, ancestors: Parents[]) => void): void {
  const chain = [...ancestors, node]
  for (const child of node.children) {
    if (child.type === 'text') visit(child, chain)
    else if (child.type === 'element') walkText(child, chain, visit)
  }
}

/**
 * The property a list item's label index travels in, to the `li` handler
 * (`itemLabel`); hast-util-to-mdast works on a copy, so identity is lost.
 */
const LABEL_PROPERTY = 'dataDocxLabel'

/** The label `applyLabels` gave this `li`, if any. */
export function itemLabel(node: Element, labels: readonly Label[]): Label | undefined {
  const index = node.properties?.[LABEL_PROPERTY]
  return typeof index === 'number' ? labels[index] : undefined
}

/** Replace every marker in `hast`; list items keep theirs for `itemLabel`. */
export function applyLabels(hast: Root, labels: readonly Label[]): void {
  if (labels.length === 0) return
  walkText(hast, [], (text, ancestors) => {
    if (!text.value.includes('\uE000')) return
    const leading = LEADING.exec(text.value)
    const item = leading ? openedItem(ancestors, text) : undefined
    const label = leading ? labels[Number(leading[1])] : undefined
    if (leading && item && label && item.properties[LABEL_PROPERTY] === undefined) {
      // A bulleted item shows the writer's bullet; a numbered one its label.
      item.properties[LABEL_PROPERTY] = label.format === 'bullet' ? -1 : Number(leading[1])
      text.value = text.value.slice(leading[0].length)
    }
    text.value = text.value.replace(MARKER, (_, index: string) => {
      const l = labels[Number(index)]
      if (!l || l.text === '') return ''
      return l.text + (l.suffix === 'nothing' ? '' : markerGap(l.text))
    })
  })
}
