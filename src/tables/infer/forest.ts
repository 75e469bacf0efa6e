/**
 * Column headers as an ordered forest. Each head row lists, left to right,
 * the header cells that start on it; a cell is either a leaf (it spans down
 * to the last head row) or the parent of a run of cells on the next level.
 *
 *     level 0:  申请人情况─────────────────────────────┐
 *     level 1:  自然人 │ 法人或其他组织──────────┐ │ 总计
 *     level 2:         │ 商业企业 … 其他 (5)     │
 *
 * The text alone does not say which cell has which children, so candidate
 * forests are scored: a total (`总计`, `Total`) is a leaf; a parent shares
 * words with its children; sibling groups that repeat the same labels are
 * groups; a parent with one child is unusual. The number of leaves must
 * match the number of value columns.
 */
import type { Item } from './model.js'

export interface ForestNode {
  item: Item
  level: number
  children: ForestNode[]
  /** Columns covered, relative to the forest's first column. */
  col: number
  width: number
}

export interface Forest {
  roots: ForestNode[]
  /** Nodes per level, left to right. */
  levels: ForestNode[][]
  leaves: number
  score: number
}

const STOP_CHARS = new Set(Array.from('的和与及或其他等之中年本数量情况'))
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'total', 'of', 'in', 'on', 'by'])

interface Tokens {
  bigrams: Set<string>
  chars: Set<string>
  words: Set<string>
}

/** Labels recur across a table and its candidate forests: tokenize each text once. */
const tokenCache = new Map<string, Tokens>()

function tokens(text: string): Tokens {
  const cached = tokenCache.get(text)
  if (cached) return cached
  if (tokenCache.size > 20000) tokenCache.clear()
  const result = tokenize(text)
  tokenCache.set(text, result)
  return result
}

function tokenize(text: string): Tokens {
  const cjk = Array.from(text).filter((c) => /\p{Script=Han}/u.test(c))
  const bigrams = new Set<string>()
  for (let i = 0; i + 1 < cjk.length; i++) bigrams.add(cjk[i] + cjk[i + 1])
  const chars = new Set(cjk.filter((c) => !STOP_CHARS.has(c)))
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
      .map((w) => w.replace(/(ies|es|s)$/, ''))
  )
  return { bigrams, chars, words }
}

/** 1 when two labels share a word (or a CJK bigram), 0.5 for a shared ideograph, else 0. */
export function lexicalOverlap(a: string, b: string): number {
  const x = tokens(a)
  const y = tokens(b)
  for (const t of x.bigrams) if (y.bigrams.has(t)) return 1
  for (const t of x.words) if (y.words.has(t)) return 1
  for (const t of x.chars) if (y.chars.has(t)) return 0.5
  return 0
}

/**
 * The unit of labels a level repeats back to back (`结果维持 … 总计` under each
 * of two parents; `户数 金额 件数` under each of eight), or null: the shortest
 * block whose consecutive repetitions cover the most of the level.
 */
export function repeatedBlock(q: Item[]): string[] | null {
  const texts = q.map((i) => i.text)
  let best: { block: string[]; coverage: number } | null = null
  for (let len = 2; 2 * len <= texts.length; len++) {
    for (let s = 0; s + 2 * len <= texts.length; s++) {
      let reps = 1
      while (s + (reps + 1) * len <= texts.length && texts.slice(s + reps * len, s + (reps + 1) * len).every((x, k) => x === texts[s + k])) reps++
      if (reps >= 2 && (!best || reps * len > best.coverage)) best = { block: texts.slice(s, s + len), coverage: reps * len }
    }
  }
  return best?.block ?? null
}

/** Whether q[from, to) is exactly the level's repeated block. */
function isBlock(q: Item[], from: number, to: number, block: string[] | null): boolean {
  return block !== null && to - from === block.length && block.every((x, k) => q[from + k].text === x)
}

/**
 * Everything a grouping's score needs, computed once per pair of levels so
 * scoring a candidate group is O(1): prefix sums of each parent's lexical
 * overlap with the children, and of exact text matches.
 */
interface PairFacts {
  overlap: Float64Array[]
  same: Int32Array[]
  /** Per parent: its text is one of the repeated block's labels. */
  inBlock: boolean[]
  /** Per child index: q[from, from + block length) is exactly the repeated block. */
  blockAt: boolean[]
  blockLength: number
}

function pairFacts(p: Item[], q: Item[]): PairFacts {
  const block = repeatedBlock(q)
  const overlap = p.map((parent) => {
    const sums = new Float64Array(q.length + 1)
    q.forEach((child, k) => (sums[k + 1] = sums[k] + lexicalOverlap(parent.text, child.text)))
    return sums
  })
  const same = p.map((parent) => {
    const sums = new Int32Array(q.length + 1)
    q.forEach((child, k) => (sums[k + 1] = sums[k] + (parent.text !== '' && child.text === parent.text ? 1 : 0)))
    return sums
  })
  const inBlock = p.map((parent) => block !== null && block.includes(parent.text))
  const blockAt = q.map((_, from) => from + (block?.length ?? 0) <= q.length && isBlock(q, from, from + (block?.length ?? 0), block))
  return { overlap, same, inBlock, blockAt, blockLength: block?.length ?? -1 }
}

/** Score of parent i taking children q[from, to) (a leaf when from === to). */
function groupScore(p: Item[], i: number, q: Item[], from: number, to: number, facts: PairFacts): number {
  const parent = p[i]
  const g = to - from
  if (g === 0) return parent.total ? 0.5 : 0
  let score = g === 1 ? -0.6 : 0.3
  if (parent.total) score -= 3
  if (parent.text === '') score -= 0.2
  // Labels of the repeated block are the measures under each group, so leaves, not groups.
  if (facts.inBlock[i]) score -= 1.5
  score -= 2 * (facts.same[i][to] - facts.same[i][from])
  score += 1.2 * ((facts.overlap[i][to] - facts.overlap[i][from]) / g)
  if (g === facts.blockLength && facts.blockAt[from]) score += 1.5
  return score
}

interface Grouping {
  score: number
  /** Children counts per parent. */
  sizes: number[]
}

/**
 * Best way to hand the children q to the parents p (each parent takes a
 * contiguous run, possibly empty), for each possible number of leaf parents.
 * Dynamic programming over (parents used, children used, leaves so far).
 */
function groupings(p: Item[], q: Item[]): Map<number, Grouping> {
  const a = p.length
  const b = q.length
  const facts = pairFacts(p, q)
  const at = (i: number, j: number, l: number) => (i * (b + 1) + j) * (a + 1) + l
  const size = (a + 1) * (b + 1) * (a + 1)
  const best = new Float64Array(size).fill(-Infinity)
  const took = new Int32Array(size).fill(-1)
  best[at(0, 0, 0)] = 0
  // A group's score depends on (i, j, g) only, not on l: score each once, then relax every l.
  const scores = new Float64Array(b + 1)
  for (let i = 0; i < a; i++) {
    for (let j = 0; j <= b; j++) {
      const from = at(i, j, 0)
      let reachable = false
      for (let l = 0; l <= i; l++) if (best[from + l] !== -Infinity) reachable = true
      if (!reachable) continue
      for (let g = 0; j + g <= b; g++) scores[g] = groupScore(p, i, q, j, j + g, facts)
      const to = at(i + 1, j, 0)
      for (let l = 0; l <= i; l++) {
        const base = best[from + l]
        if (base === -Infinity) continue
        // g = 0 makes parent i a leaf; g > 0 hands it g children (the state's index steps by a + 1 per child).
        for (let g = 0, next = to + l + 1; j + g <= b; g++, next = to + g * (a + 1) + l) {
          const score = base + scores[g]
          if (score > best[next]) {
            best[next] = score
            took[next] = g
          }
        }
      }
    }
  }
  const result = new Map<number, Grouping>()
  for (let l = 0; l <= a; l++) {
    const score = best[at(a, b, l)]
    if (score === -Infinity) continue
    const sizes: number[] = new Array(a)
    let j = b
    let leaves = l
    for (let i = a; i > 0; i--) {
      const g = took[at(i, j, leaves)]
      sizes[i - 1] = g
      j -= g
      if (g === 0) leaves--
    }
    result.set(l, { score, sizes })
  }
  return result
}

function build(levels: Item[][], choice: Grouping[], targetWidth: number): Forest {
  const nodes: ForestNode[][] = levels.map((items, level) =>
    items.map((item) => ({ item, level, children: [], col: 0, width: 1 }))
  )
  choice.forEach((grouping, t) => {
    let k = 0
    grouping.sizes.forEach((size, i) => {
      nodes[t][i].children = nodes[t + 1].slice(k, k + size)
      k += size
    })
  })
  const widthOf = (n: ForestNode): number => {
    n.width = n.children.length === 0 ? 1 : n.children.reduce((s, c) => s + widthOf(c), 0)
    return n.width
  }
  const roots = nodes[0]
  const leaves = roots.reduce((s, r) => s + widthOf(r), 0)
  // Fewer leaves than value columns: the last leaf (and its ancestors) widen.
  if (leaves < targetWidth && roots.length > 0) {
    let n = roots[roots.length - 1]
    const extra = targetWidth - leaves
    n.width += extra
    while (n.children.length > 0) {
      n = n.children[n.children.length - 1]
      n.width += extra
    }
  }
  const place = (list: ForestNode[], col: number) => {
    let c = col
    for (const n of list) {
      n.col = c
      place(n.children, c)
      c += n.width
    }
  }
  place(roots, 0)
  return { roots, levels: nodes, leaves, score: 0 }
}

/**
 * Share of sibling groups whose members are all leaves or all parents,
 * computed from the group sizes of each pair of levels (no tree needed).
 */
function homogeneity(choice: Grouping[]): number {
  let groups = 0
  let same = 0
  choice.forEach((grouping, t) => {
    const below = choice[t + 1]
    let k = 0
    for (const size of grouping.sizes) {
      if (size >= 2) {
        groups++
        if (!below) same++
        else {
          const parents = below.sizes.slice(k, k + size).filter((n) => n > 0).length
          if (parents === 0 || parents === size) same++
        }
      }
      k += size
    }
  })
  return groups === 0 ? 0 : same / groups
}

function lessThan(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]
  return false
}

/**
 * Solve the forest for head levels (each non-empty) over `width` value
 * columns. Every cell of a lower level needs a parent above it.
 */
/**
 * Solving is a pure function of the header texts and the width, and the same
 * forms recur (every annual report uses the national form): memoize a bounded
 * number of solutions, keyed by texts, and rebuild nodes for the caller's items.
 */
const solved = new Map<string, { levels: number[][]; sizes: number[][] | null; score: number }>()

export function solveForest(levels: Item[][], width: number): Forest {
  let key = String(width)
  for (const level of levels) {
    key += '\u0003'
    for (const item of level) key += `${item.text}\u0002`
  }
  const hit = solved.get(key)
  if (hit) return replay(levels, hit, width)
  const forest = solveUncached(levels, width)
  if (solved.size > 2000) solved.clear()
  solved.set(key, record(levels, forest))
  return forest
}

/** The shape of a solution: per level, which items (by index, -1 for a lost cell) and the groupings. */
function record(levels: Item[][], forest: Forest): { levels: number[][]; sizes: number[][] | null; score: number } {
  const indexes = forest.levels.map((nodes, t) => nodes.map((n) => (t < levels.length ? levels[t].indexOf(n.item) : -1)))
  const sizes = forest.levels.slice(0, -1).map((nodes) => nodes.map((n) => n.children.length))
  return { levels: indexes, sizes: forest.levels.length > 1 ? sizes : null, score: forest.score }
}

function replay(levels: Item[][], shape: { levels: number[][]; sizes: number[][] | null; score: number }, width: number): Forest {
  const phantom: Item = { text: '', kind: 'empty', numbering: null, total: false }
  const items = shape.levels.map((indexes, t) => indexes.map((i) => (i === -1 ? phantom : levels[t][i])))
  const choice = (shape.sizes ?? []).map((sizes) => ({ score: 0, sizes }))
  return { ...build(items, choice, width), score: shape.score }
}

function solveUncached(levels: Item[][], width: number): Forest {
  let best = solveLevels(levels, width)
  // The source may have lost a header cell: try one empty cell at the end of a level, at a cost,
  // when the leaves do not add up or a repeated block has more copies than parents above it.
  if (levels.length > 1 && (best.leaves !== width || levels.some((level, t) => t > 0 && blockDeficit(levels[t - 1], level)))) {
    for (let t = 0; t + 1 < levels.length; t++) {
      const phantom: Item = { text: '', kind: 'empty', numbering: null, total: false }
      const variant = levels.map((level, k) => (k === t ? [...level, phantom] : level))
      const candidate = solveLevels(variant, width)
      candidate.score -= 1.2
      const better =
        (candidate.leaves === width && best.leaves !== width) ||
        ((candidate.leaves === width) === (best.leaves === width) && candidate.score > best.score)
      if (better) best = candidate
    }
  }
  return best
}

/** More back-to-back copies of a repeated block below than cells above that could head them. */
function blockDeficit(above: Item[], below: Item[]): boolean {
  const block = repeatedBlock(below)
  if (!block) return false
  let copies = 0
  for (let i = 0; i + block.length <= below.length; ) {
    if (block.every((x, k) => below[i + k].text === x)) {
      copies++
      i += block.length
    } else i++
  }
  const heads = above.filter((item) => !block.includes(item.text)).length
  return copies > heads
}

interface Partial {
  picks: Grouping[]
  score: number
}

/** Partial choices kept per (level, leaves) state of the search. */
const BEAM = 6

function prune(list: Partial[]): void {
  list.sort((a, b) => b.score - a.score)
  list.length = Math.min(list.length, BEAM)
}

/** Work done by the header search since the last reset (tests bound it). */
export const forestWork = { states: 0 }

function solveLevels(levels: Item[][], width: number): Forest {
  if (levels.length === 0) return { roots: [], levels: [], leaves: 0, score: 0 }
  if (levels.length === 1) {
    const forest = build(levels, [], width)
    return { ...forest, score: 0 }
  }
  const options: [number, Grouping][][] = []
  for (let t = 0; t + 1 < levels.length; t++) {
    const map = groupings(levels[t], levels[t + 1])
    // A level whose cells all stay leaves cannot have cells below it.
    options.push([...map.entries()].filter(([leaves]) => leaves < levels[t].length))
  }
  const last = levels[levels.length - 1].length
  // Dynamic programming over (level, leaves so far), keeping the BEAM best partial
  // choices per state: the work is bounded by levels × width × BEAM × options,
  // never the product of the options of every level (which hung on deep heads).
  let frontier = new Map<number, Partial[]>([[0, [{ picks: [], score: 0 }]]])
  for (let t = 0; t < options.length; t++) {
    const next = new Map<number, Partial[]>()
    for (const [leaves, partials] of frontier) {
      for (const partial of partials) {
        for (const [l, grouping] of options[t]) {
          forestWork.states++
          const key = Math.min(leaves + l, width + last + 1)
          const list = next.get(key) ?? []
          list.push({ picks: [...partial.picks, grouping], score: partial.score + grouping.score })
          if (list.length > BEAM * 2) prune(list)
          next.set(key, list)
        }
      }
    }
    for (const list of next.values()) prune(list)
    frontier = next
  }
  let best: { choice: Grouping[]; score: number; rank: number[] } | null = null
  for (const [leaves, partials] of frontier) {
    for (const partial of partials) {
      forestWork.states++
      const total = leaves + last
      const full = partial.score + 0.8 * homogeneity(partial.picks)
      // Exact leaf count first, then fewer missing columns, then score.
      const rank = [total === width ? 0 : 1, Math.abs(total - width), -full]
      if (!best || lessThan(rank, best.rank)) best = { choice: partial.picks, score: full, rank }
    }
  }
  if (!best) return { ...build([levels.flat()], [], width), score: -10 }
  const found = best as { choice: Grouping[]; score: number }
  return { ...build(levels, found.choice, width), score: found.score }
}

/** Leaves in column order: [col, width] per value-column leaf. */
export function forestLeaves(forest: Forest): ForestNode[] {
  const out: ForestNode[] = []
  const walk = (n: ForestNode) => (n.children.length === 0 ? out.push(n) : n.children.forEach(walk))
  forest.roots.forEach(walk)
  return out
}
