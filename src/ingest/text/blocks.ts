/**
 * Turn classified lines into mdast blocks: headings, paragraphs (wrapped
 * lines rejoined), lists (nested by indentation), code fences.
 * Tables are cut out before this runs and handed back as ready nodes.
 */
import type { BlockContent, Code, Heading, List, ListItem, Paragraph, RootContent } from 'mdast'
import { displayWidth, joinWrapped } from '../../text/cjk.js'
import { opensWithTabbedLeadIn } from '../../text/lead-in.js'
import { isTitleLike } from '../../text/title-like.js'
import { type Line, classify } from './classify.js'

/** A run of lines to turn into blocks, or a node made elsewhere (a table). */
export type Segment = { lines: string[]; firstLine: number } | { node: RootContent }

/** Widest a title line may be, in display columns. */
export const TITLE_WIDTH = 60
/** The very first line of a document may be a longer title. */
const DOCUMENT_TITLE_WIDTH = 110

/**
 * Deepest list nesting built from indentation. Every writer walks the tree
 * recursively, so a paste indented thousands of levels would overflow their
 * stacks; items indented deeper join the list at this depth (text kept).
 */
export const MAX_TEXT_LIST_DEPTH = 32

/** The first line after `i` that `test` accepts, or -1 (scans forward only: linear over a run). */
function nextWhere(lines: Line[], i: number, test: (line: Line) => boolean): number {
  for (let k = i + 1; k < lines.length; k++) if (test(lines[k])) return k
  return -1
}

const paragraph = (text: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: text }] })
const heading = (depth: number, text: string): Heading => ({
  type: 'heading',
  depth: Math.min(6, Math.max(1, depth)) as Heading['depth'],
  children: [{ type: 'text', value: text }]
})

/**
 * Lines of one blank-line-free run that were hard-wrapped at a fixed width.
 * Returns the wrap width, or 0 when lines are whole paragraphs.
 */
function wrapWidth(widths: number[]): number {
  if (widths.length < 2) return 0
  const max = Math.max(...widths)
  if (max < 30 || max > 160) return 0
  const near = widths.filter((w) => w >= max * 0.8).length
  return near >= 2 && near >= (widths.length - 1) * 0.5 ? max : 0
}

interface State {
  out: RootContent[]
  /** Whether anything but blank lines has been emitted (for the document title). */
  started: boolean
  /** Whether some list items were nested deeper than MAX_TEXT_LIST_DEPTH and pulled back. */
  flattened: boolean
}

export function buildBlocks(segments: Segment[]): { blocks: RootContent[]; flattened: boolean } {
  const state: State = { out: [], started: false, flattened: false }
  for (const segment of segments) {
    if ('node' in segment) {
      state.out.push(segment.node)
      state.started = true
    } else {
      buildRun(segment.lines, state)
    }
  }
  // A title needs something to head: an unnumbered short line at the very end is text.
  const last = state.out[state.out.length - 1]
  if (last?.type === 'heading' && inferred.has(last)) {
    state.out[state.out.length - 1] = { type: 'paragraph', children: last.children }
  }
  return { blocks: state.out, flattened: state.flattened }
}

/** Headings inferred from unnumbered short lines (not from `#`, underlines or numbering). */
const inferred = new WeakSet<Heading>()

function buildRun(raw: string[], state: State): void {
  const lines = raw.map(classify)
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    switch (line.kind) {
      case 'blank':
        i++
        break
      case 'atx':
        state.out.push(heading(line.level, line.text))
        state.started = true
        i++
        break
      case 'fence': {
        const end = nextWhere(lines, i, (l) => l.kind === 'fence' && l.marker.startsWith(line.marker[0]) && l.marker.length >= line.marker.length)
        const stop = end === -1 ? lines.length : end
        const code: Code = { type: 'code', lang: line.info || null, meta: null, value: raw.slice(i + 1, stop).join('\n') }
        state.out.push(code)
        state.started = true
        i = stop + 1
        break
      }
      case 'rule':
        state.out.push({ type: 'thematicBreak' })
        i++
        break
      case 'item': {
        const { list, next } = buildList(lines, i, 1, state)
        state.out.push(list)
        state.started = true
        i = next
        break
      }
      case 'underline':
      case 'numbered':
      case 'text':
        i = buildParagraphs(lines, raw, i, state)
        break
    }
  }
}

/** Text of a line for paragraph purposes. */
function lineText(line: Line, raw: string): string {
  if (line.kind === 'text' || line.kind === 'numbered') return line.text
  return raw.trim()
}

/** Paragraph-ish lines from `start` up to the next blank line or structural line. */
function buildParagraphs(lines: Line[], raw: string[], start: number, state: State): number {
  let end = start
  while (end < lines.length && ['text', 'numbered', 'underline'].includes(lines[end].kind)) end++
  const texts = lines.slice(start, end).map((l, k) => lineText(l, raw[start + k]))
  const widths = texts.map(displayWidth)
  const wrap = wrapWidth(widths)

  let k = 0
  while (k < texts.length) {
    const line = lines[start + k]
    const text = texts[k]
    const after = lines[start + k + 1]

    // Setext heading: a line underlined by === or --- of about its width.
    if (after?.kind === 'underline' && line.kind !== 'underline' && Math.abs(after.width - widths[k]) <= 2 + widths[k] * 0.2) {
      state.out.push(heading(after.level, text))
      state.started = true
      k += 2
      continue
    }
    const continuesWrapped = wrap > 0 && k > 0 && widths[k - 1] >= wrap * 0.8 && !/[。.！!？?：:]$/u.test(texts[k - 1])
    // A line that runs to the wrap width and goes on is the start of a paragraph, not a title.
    const runsOn = wrap > 0 && k + 1 < texts.length && widths[k] >= wrap * 0.8 && lines[start + k + 1].kind === 'text'
    const title = runsOn ? 0 : titleLevel(line, text, state, !continuesWrapped)
    if (title > 0) {
      const node = heading(title, text)
      if (line.kind === 'text') inferred.add(node)
      state.out.push(node)
      state.started = true
      k++
      continue
    }
    // A paragraph: this line plus the wrapped lines that continue it.
    let value = text
    while (
      wrap > 0 &&
      k + 1 < texts.length &&
      widths[k] >= wrap * 0.8 &&
      lines[start + k + 1].kind !== 'underline' &&
      !(lines[start + k + 1].kind === 'numbered' && isTitleLike(texts[k + 1], TITLE_WIDTH)) &&
      // `1.2.⇥The Buyer…` opens a clause of its own (Word's numbered paragraphs), however wide the one before.
      !opensWithTabbedLeadIn(texts[k + 1])
    ) {
      k++
      value = joinWrapped(value, texts[k])
    }
    state.out.push(paragraph(value))
    state.started = true
    k++
  }
  return end
}

/** The heading depth a line gets, or 0 when it is body text. */
function titleLevel(line: Line, text: string, state: State, standalone: boolean): number {
  if (!standalone) return 0
  if (line.kind === 'numbered') return isTitleLike(text, TITLE_WIDTH) ? line.level : 0
  if (line.kind !== 'text') return 0
  if (!state.started) return isTitleLike(text, DOCUMENT_TITLE_WIDTH) ? 1 : 0
  return isTitleLike(text, 40) && !/^[\d\s.,%-]+$/.test(text) ? 2 : 0
}

/** A list starting at `start`, nested by indentation (at `depth`); continuation lines join their item. */
function buildList(lines: Line[], start: number, depth: number, state: State): { list: List; next: number } {
  const first = lines[start] as Extract<Line, { kind: 'item' }>
  const list: List = { type: 'list', ordered: first.ordered, start: first.ordered ? first.start : null, spread: false, children: [] }
  let i = start
  let blankBefore = false
  while (i < lines.length) {
    const line = lines[i]
    if (line.kind === 'blank') {
      // A blank line ends the list unless another item of it follows.
      const nextIndex = nextWhere(lines, i, (l) => l.kind !== 'blank')
      const following = lines[nextIndex]
      if (nextIndex === -1 || following.kind !== 'item' || following.ordered !== first.ordered || following.indent < first.indent) break
      blankBefore = true
      i = nextIndex
      continue
    }
    // An item set left of this list's first one belongs to a list further out.
    if (depth > 1 && line.kind === 'item' && line.indent < first.indent) break
    const deeper = line.kind === 'item' && line.indent > first.indent + 1
    if (deeper && depth >= MAX_TEXT_LIST_DEPTH) state.flattened = true
    if (line.kind === 'item' && (!deeper || depth >= MAX_TEXT_LIST_DEPTH)) {
      if (line.ordered !== first.ordered) break
      const item: ListItem = { type: 'listItem', spread: false, children: [paragraph(line.text)] }
      list.children.push(item)
      if (blankBefore) list.spread = true
      blankBefore = false
      i++
      continue
    }
    const item = list.children[list.children.length - 1]
    if (deeper) {
      const { list: sub, next } = buildList(lines, i, depth + 1, state)
      item.children.push(sub)
      i = next
      continue
    }
    if (line.kind === 'text' && !blankBefore) {
      // A wrapped continuation of the item's text.
      const last = item.children[item.children.length - 1]
      if (last.type === 'paragraph' && last.children[0]?.type === 'text') {
        last.children[0].value = joinWrapped(last.children[0].value, line.text)
        i++
        continue
      }
    }
    break
  }
  return { list, next: i }
}

export type { BlockContent }
