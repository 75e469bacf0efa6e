/**
 * Which lines a total adds up, along one axis (rows or columns). Pure.
 *
 * Within a group (the children of one axis node), where marker lines (a
 * label with no numbers, such as `Current assets`) start sections, a total
 * adds up plain line items, descending into sub-groups. Candidates:
 *
 *   before   every item before it in its section (`（七）总计` after (一)…(六));
 *   since    the items since the previous total (`Total non-current assets`
 *            after `Total current assets`);
 *   group    every item before it in the whole group, across sections
 *            (`Total assets` after both sections);
 *   after    the items after it, up to the next total or section (a `合计`
 *            row put first).
 *
 * The candidate that holds in the most places is taken, in that order of
 * preference (`after` first when nothing precedes the total). Other totals,
 * result lines, breakdowns (`其中`) and derived figures (averages, shares)
 * are never parts. A result line (`Gross profit`, `净利润`) counts as a
 * total only when it really is the sum of two or more items before it.
 */
import type { AxisNode, TableAxes } from './axes.js'
import type { LabelClass } from './labels.js'

export interface Part {
  node: AxisNode
  /** The grid row or column of this part. */
  index: number
  sign: 1 | -1
}

export type Basis = 'before' | 'since' | 'group' | 'after'

export interface Relation {
  total: AxisNode
  /** Labels from the root down to the total (its full header). */
  path: AxisNode[]
  label: LabelClass
  parts: Part[]
  basis: Basis
  /** The group the total belongs to (undefined at the top level). */
  group: AxisNode | undefined
  /** A result line (`Gross profit`) taken as a total because it adds up. */
  implicit: boolean
}

/** A line that is neither summed nor checked, and why (for `--explain`). */
export interface Skipped {
  path: AxisNode[]
  reason: string
}

/** How well a set of parts matches a total: places checked, places that hold, any non-zero part. */
export interface Score {
  checked: number
  held: number
  nonZero: boolean
}

export type Scorer = (total: AxisNode, parts: Part[]) => Score

export interface AxisRelations {
  relations: Relation[]
  skipped: Skipped[]
}

/** Every total along one axis of a table. `isMarker` says which leaves are section headings. */
export function findRelations(axes: TableAxes, root: AxisNode, isMarker: (leaf: AxisNode) => boolean, score: Scorer): AxisRelations {
  const relations: Relation[] = []
  const skipped: Skipped[] = []

  const isLeaf = (node: AxisNode) => node.index !== undefined
  const leavesOf = (items: AxisNode[], sign: 1 | -1 = 1): Part[] => {
    const parts: Part[] = []
    for (const item of items) {
      const cls = axes.classOf(item)
      const itemSign = (sign * cls.sign) as 1 | -1
      if (!isLeaf(item)) parts.push(...leavesOf(item.children, itemSign))
      else if (cls.role === 'plain' && !isMarker(item)) parts.push({ node: item, index: item.index!, sign: itemSign })
    }
    return parts
  }

  const visit = (group: AxisNode, path: AxisNode[]) => {
    for (const child of group.children) if (!isLeaf(child)) visit(child, [...path, child])
    const items = group.children
    const markerAt = (k: number) => isLeaf(items[k]) && isMarker(items[k])
    const isTotalAt = (k: number) => isLeaf(items[k]) && axes.classOf(items[k]).role === 'total'
    const boundaries: number[] = []
    let sectionStart = 0
    items.forEach((item, i) => {
      if (markerAt(i)) sectionStart = i + 1
      if (!isLeaf(item) || markerAt(i)) return
      const label = axes.classOf(item)
      const itemPath = [...path, item]
      if (label.role !== 'total' && label.role !== 'result') {
        if (label.role === 'breakdown' || label.role === 'derived') {
          skipped.push({ path: itemPath, reason: label.role === 'breakdown' ? 'a breakdown of the line above: not summed' : 'an average, ratio or share: not summed' })
        }
        return
      }
      const previous = boundaries[boundaries.length - 1]
      let next = items.findIndex((_, k) => k > i && (isTotalAt(k) || markerAt(k)))
      if (next === -1) next = items.length
      const candidates: { basis: Basis; parts: Part[] }[] = []
      const add = (basis: Basis, parts: Part[]) => {
        const key = parts.map((p) => p.index).join(',')
        if (parts.length > 0 && !candidates.some((c) => c.parts.map((p) => p.index).join(',') === key)) candidates.push({ basis, parts })
      }
      const first = leavesOf(items.slice(sectionStart, i)).length === 0
      if (label.role === 'total' && first) add('after', leavesOf(items.slice(i + 1, next)))
      add('before', leavesOf(items.slice(sectionStart, i)))
      if (previous !== undefined) add('since', leavesOf(items.slice(previous + 1, i)))
      add('group', leavesOf(items.slice(0, i)))
      if (label.role === 'total') add('after', leavesOf(items.slice(i + 1, next)))

      const scored = candidates.map((c) => ({ ...c, score: score(item, c.parts) }))
      if (label.role === 'result') {
        const sum = scored.find((c) => c.parts.length >= 2 && c.score.checked > 0 && c.score.held === c.score.checked && c.score.nonZero)
        if (!sum) {
          skipped.push({ path: itemPath, reason: 'a result line that is not the sum of the lines before it: not checked, not summed' })
          return
        }
        relations.push({ total: item, path: itemPath, label, parts: sum.parts, basis: sum.basis, group: path[path.length - 1], implicit: true })
        boundaries.push(i)
        return
      }
      boundaries.push(i)
      if (scored.length === 0) {
        skipped.push({ path: itemPath, reason: 'a total with no line items beside it in its group' })
        return
      }
      const best = scored.reduce((a, b) => (b.score.held > a.score.held ? b : a))
      relations.push({ total: item, path: itemPath, label, parts: best.parts, basis: best.basis, group: path[path.length - 1], implicit: false })
    })
  }
  visit(root, [])
  return { relations, skipped }
}
