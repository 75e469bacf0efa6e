/**
 * Table repair for documents that are not plain text: Markdown, HTML and
 * Word files where a table was pasted as text. Runs of paragraphs whose
 * lines are table rows (`a | b |||`, tab-separated fields) become one
 * repaired table; GFM tables whose source rows are ragged are rebuilt from
 * their source text. Usable as a remark plugin: `unified().use(remarkRepairTables)`.
 */
import type { Paragraph, Parent, Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { detectedTableToMdast } from './detected-table.js'
import { normalizeTable } from '../ast/table.js'
import { findTables } from './index.js'
import { isGfmDelimiter, splitGfmRow } from './gfm.js'

/** Paragraph text as lines, keeping tabs and line breaks. */
function paragraphLines(node: Paragraph): string[] {
  return toString(node).split('\n')
}

/** Could this paragraph hold table rows? Cheap pre-check before running detection. */
function mayHoldRows(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false
  const text = toString(node)
  return text.includes('|') || text.includes('\t') || /\S {2,}\S/.test(text)
}

/** Replace runs of row-like paragraphs among `parent`'s children with repaired tables. */
function repairParagraphRuns(parent: Parent): void {
  const children = parent.children as RootContent[]
  const out: RootContent[] = []
  let i = 0
  while (i < children.length) {
    if (!mayHoldRows(children[i])) {
      out.push(children[i])
      i++
      continue
    }
    let end = i
    while (end < children.length && mayHoldRows(children[end])) end++
    const run = children.slice(i, end) as Paragraph[]
    // Lines of the run, each remembering its paragraph.
    const lines: string[] = []
    const owner: number[] = []
    run.forEach((p, k) => {
      for (const line of paragraphLines(p)) {
        lines.push(line)
        owner.push(k)
      }
    })
    const found = findTables(lines).filter((t) => t.layout !== 'gfm')
    let next = 0
    for (const table of found) {
      const first = owner[table.start]
      const last = owner[table.end - 1]
      // Only whole paragraphs are replaced: a table must start and end at paragraph edges.
      const startsClean = table.start === 0 || owner[table.start - 1] !== first
      const endsClean = table.end === lines.length || owner[table.end] !== last
      if (!startsClean || !endsClean || first < next) continue
      out.push(...run.slice(next, first))
      const node = detectedTableToMdast(table)
      delete node.data?.origin?.lines
      out.push(node)
      next = last + 1
    }
    out.push(...run.slice(next))
    i = end
  }
  parent.children = out as Parent['children']
}

/** Source text of a node, when positions and the source are known. */
function sourceOf(node: Table, source: string | undefined): string | null {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return source === undefined || start === undefined || end === undefined ? null : source.slice(start, end)
}

/** A GFM table whose source rows have different cell counts lost cells: rebuild it from its text. */
function repairRaggedTable(node: Table, source: string | undefined): Table | null {
  const text = sourceOf(node, source)
  if (!text) return null
  const lines = text.split('\n')
  const counts = lines.filter((l) => !isGfmDelimiter(l)).map((l) => splitGfmRow(l).length)
  if (new Set(counts).size <= 1) return null
  const found = findTables(lines).filter((t) => t.layout !== 'gfm')
  if (found.length !== 1) return null
  const table = detectedTableToMdast(found[0])
  delete table.data?.origin?.lines
  return normalizeTable(table).table
}

/** Repair pasted tables in any canonical tree (`source` is the Markdown text, when there is one). */
export function repairTables(tree: Root, source?: string): void {
  const visit = (parent: Parent) => {
    parent.children.forEach((child, index) => {
      if (child.type === 'table' && source !== undefined) {
        const repaired = repairRaggedTable(child, source)
        if (repaired) parent.children[index] = repaired
      } else if ('children' in child && child.type !== 'table' && child.type !== 'paragraph') {
        visit(child as Parent)
      }
    })
    repairParagraphRuns(parent)
  }
  visit(tree)
}

/** The repair as a remark plugin. */
export function remarkRepairTables() {
  return (tree: Root, file?: VFile) => {
    repairTables(tree, file ? String(file.value ?? '') || undefined : undefined)
  }
}
