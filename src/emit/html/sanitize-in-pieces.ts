/**
 * The sanitizer (hast-util-sanitize, with docmend's schema) run one
 * top-level block at a time, and a long table a few hundred rows at a time,
 * each piece of the unsafe tree let go once its safe copy is made. The
 * sanitizer builds a whole new tree: run on the page at once, both trees are
 * alive together, two copies of every cell of a 10 MB table.
 *
 * The result is the same as sanitizing the whole tree: the sanitizer decides
 * each node from the node itself and the tag names of its ancestors, and each
 * piece is sanitized under the same ancestors (a table's rows inside their
 * table and row group, with nothing else in them).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import { schema } from './schema.js'

/** Rows sanitized together: few enough that one piece's copies are small. */
export const ROWS_PER_PIECE = 256

const isElement = (node: ElementContent | RootContent | undefined, ...names: string[]): node is Element =>
  node?.type === 'element' && names.includes(node.tagName)

/** What the sanitizer leaves of one node at the top level (none, it, or its children). */
export function sanitizeTopLevel(node: RootContent): RootContent[] {
  return (sanitize({ type: 'root', children: [node] }, schema) as Root).children
}

const isRowGroup = (node: ElementContent) => isElement(node, 'thead', 'tbody', 'tfoot')

/** A long table of a caption and row groups holding only rows (as the writer makes tables). */
function isPlainRowTable(table: Element): boolean {
  let rows = 0
  for (const section of table.children) {
    if (section.type !== 'element') return false
    if (section.tagName === 'caption') continue
    if (!isRowGroup(section) || !section.children.every((row) => isElement(row, 'tr'))) return false
    rows += section.children.length
  }
  return rows > ROWS_PER_PIECE
}

/**
 * A top-level table sanitized with its rows a piece at a time: `shell` is the
 * table with its row groups empty, `rowsOf(k)` gives the rows of its `k`th
 * child (a row group) in order, made or taken out of a tree as they are read.
 */
export function sanitizeTable(shell: Element, rowsOf: (k: number) => Iterable<ElementContent>): RootContent[] {
  const safe = sanitizeTopLevel(shell)
  const safeTable = safe[0]
  if (safe.length !== 1 || !isElement(safeTable, 'table') || safeTable.children.length !== shell.children.length) {
    // Not a table the sanitizer keeps as it is: sanitized whole, as it would be in the page.
    const whole: Element = { ...shell, children: shell.children.map((s, k) => (isRowGroup(s) ? { ...(s as Element), children: [...rowsOf(k)] } : s)) }
    return sanitizeTopLevel(whole)
  }
  shell.children.forEach((section, k) => {
    if (!isRowGroup(section)) return
    const group = section as Element
    const into = safeTable.children[k] as Element
    const flush = (rows: ElementContent[]) => {
      const piece = sanitizeTopLevel({ type: 'element', tagName: 'table', properties: {}, children: [{ ...group, children: rows }] })
      const pieceGroup = (piece[0] as Element | undefined)?.children[0]
      if (piece.length !== 1 || !isElement(pieceGroup, group.tagName)) throw new Error('a table row group was sanitized differently in pieces')
      for (const row of pieceGroup.children) into.children.push(row)
    }
    let rows: ElementContent[] = []
    for (const row of rowsOf(k)) {
      rows.push(row)
      if (rows.length === ROWS_PER_PIECE) {
        flush(rows)
        rows = []
      }
    }
    if (rows.length > 0) flush(rows)
  })
  return safe
}

/** Rows of a tree's row group, taken out as they are read (so each is let go once sanitized). */
function* drain(group: Element): Generator<ElementContent> {
  while (group.children.length > 0) yield* group.children.splice(0, ROWS_PER_PIECE)
}

function sanitizeTableInPieces(table: Element): RootContent[] {
  const groups = table.children
  const shell: Element = { ...table, children: groups.map((s) => (isRowGroup(s) ? { ...(s as Element), children: [] } : s)) }
  return sanitizeTable(shell, (k) => drain(groups[k] as Element))
}

/** `tree` sanitized; `tree` is emptied on the way (its blocks are released as they are done). */
export function sanitizeInPieces(tree: Root): Root {
  const blocks = tree.children
  const result = sanitize({ ...tree, children: [] }, schema) as Root
  tree.children = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    blocks[i] = { type: 'text', value: '' }
    const safe = isElement(block, 'table') && isPlainRowTable(block) ? sanitizeTableInPieces(block) : sanitizeTopLevel(block)
    for (const node of safe) result.children.push(node)
  }
  return result
}
