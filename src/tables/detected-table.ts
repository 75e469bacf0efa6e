/** A table found by the repair stage, as a canonical mdast table node. */
import type { PhrasingContent, Table } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Grid } from '../ast/grid.js'
import { gridToTable } from '../ast/table.js'
import type { TableOrigin } from '../ast/types.js'

/** A table found in lines of text, with the grid rebuilt from them. */
export interface DetectedTable {
  /** First line (0-based index into the lines given). */
  start: number
  /** One past the last line. */
  end: number
  layout: TableOrigin['layout']
  /** 0..1. */
  confidence: number
  /** Cell strings are plain text, or Markdown inline markup for GFM tables. */
  markup: 'plain' | 'markdown'
  grid: Grid<string>
}

const inlineParser = unified().use(remarkParse).use(remarkGfm)

/**
 * Cell text with no character Markdown gives a meaning to inside a line (and
 * no `www.` autolink): remark would return it as one text node, so skip
 * remark, which costs a parser run per cell (a 100,000-row table has 800,000).
 */
const PLAIN_CELL = /^[^*_`[\]<>!\\&~:@|=#\s](?:[^*_`[\]<>!\\&~:@|=#]*[^*_`[\]<>!\\&~:@|=#\s])?$/
const isPlainCell = (source: string) => PLAIN_CELL.test(source) && !/www\./i.test(source)

/** Markdown inline markup of a GFM cell, parsed by remark. */
function markdownInline(source: string): PhrasingContent[] {
  if (!source) return []
  if (isPlainCell(source)) return [{ type: 'text', value: source }]
  const tree = inlineParser.parse(source)
  const first = tree.children[0]
  if (tree.children.length === 1 && first.type === 'paragraph') return first.children
  return [{ type: 'text', value: source }]
}

function plainInline(source: string): PhrasingContent[] {
  return source ? [{ type: 'text', value: source }] : []
}

/** `lineOffset` shifts the recorded source lines (tables found in part of a document). */
export function detectedTableToMdast(found: DetectedTable, lineOffset = 0): Table {
  const toContent = found.markup === 'markdown' ? markdownInline : plainInline
  const table = gridToTable(found.grid, null, toContent)
  table.data = {
    ...table.data,
    origin: { layout: found.layout, confidence: found.confidence, lines: [found.start + 1 + lineOffset, found.end + lineOffset] }
  }
  return table
}
