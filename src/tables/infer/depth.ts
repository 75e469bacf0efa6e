/**
 * Depth of row labels from their numbering: within a row, a label's family
 * is shallower than the families after it (`三、` before `（一）` before `1.`),
 * so the families' order is read off the rows that carry several labels.
 */
import type { NumberingFamily } from '../cell-kind.js'
import type { Item } from './model.js'

type Key = string

const keyOf = (n: { family: NumberingFamily; sub: number }): Key => (n.family === 'decimal' ? `decimal:${n.sub}` : n.family)

/** Depth per numbering family (0 = outermost), from label sequences of rows. */
export function familyDepths(labelRows: Item[][]): Map<Key, number> {
  const edges = new Map<Key, Set<Key>>()
  const nodes = new Set<Key>()
  const add = (a: Key, b: Key) => {
    if (a === b) return
    if (!edges.has(a)) edges.set(a, new Set())
    edges.get(a)!.add(b)
  }
  for (const labels of labelRows) {
    const keys = labels.map((l) => (l.numbering ? keyOf(l.numbering) : null))
    for (const k of keys) if (k) nodes.add(k)
    for (let i = 0; i + 1 < keys.length; i++) {
      const a = keys[i]
      const b = keys[i + 1]
      if (a && b) add(a, b)
    }
  }
  // Decimal numbering nests by its own dots: 1. ⊃ 1.1 ⊃ 1.1.1
  for (const k of nodes) {
    const m = /^decimal:(\d+)$/.exec(k)
    if (m && Number(m[1]) > 1 && nodes.has(`decimal:${Number(m[1]) - 1}`)) add(`decimal:${Number(m[1]) - 1}`, k)
    if (m && Number(m[1]) === 1 && nodes.has('arabic-dot')) add('arabic-dot', k)
  }
  // Longest path from a source, ignoring cycles (inconsistent rows).
  const depth = new Map<Key, number>()
  const visiting = new Set<Key>()
  const longest = (k: Key): number => {
    if (depth.has(k)) return depth.get(k)!
    if (visiting.has(k)) return 0
    visiting.add(k)
    let d = 0
    for (const [from, tos] of edges) if (tos.has(k)) d = Math.max(d, longest(from) + 1)
    visiting.delete(k)
    depth.set(k, d)
    return d
  }
  for (const k of nodes) longest(k)
  return depth
}

export function depthOf(item: Item, depths: Map<Key, number>): number | null {
  if (!item.numbering) return null
  return depths.get(keyOf(item.numbering)) ?? null
}
