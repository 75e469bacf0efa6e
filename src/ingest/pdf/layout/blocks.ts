/**
 * Lines in reading order → mdast blocks. Lines are first grouped into
 * blocks by geometry (spacing, indentation, where a line ends, type size and
 * weight); each block is then a heading (larger or bold type, report
 * numbering), a list item (a marker) or a paragraph. A paragraph cut by a
 * column or page end is joined again when its last line ran to the margin
 * without closing the sentence.
 */
import type { Heading, Paragraph, RootContent } from 'mdast'
import { displayWidth } from '../../../text/cjk.js'
import { isTitleLike } from '../../../text/title-like.js'
import { classify } from '../../text/classify.js'
import type { DroppedText, FlowItem } from './flow.js'
import { type Box, median, weightedMode } from './geometry.js'
import { joinLines } from './join-lines.js'
import type { Line } from './lines.js'
import { listNester } from './lists.js'

/** Type this much larger than the body text is heading type. */
const HEADING_RATIO = 1.12
/** A heading set in larger type has at most this many lines. */
const HEADING_LINES = 3
/** Widest bold heading at body size, in display columns. */
const TITLE_WIDTH = 80
/** Widest numbered heading set like body text (as wide as the text reader allows). */
const PLAIN_TITLE_WIDTH = 60
const SENTENCE_END = /[.!?。！？:：;；…"”’)）」』]$/u

interface Block {
  lines: Line[]
  region: Box
}

type Part = { kind: 'block'; block: Block } | { kind: 'node'; node: RootContent } | { kind: 'break' }

export type TableItem = Extract<FlowItem, { kind: 'table' }>

interface Stats {
  bodySize: number
  /** Usual baseline distance within a paragraph, in font sizes. */
  pitch: number
  /** Heading level for each (rounded) heading type size. */
  levelBySize: Map<number, number>
  /** Level for bold headings at body size. */
  boldLevel: number
  /** Column stretches set flush right, ragged left. */
  raggedLeft: Set<Box>
}

const roundSize = (size: number) => Math.round(size * 2) / 2
/** Dashes and boxes used as bullets in print, seen as the `-` marker the text classifier knows. */
const itemView = (text: string) => text.replace(/^[–—][ \t\u3000]+(?=\S)/u, '- ').replace(/^[☐☑☒❏❑][ \t\u3000]*(?=\S)/u, '- ')

function isItemLine(line: Line): boolean {
  return classify(itemView(line.text)).kind === 'item'
}

/** Whether line `b` goes on in the block that `a` ends. */
function continues(block: Block, a: Line, b: Line, stats: Stats): boolean {
  const size = Math.max(a.size, b.size)
  if (b.y <= a.y) return false
  // Paragraph spacing: more than the usual line pitch (which is very regular within a paragraph).
  if (b.y - a.y > size * (stats.pitch * 1.15 + 0.1)) return false
  if (Math.abs(a.size - b.size) > 0.12 * size) return false
  if (a.bold !== b.bold) return false
  if (isItemLine(b) || classify(b.text).kind === 'numbered') return false
  const headingType = a.size >= stats.bodySize * HEADING_RATIO
  const region = block.region
  const width = region.x2 - region.x1
  const first = block.lines[0]
  if (isItemLine(first)) {
    // Item text wraps under its own text (hanging indent) or back to the margin.
    return b.x1 > first.x1 + size * 0.3 || a.x2 >= region.x2 - size * 1.5
  }
  if (headingType) return block.lines.length < HEADING_LINES
  // Centred lines (a title, a caption) go on when both sit on the region's centre line.
  const centre = (region.x1 + region.x2) / 2
  const centred = (l: Line) => Math.abs((l.x1 + l.x2) / 2 - centre) < size && l.x1 > region.x1 + size
  if (centred(a) && centred(b)) return true
  // Where this text block's lines end: a paragraph may be narrower than its column.
  const right = Math.max(b.x2, ...block.lines.map((l) => l.x2))
  const local = right - region.x1
  const endsShort = a.x2 < right - Math.max(size * 1.5, local * 0.1)
  if (endsShort && (SENTENCE_END.test(a.text) || a.x2 < right - local * 0.3 || a.x2 < region.x2 - width * 0.35)) return false
  // Right-aligned text (ragged left) starts its lines anywhere: indentation says nothing there.
  if (stats.raggedLeft.has(region)) return true
  const indented = b.x1 > region.x1 + size * 0.8 && b.x1 > a.x1 + size * 0.8
  return !indented
}

function collectStats(flow: readonly FlowItem[]): Stats {
  const lines = flow.flatMap((item) => (item.kind === 'line' ? [item] : []))
  const bodySize = weightedMode(lines.map(({ line }) => ({ value: line.size, weight: Array.from(line.text).length })))
  const ratios: number[] = []
  for (let k = 1; k < lines.length; k++) {
    const a = lines[k - 1].line
    const b = lines[k].line
    if (lines[k - 1].region !== lines[k].region || roundSize(a.size) !== bodySize || roundSize(b.size) !== bodySize) continue
    const r = (b.y - a.y) / a.size
    if (r > 0.8 && r < 2.5) ratios.push(r)
  }
  return { bodySize, pitch: ratios.length > 0 ? median(ratios) : 1.25, levelBySize: new Map(), boldLevel: 2, raggedLeft: raggedLeftRegions(lines) }
}

/** Regions whose lines mostly end flush right while most start well in from the left. */
function raggedLeftRegions(lines: readonly { line: Line; region: Box }[]): Set<Box> {
  const byRegion = new Map<Box, Line[]>()
  for (const { line, region } of lines) {
    const list = byRegion.get(region)
    if (list) list.push(line)
    else byRegion.set(region, [line])
  }
  const out = new Set<Box>()
  for (const [region, list] of byRegion) {
    if (list.length < 4) continue
    const flushRight = list.filter((l) => l.x2 >= region.x2 - l.size * 0.3).length
    const inset = list.filter((l) => l.x1 > region.x1 + l.size * 2).length
    if (flushRight >= list.length * 0.8 && inset >= list.length * 0.5) out.add(region)
  }
  return out
}

/** Lines → blocks; tables and ready paragraphs become nodes; breaks pass through. */
function groupBlocks(flow: readonly FlowItem[], stats: Stats, toTable: (table: TableItem) => RootContent): Part[] {
  const parts: Part[] = []
  let current: Block | null = null
  for (const item of flow) {
    if (item.kind === 'line') {
      const last = current?.lines[current.lines.length - 1]
      if (current && last && current.region === item.region && continues(current, last, item.line, stats)) {
        current.lines.push(item.line)
      } else {
        current = { lines: [item.line], region: item.region }
        parts.push({ kind: 'block', block: current })
      }
    } else {
      current = null
      if (item.kind === 'break') parts.push({ kind: 'break' })
      else parts.push({ kind: 'node', node: item.kind === 'table' ? toTable(item) : paragraph(item.text) })
    }
  }
  return parts
}

const blockText = (block: Block) => block.lines.map((l) => l.text).reduce((a, b) => joinLines(a, b), '')

type Role = { kind: 'heading'; level: number } | { kind: 'item' } | { kind: 'paragraph' }

/** Size-ranked heading levels, shifted so numbered headings keep their numbering's level. */
function headingLevels(parts: readonly Part[], stats: Stats): void {
  const sizes = new Set<number>()
  const numbered: { size: number; level: number }[] = []
  for (const part of parts) {
    if (part.kind !== 'block') continue
    const { lines } = part.block
    const size = roundSize(lines[0].size)
    if (lines.length <= HEADING_LINES && lines[0].size >= stats.bodySize * HEADING_RATIO) {
      sizes.add(size)
      const line = classify(blockText(part.block))
      if (line.kind === 'numbered') numbered.push({ size, level: line.level })
    }
  }
  const ranked = [...sizes].sort((a, b) => b - a)
  let offset = 0
  for (const n of numbered) offset = Math.max(offset, n.level - (ranked.indexOf(n.size) + 1))
  ranked.forEach((size, i) => stats.levelBySize.set(size, Math.min(6, i + 1 + offset)))
  stats.boldLevel = Math.min(6, ranked.length + 1 + offset)
}

function roleOf(block: Block, stats: Stats): Role {
  const text = blockText(block)
  const first = block.lines[0]
  const line = classify(text)
  if (block.lines.length <= HEADING_LINES && first.size >= stats.bodySize * HEADING_RATIO && displayWidth(text) <= 200) {
    return { kind: 'heading', level: stats.levelBySize.get(roundSize(first.size)) ?? 1 }
  }
  if (block.lines.length === 1 && first.bold && isTitleLike(text, TITLE_WIDTH)) {
    return { kind: 'heading', level: line.kind === 'numbered' ? line.level : stats.boldLevel }
  }
  if (classify(itemView(text)).kind === 'item') return { kind: 'item' }
  if (line.kind === 'numbered' && block.lines.length === 1 && isTitleLike(text, PLAIN_TITLE_WIDTH)) {
    return { kind: 'heading', level: line.level }
  }
  return { kind: 'paragraph' }
}

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })
const heading = (level: number, text: string): Heading => ({
  type: 'heading',
  depth: Math.min(6, Math.max(1, level)) as Heading['depth'],
  children: [{ type: 'text', value: text }]
})

/** Whether a paragraph cut by a column or page end goes on in `next`. */
function flowsOn(prev: Block, next: Block, stats: Stats): boolean {
  const last = prev.lines[prev.lines.length - 1]
  const first = next.lines[0]
  if (Math.abs(last.size - first.size) > 0.12 * Math.max(last.size, first.size)) return false
  if (last.size >= stats.bodySize * HEADING_RATIO || last.bold !== first.bold) return false
  if (SENTENCE_END.test(last.text)) return false
  const blockRight = Math.max(...prev.lines.map((l) => l.x2))
  const full = last.x2 >= prev.region.x2 - last.size * 1.5 || (prev.lines.length > 1 && last.x2 >= blockRight - last.size * 1.5)
  if (!full) return false
  return first.x1 <= next.region.x1 + first.size * 0.5
}

/** Blocks and the rest → mdast, lists nested by the markers' indentation. */
function toNodes(parts: readonly Part[], stats: Stats, dropped?: DroppedText[]): RootContent[] {
  const out: RootContent[] = []
  const lists = listNester(out)
  let lastParagraph: { node: Paragraph; block: Block } | null = null
  let broken = false
  for (const part of parts) {
    if (part.kind === 'break') {
      broken = true
      continue
    }
    if (part.kind === 'node') {
      lists.close()
      lastParagraph = null
      broken = false
      out.push(part.node)
      continue
    }
    const block = part.block
    const role = roleOf(block, stats)
    const text = blockText(block)
    if (role.kind === 'paragraph' && lastParagraph && broken && flowsOn(lastParagraph.block, block, stats)) {
      const value = lastParagraph.node.children[0]
      if (value?.type === 'text') value.value = joinLines(value.value, text)
      lastParagraph.block = block
      broken = false
      continue
    }
    broken = false
    lastParagraph = null
    const item = role.kind === 'item' ? classify(itemView(text)) : null
    if (item?.kind === 'item') {
      const first = block.lines[0]
      // The marker is said by the list; its characters are reported, not lost.
      const at = text.lastIndexOf(item.text)
      const marker = at >= 0 ? text.slice(0, at) : text
      if (marker.trim()) dropped?.push({ page: first.page, text: marker.trim(), reason: 'list-marker' })
      lists.add({ ordered: item.ordered, start: item.start, text: item.text, markerX: first.x1 - block.region.x1, size: first.size })
      continue
    }
    lists.close()
    if (role.kind === 'heading') out.push(heading(role.level, text))
    else {
      const node = paragraph(text)
      out.push(node)
      lastParagraph = { node, block }
    }
  }
  return out
}

/** The flow of a whole document → mdast blocks (`toTable` turns a table into its node). */
export function buildBlocks(flow: readonly FlowItem[], toTable: (table: TableItem) => RootContent, dropped?: DroppedText[]): RootContent[] {
  const stats = collectStats(flow)
  const parts = groupBlocks(flow, stats, toTable)
  headingLevels(parts, stats)
  return toNodes(parts, stats, dropped)
}
