/**
 * List items → nested mdast lists. Items nest by how far their markers are
 * indented (measured from their column, so a list goes on in the next column
 * or on the next page); a change between bullets and numbers at one level
 * starts a new list.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast'

export interface ListEntry {
  ordered: boolean
  start: number
  text: string
  /** Marker position from the column's left edge. */
  markerX: number
  /** Type size: markers within 0.8 of it count as one level. */
  size: number
}

interface Level {
  list: List
  markerX: number
}

/** Collects items into lists appended to `out`; `close()` ends the lists in progress. */
export function listNester(out: RootContent[]) {
  let levels: Level[] = []
  return {
    add(entry: ListEntry): void {
      const tolerance = entry.size * 0.8
      while (levels.length > 0 && entry.markerX < levels[levels.length - 1].markerX - tolerance) levels.pop()
      let level = levels[levels.length - 1]
      const deeper = level !== undefined && entry.markerX > level.markerX + tolerance
      if (level && !deeper && level.list.ordered !== entry.ordered) {
        levels.pop()
        level = levels[levels.length - 1]
      }
      const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: entry.text }] }
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph] }
      if (level && !deeper && Math.abs(entry.markerX - level.markerX) <= tolerance) {
        level.list.children.push(item)
        return
      }
      const list: List = { type: 'list', ordered: entry.ordered, start: entry.ordered ? entry.start : null, spread: false, children: [item] }
      const parent = deeper ? level.list.children[level.list.children.length - 1] : undefined
      if (parent) parent.children.push(list)
      else {
        levels = []
        out.push(list)
      }
      levels.push({ list, markerX: entry.markerX })
    },
    close(): void {
      levels = []
    }
  }
}
