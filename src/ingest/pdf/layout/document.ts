/**
 * Pages (plain `PageContent`) → the document's flow in reading order:
 * ruled tables first (they claim their text), then fragments, furniture
 * removed across pages, columns ordered, and unruled tables found among
 * each column's lines. Pure.
 */
import type { PageContent } from '../types.js'
import { findAlignedTables } from './aligned-tables.js'
import { readingOrder } from './columns.js'
import { joinContinuedTables } from './continued-tables.js'
import type { DroppedText, FlowItem } from './flow.js'
import { type Fragment, baselineGroups, dedupeRuns, splitAtGaps } from './fragments.js'
import { findFurniture } from './furniture.js'
import { normalizeGlyphs } from './glyphs.js'
import type { Box } from './geometry.js'
import { groupLines } from './lines.js'
import { findRuledTables } from './ruled-tables.js'
import type { PageTable } from './table-types.js'
import { type VerticalColumn, verticalColumns, verticalParagraphs } from './vertical.js'

interface Prepared {
  page: PageContent
  tables: PageTable[]
  fragments: Fragment[]
  vertical: VerticalColumn[]
}

type Placed =
  | { kind: 'fragment'; fragment: Fragment; box: Box }
  | { kind: 'table'; table: PageTable; box: Box }
  | { kind: 'vertical'; column: VerticalColumn; box: Box }

const fragmentBox = (f: Fragment): Box => ({ x1: f.x1, x2: f.x2, y1: f.y - f.size * 0.8, y2: f.y + f.size * 0.2 })

function prepare(page: PageContent, dropped: DroppedText[]): Prepared {
  const runs = dedupeRuns(page.runs.map(normalizeGlyphs), (copy) => dropped.push({ page: page.number, text: copy.text, reason: 'overprint' }))
  // Text turned a quarter (a rotated column head) inside a drawn cell belongs to that cell.
  const { tables, rest } = findRuledTables(page.rules, runs)
  const fragments = baselineGroups(rest.filter((r) => r.length === undefined)).flatMap(splitAtGaps)
  return { page, tables, fragments, vertical: verticalColumns(rest) }
}

/** A page's items in reading order, appended to `flow`. */
function pageFlow(prepared: Prepared, fragments: readonly Fragment[], flow: FlowItem[]): void {
  const { page, tables, vertical } = prepared
  const number = page.number
  const verticalChars = vertical.reduce((n, c) => n + c.text.length, 0)
  const horizontalChars = fragments.reduce((n, f) => n + f.text.length, 0)
  const placed: Placed[] = [
    ...fragments.map((fragment) => ({ kind: 'fragment' as const, fragment, box: fragmentBox(fragment) })),
    ...tables.map((table) => ({ kind: 'table' as const, table, box: table.box }))
  ]
  if (verticalChars > horizontalChars) {
    // A page set in vertical writing: its columns first, right to left.
    for (const text of verticalParagraphs(vertical)) flow.push({ kind: 'paragraph', text, page: number })
  } else {
    placed.push(...vertical.map((column) => ({ kind: 'vertical' as const, column, box: column.box })))
  }
  for (const region of readingOrder(placed, (p) => p.box)) {
    const own = region.flatMap((p) => (p.kind === 'fragment' ? [p.fragment] : []))
    const box: Box = {
      x1: Math.min(...own.map((f) => f.x1)),
      x2: Math.max(...own.map((f) => f.x2)),
      y1: Math.min(...own.map((f) => f.y - f.size)),
      y2: Math.max(...own.map((f) => f.y))
    }
    const items: { y: number; item: FlowItem }[] = []
    for (const entry of findAlignedTables(groupLines(own, number), page.rules)) {
      if (entry.kind === 'line') items.push({ y: entry.line.y, item: { kind: 'line', line: entry.line, region: box } })
      else items.push({ y: entry.box.y1, item: { ...entry, page: number } })
    }
    for (const p of region) {
      if (p.kind === 'table') items.push({ y: p.box.y1, item: { ...p.table, page: number } })
      else if (p.kind === 'vertical') items.push({ y: p.box.y1, item: { kind: 'paragraph', text: p.column.text, page: number } })
    }
    items.sort((a, b) => a.y - b.y)
    flow.push(...items.map((i) => i.item))
    flow.push({ kind: 'break', page: false })
  }
  // Slanted text sits on no line: each run is a paragraph of its own, top to bottom.
  const slanted = (page.slanted ?? []).map(normalizeGlyphs).filter((r) => r.text.trim()).sort((a, b) => a.y - b.y || a.x - b.x)
  for (const run of slanted) flow.push({ kind: 'paragraph', text: run.text.replace(/\s+/gu, ' ').trim(), page: number })
}

/**
 * The whole document's flow: pages in order, furniture left out, continued
 * tables joined. Pages outside `range` only help to recognise furniture.
 * What is left out on purpose is listed in `dropped` (pages in range only).
 */
export function layoutPages(pages: readonly PageContent[], range?: { first: number; last: number }): { flow: FlowItem[]; dropped: DroppedText[] } {
  const inRange = (n: number) => !range || (n >= range.first && n <= range.last)
  const dropped: DroppedText[] = []
  const prepared = pages.map((page) => prepare(page, inRange(page.number) ? dropped : []))
  const furniture = findFurniture(prepared.map((p) => ({ height: p.page.height, fragments: p.fragments })))
  const flow: FlowItem[] = []
  for (const p of prepared) {
    if (!inRange(p.page.number)) continue
    for (const f of p.fragments) if (furniture.has(f)) dropped.push({ page: p.page.number, text: f.text, reason: 'furniture' })
    pageFlow(
      p,
      p.fragments.filter((f) => !furniture.has(f)),
      flow
    )
    flow.push({ kind: 'break', page: true })
  }
  const pageHeight = Math.max(0, ...prepared.map((p) => p.page.height))
  return { flow: joinContinuedTables(flow, dropped, pageHeight), dropped }
}
