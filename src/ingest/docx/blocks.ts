/**
 * Passes over the mdast a DOCX became: what Word expresses differently from
 * HTML. Each is pure and edits the tree in place.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { TITLE_WIDTH } from '../text/blocks.js'
import { isTitleLike } from '../../text/title-like.js'
import { numberingLevel } from '../text/classify.js'
import { gridToTable, tableToGrid } from '../../ast/table.js'
import { inferRowHeaders } from '../../tables/headers.js'

const isBlankText = (node: PhrasingContent) => node.type === 'text' && node.value.trim() === ''

/**
 * Report headings typed as bold body text (`**六、其他事项**`) instead of a
 * heading style: a paragraph that is bold throughout, numbered like a report
 * heading and shaped like a title becomes a heading. Its depth is the one the
 * document's styled headings with the same numbering use (`一、…` styled
 * 标题 1 makes a bold `六、…` level 1 too), else the numbering's own depth.
 */
export function inferNumberedHeadings(tree: Root): void {
  const styledDepth = new Map<number, Heading['depth']>()
  for (const node of tree.children) {
    if (node.type !== 'heading') continue
    const level = numberingLevel(toString(node))
    if (level !== undefined && !styledDepth.has(level)) styledDepth.set(level, node.depth)
  }
  tree.children.forEach((node, index) => {
    if (node.type !== 'paragraph') return
    const content = node.children.filter((child) => !isBlankText(child))
    if (content.length === 0 || !content.every((child) => child.type === 'strong')) return
    const text = toString(node).trim()
    const level = numberingLevel(text)
    if (level === undefined || !isTitleLike(text, TITLE_WIDTH)) return
    const depth = styledDepth.get(level) ?? (Math.min(6, level) as Heading['depth'])
    const heading: Heading = { type: 'heading', depth, children: content.flatMap((c) => (c.type === 'strong' ? c.children : [c])) }
    if (node.position) heading.position = node.position
    tree.children[index] = heading
  })
}

const ROW_LINE = /[|\t]/

/**
 * Text pasted into Word as table rows (`a | b | c`, tab-separated) must reach
 * table repair one line per paragraph. Rows kept in one paragraph by soft
 * line breaks are split there; other paragraphs with breaks are prose and stay.
 */
export function splitPastedRows(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined || !node.children.some((c) => c.type === 'break')) return
    const lines: PhrasingContent[][] = [[]]
    for (const child of node.children) {
      if (child.type === 'break') lines.push([])
      else lines[lines.length - 1].push(child)
    }
    const rows = lines.filter((line) => ROW_LINE.test(toString({ type: 'paragraph', children: line }))).length
    if (rows < 2) return
    const paragraphs: Paragraph[] = lines.filter((line) => line.length > 0).map((children) => ({ type: 'paragraph', children }))
    parent.children.splice(index, 1, ...paragraphs)
    return index + paragraphs.length
  })
}

const hasTab = (node: RootContent | undefined) => node?.type === 'paragraph' && toString(node).includes('\t')

/**
 * Paragraphs of nothing but spaces and tabs are layout in ordinary text and
 * dropped, except beside tab-separated lines, where a lone tab can be an
 * empty cell of a pasted table.
 */
export function dropBlankParagraphs(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return
    if (node.children.some((c) => c.type !== 'text' && c.type !== 'break') || toString(node).trim() !== '') return
    const siblings = parent.children as RootContent[]
    if (hasTab(siblings[index - 1]) || hasTab(siblings[index + 1])) return
    siblings.splice(index, 1)
    return index
  })
}

/**
 * A tab at the start or end of an ordinary paragraph is indentation; it is
 * kept only beside other tabbed lines, where it can mark a pasted table's
 * empty cell (one tab-prefixed cell per line).
 */
export function trimLoneTabs(tree: Root): void {
  const siblings = tree.children
  siblings.forEach((node, index) => {
    if (node.type !== 'paragraph' || hasTab(siblings[index - 1]) || hasTab(siblings[index + 1])) return
    const first = node.children[0]
    const last = node.children[node.children.length - 1]
    if (first?.type === 'text') first.value = first.value.replace(/^\t+/, '')
    if (last?.type === 'text') last.value = last.value.replace(/\t+$/, '')
  })
}

/** Tables from a Word file say so (`origin.layout: 'docx'`). */
export function markDocxTables(tree: Root): void {
  visit(tree, 'table', (node, index, parent) => {
    // Tables repaired from pasted rows keep their own origin.
    if (node.data?.origin?.layout !== 'html' || !parent || index === undefined) return
    // Word marks header rows but cannot mark row headers or sub-header rows: infer them.
    const { grid } = tableToGrid(node)
    const table = gridToTable(inferRowHeaders(grid, (content) => toString({ type: 'paragraph', children: content })), node.align)
    table.data = { ...node.data, ...table.data, origin: { layout: 'docx', confidence: 1 } }
    parent.children[index] = table
  })
}
