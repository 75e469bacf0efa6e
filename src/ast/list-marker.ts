/**
 * The marker an ordered-list item shows, decided once for every writer:
 * the label the source numbered it with (`data.label`: `（一）`, `1.1`, `a)`),
 * else its number in the list (`3.`).
 */
import type { List, ListItem } from 'mdast'

/** Full-width punctuation ends a CJK label (`一、`, `（一）`): no space follows it. */
const CLOSING_WIDE = /[、，．。：；）】》」』〕〉]$/u

/** What separates a label from the text after it: a space, or nothing after `一、` or `（一）`. */
export function markerGap(label: string): string {
  return label === '' || CLOSING_WIDE.test(label) ? '' : ' '
}

/** The ordered item's marker, without the gap after it. */
export function orderedMarker(list: List, item: ListItem, index: number): string {
  const label = item.data?.label
  return label !== undefined ? label : `${(list.start ?? 1) + index}.`
}

/** Whether GFM's own numbering (`3.`, `4.` from `start`) says exactly what the labels say. */
export function labelsArePlainNumbers(list: List): boolean {
  return list.children.every((item, i) => item.data?.label === undefined || item.data.label === `${(list.start ?? 1) + i}.`)
}

/** The marker followed by its gap, for writers that run the text on after it. */
export function withGap(marker: string): string {
  return marker + markerGap(marker)
}
