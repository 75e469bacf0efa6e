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
 *            row put first);
 *   named    before all these when its label names them: the lines next to
 *            `TOTAL PEANUT` whose labels say `PEANUT`, else such lines
 *            anywhere in its section (`Total contributions`).
 *
 * The candidate that holds in the most places is taken, in that order of
 * preference (`after` first when nothing precedes the total, `since` first
 * when the previous total has the same rank: `TOTAL` … `TOTAL`). Other totals,
 * result lines, breakdowns (`其中`) and derived figures (averages, shares)
 * are never parts. A result line (`Gross profit`, `净利润`) counts as a
 * total only when it really is the sum of two or more items before it.
 */
import type { AxisNode, TableAxes } from './axes.js'
import { type LabelClass, labelMentions, totalQualifier } from './labels.js'

export interface Part {
  node: AxisNode
  /** The grid row or column of this part. */
  index: number
  sign: 1 | -1
}

export type Basis = 'named' | 'before' | 'since' | 'group' | 'after'

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
    // The parts each item contributes, laid end to end, so any run of items is one slice.
    const offsets: number[] = [0]
    const flat: Part[] = []
    for (const item of items) {
      flat.push(...leavesOf([item]))
      offsets.push(flat.length)
    }
    const run = (from: number, to: number) => flat.slice(offsets[Math.max(0, from)], offsets[Math.max(from, to)])
    // For each item, the next total or section heading after it.
    const nextStop = new Array<number>(items.length + 1).fill(items.length)
    for (let k = items.length - 1; k >= 0; k--) {
      const stop = k + 1 < items.length && (markerAt(k + 1) || (isLeaf(items[k + 1]) && axes.classOf(items[k + 1]).role === 'total'))
      nextStop[k] = stop ? k + 1 : nextStop[k + 1]
    }
    const boundaries: number[] = []
    let sectionStart = 0
    items.forEach((item, i) => {
      if (markerAt(i)) sectionStart = i + 1
      // A sub-group with its own total closes a run like a total does (`since` may start after it).
      if (!isLeaf(item) && item.children.some((c) => isLeaf(c) && axes.classOf(c).role === 'total')) boundaries.push(i)
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
      const candidates: { basis: Basis; parts: () => Part[] }[] = []
      const add = (basis: Basis, parts: () => Part[]) => candidates.push({ basis, parts })
      // `TOTAL PEANUT` next to `PEANUT 1ST CROP`, `PEANUT 2ND CROP`: the lines its label names.
      const qualifier = totalQualifier(axes.labelOf(item).split(' › ').pop() ?? '')
      if (qualifier) {
        const named = (step: 1 | -1) => {
          let k = i + step
          while (k >= 0 && k < items.length && !markerAt(k) && labelMentions(axes.labelOf(items[k]), qualifier)) k += step
          return step === 1 ? run(i + 1, k) : run(k + 1, i)
        }
        add('named', () => named(1))
        add('named', () => named(-1))
        // Named lines anywhere in its section: `Total contributions` after `Contributions received`, other lines between.
        add('named', () => {
          const mentioned: Part[] = []
          for (let k = sectionStart; k < items.length && (k <= i || !markerAt(k)); k++) {
            if (k !== i && !markerAt(k) && labelMentions(axes.labelOf(items[k]), qualifier)) mentioned.push(...run(k, k + 1))
          }
          return mentioned
        })
      }
      const first = offsets[i] === offsets[sectionStart]
      if (label.role === 'total' && first) add('after', () => run(i + 1, nextStop[i]))
      // After a total of the same rank (TOTAL … TOTAL), a total is its sibling, not its sum.
      const sibling = previous !== undefined && isLeaf(items[previous]) && axes.classOf(items[previous]).rank >= label.rank && label.rank > 0
      if (sibling) add('since', () => run(previous + 1, i))
      add('before', () => run(sectionStart, i))
      if (previous !== undefined) add('since', () => run(previous + 1, i))
      add('group', () => run(0, i))
      if (label.role === 'total') add('after', () => run(i + 1, nextStop[i]))

      // Try candidates in order of preference; one that holds everywhere cannot be beaten.
      const seen = new Set<string>()
      let best: { basis: Basis; parts: Part[]; score: Score } | undefined
      for (const candidate of candidates) {
        const parts = candidate.parts()
        const key = parts.length === 0 ? '' : `${parts.length}:${parts[0].index}:${parts[parts.length - 1].index}`
        if (key === '' || seen.has(key)) continue
        seen.add(key)
        const result = score(item, parts)
        const holds = result.checked > 0 && result.held === result.checked
        if (label.role === 'result') {
          // A result line is a total only when it really is a sum of two or more lines.
          if (holds && result.nonZero && parts.length >= 2) {
            best = { basis: candidate.basis, parts, score: result }
            break
          }
          continue
        }
        if (!best || result.held > best.score.held) best = { basis: candidate.basis, parts, score: result }
        if (holds) break
      }
      if (!best) {
        skipped.push({
          path: itemPath,
          reason: label.role === 'result' ? 'a result line that is not the sum of the lines before it: not checked, not summed' : 'a total with no line items beside it in its group'
        })
        if (label.role === 'total') boundaries.push(i)
        return
      }
      boundaries.push(i)
      relations.push({ total: item, path: itemPath, label, parts: best.parts, basis: best.basis, group: path[path.length - 1], implicit: label.role === 'result' })
    })
  }
  visit(root, [])
  return { relations, skipped }
}
