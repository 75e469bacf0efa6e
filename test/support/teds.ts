/**
 * TEDS: tree-edit-distance-based similarity of two tables (Zhong et al.,
 * PubTabNet, arXiv 1911.10683): 1 − TED(a, b) / max(|a|, |b|) over the
 * table › thead/tbody › tr › td tree. Inserting or deleting a node costs 1;
 * renaming costs 1 when tags, colspan or rowspan differ, else the
 * normalized Levenshtein distance of the cell texts. Zhang–Shasha's
 * algorithm computes the distance.
 *
 * Bounded cost: the text distance of two cells is computed over characters
 * when both have at most LONG_CELL characters, else over words (normalized
 * by the longer word count). Character distances between every
 * pair of long cells are quadratic in the table's text: a 121-row table with
 * 3,500-character cells (rust-docs/reference#57 of the development set)
 * needed billions of steps and never finished.
 */

export interface TedsCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
}

export interface TedsTable {
  rows: number
  headerRows: number
  cells: TedsCell[]
}

interface Node {
  tag: string
  colSpan: number
  rowSpan: number
  text: string
  children: Node[]
  /** The text's code points and words, split once per node. */
  chars?: string[]
  words?: string[]
}

/** A cell longer than this compares with others by words, not characters. */
const LONG_CELL = 300

function tree(t: TedsTable): Node {
  const node = (tag: string, children: Node[] = [], cell?: TedsCell): Node => ({
    tag,
    colSpan: cell?.colSpan ?? 1,
    rowSpan: cell?.rowSpan ?? 1,
    text: cell?.text ?? '',
    children
  })
  const rows: Node[] = Array.from({ length: t.rows }, (_, r) =>
    node(
      'tr',
      t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map((c) => node('td', [], c))
    )
  )
  const sections: Node[] = []
  if (t.headerRows > 0) sections.push(node('thead', rows.slice(0, t.headerRows)))
  sections.push(node('tbody', rows.slice(t.headerRows)))
  return node('table', sections)
}

export function levenshtein(a: string | string[], b: string | string[]): number {
  const x = typeof a === 'string' ? Array.from(a) : a
  const y = typeof b === 'string' ? Array.from(b) : b
  if (x.length === 0) return y.length
  if (y.length === 0) return x.length
  let prev = new Int32Array(y.length + 1).map((_, i) => i)
  let cur = new Int32Array(y.length + 1)
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[y.length]
}

function renameCost(a: Node, b: Node): number {
  if (a.tag !== b.tag || a.colSpan !== b.colSpan || a.rowSpan !== b.rowSpan) return 1
  if (a.tag !== 'td') return 0
  if (a.text === b.text) return 0
  a.chars ??= Array.from(a.text)
  b.chars ??= Array.from(b.text)
  if (a.chars.length <= LONG_CELL && b.chars.length <= LONG_CELL) return levenshtein(a.chars, b.chars) / Math.max(a.chars.length, b.chars.length)
  a.words ??= a.text.split(/\s+/).filter(Boolean)
  b.words ??= b.text.split(/\s+/).filter(Boolean)
  return levenshtein(a.words, b.words) / Math.max(a.words.length, b.words.length, 1)
}

/** Post-order nodes with leftmost-leaf indexes and keyroots. */
function annotate(root: Node) {
  const nodes: Node[] = []
  const leftmost: number[] = []
  const walk = (n: Node): number => {
    let first = -1
    for (const c of n.children) {
      const l = walk(c)
      if (first === -1) first = l
    }
    nodes.push(n)
    const index = nodes.length - 1
    leftmost[index] = first === -1 ? index : first
    return leftmost[index]
  }
  walk(root)
  const keyroots: number[] = []
  const seen = new Set<number>()
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (!seen.has(leftmost[i])) {
      keyroots.push(i)
      seen.add(leftmost[i])
    }
  }
  return { nodes, leftmost, keyroots: keyroots.sort((a, b) => a - b) }
}

export function treeEditDistance(a: Node, b: Node): number {
  const A = annotate(a)
  const B = annotate(b)
  const td: number[][] = Array.from({ length: A.nodes.length }, () => new Array<number>(B.nodes.length).fill(0))
  for (const i of A.keyroots) {
    for (const j of B.keyroots) {
      const li = A.leftmost[i]
      const lj = B.leftmost[j]
      const m = i - li + 2
      const n = j - lj + 2
      const fd: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(0))
      for (let x = 1; x < m; x++) fd[x][0] = fd[x - 1][0] + 1
      for (let y = 1; y < n; y++) fd[0][y] = fd[0][y - 1] + 1
      for (let x = 1; x < m; x++) {
        for (let y = 1; y < n; y++) {
          const ax = li + x - 1
          const by = lj + y - 1
          if (A.leftmost[ax] === li && B.leftmost[by] === lj) {
            fd[x][y] = Math.min(fd[x - 1][y] + 1, fd[x][y - 1] + 1, fd[x - 1][y - 1] + renameCost(A.nodes[ax], B.nodes[by]))
            td[ax][by] = fd[x][y]
          } else {
            const px = A.leftmost[ax] - li
            const py = B.leftmost[by] - lj
            fd[x][y] = Math.min(fd[x - 1][y] + 1, fd[x][y - 1] + 1, fd[px][py] + td[ax][by])
          }
        }
      }
    }
  }
  return td[A.nodes.length - 1][B.nodes.length - 1]
}

const count = (n: Node): number => 1 + n.children.reduce((s, c) => s + count(c), 0)

export function teds(predicted: TedsTable, truth: TedsTable): number {
  const a = tree(predicted)
  const b = tree(truth)
  return 1 - treeEditDistance(a, b) / Math.max(count(a), count(b))
}
