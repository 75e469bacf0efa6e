/**
 * Where the tables are in pasted text, and which layout each one uses.
 * A table is a run of lines of one family (pipes, tabs, aligned spaces);
 * a heading before it or prose after it has no separators and so is not a
 * row, while a section row inside it (`第二十条第（五）项 | |||`) does.
 */
import { isTitleLike } from '../text/title-like.js'
import { displayWidth } from '../text/cjk.js'
import { occurrences } from '../text/occurrences.js'
import { cellKind } from './cell-kind.js'
import { isGfmDelimiter } from './gfm.js'
import { labelSimilarity } from './infer/labels.js'
import { type Layout, MAX_TABLE_COLUMNS } from './raw.js'
import { segmentsOf } from './layouts/spaces.js'

export type LineClass = 'blank' | 'pipe' | 'pipe-cell' | 'gfm' | 'tab-row' | 'tab-cell' | 'spaces' | 'text'

/**
 * Runs of 2+ spaces (or an ideographic space) between non-space text. Two
 * spaces after a full stop are sentence spacing, not a column gap (three
 * too, from some typists); four or more are a gap, as three are after `;` or
 * `:`: a cell ending in `...`, `path;` or `Label:`, a dot leader's last dot.
 */
export const SPACE_GAP = /[^\s.!?;:](?: {2,}|\u3000+| ?\t+ ?)\S|[;:] {3,}\S|[.!?] {4,}\S/u

export function classifyLine(line: string): LineClass {
  const hasTab = line.includes('\t')
  const hasPipe = line.includes('|')
  // Most lines are prose: no separator of any kind, decided without a regex.
  if (!hasTab && !hasPipe && !line.includes('  ') && !line.includes('\u3000')) return line.trim() === '' ? 'blank' : 'text'
  if (hasTab && line.charCodeAt(0) === 9 && line.indexOf('\t', 1) === -1) return 'tab-cell'
  if (line.trim() === '') return line.includes('\t') ? 'tab-cell' : 'blank'
  if (hasTab) return 'tab-row'
  const t = line.trim()
  if (hasPipe) return classifyPipeLine(t)
  if (SPACE_GAP.test(t)) return 'spaces'
  return 'text'
}

/** A trimmed line holding pipes, in one pass: pipes and non-blank fields counted together. */
function classifyPipeLine(t: string): LineClass {
  let pipes = 0
  let fields = 0
  let inField = false
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i)
    if (code === 124) {
      pipes++
      inField = false
    } else if (!inField && !isSpaceCode(code)) {
      fields++
      inField = true
    }
  }
  if (fields === 0) return 'pipe-cell'
  if (t.charCodeAt(0) === 124) return 'gfm'
  const endsWithPipe = t.charCodeAt(t.length - 1) === 124
  if (!endsWithPipe && pipes < 2) return 'text'
  return fields <= 1 && endsWithPipe ? 'pipe-cell' : 'pipe'
}

/** What `String.prototype.trim` removes: ASCII and Unicode white space, line breaks, BOM. */
function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * Cells of a spaces table line up: some cell edge (the start of a
 * left-aligned cell after the first, or the end of a right-aligned number)
 * recurs, within a column, on most multi-cell lines. Prose with stray double
 * spaces does not line up.
 */
function columnsAlign(lines: string[]): boolean {
  // Edges of each line's cells: the start of every cell after the first, the end (negated) of every cell.
  const starts = lines.map((line) => {
    const cells = segmentsOf(line)
    if (cells.length < 2) return []
    return cells.flatMap((cell, i) => (i > 0 ? [cell.start, -cell.end] : [-cell.end]))
  }).filter((s) => s.length > 0)
  if (starts.length < 2) return false
  // Lines with an edge within one column of each position, counted once per line: linear, not lines².
  const near = new Map<number, number>()
  for (const edges of starts) {
    const covered = new Set<number>()
    for (const x of edges) for (let d = -1; d <= 1; d++) covered.add(x + d)
    for (const x of covered) near.set(x, (near.get(x) ?? 0) + 1)
  }
  const needed = Math.max(2, Math.ceil(starts.length * 0.5))
  return starts.some((edges) => edges.some((x) => (near.get(x) ?? 0) >= needed))
}

/**
 * Does every cell of `line` (from the `from`-th) line up with a cell of
 * `other` that it overlaps: the same start or the same end, within one
 * display column? That is how cells of one column sit, left- or right-aligned.
 */
function linesUp(line: string, other: string, from = 0): boolean {
  const cells = segmentsOf(line).slice(from)
  const above = segmentsOf(other)
  // A line of more cells than any table has is no table row (and comparing it cell by cell would cost cells²).
  if (cells.length > MAX_TABLE_COLUMNS || above.length > MAX_TABLE_COLUMNS) return false
  return cells.length > 0 && cells.every((s) => above.some((a) => a.start < s.end && a.end > s.start && (Math.abs(a.start - s.start) <= 1 || Math.abs(a.end - s.end) <= 1)))
}

export interface Region {
  layout: Layout
  /** First line index. */
  start: number
  /** One past the last line. */
  end: number
}

/** Short enough to be a cell's text wrapped onto its own line. */
const isShortText = (line: string) => line.trim().length > 0 && line.trim().length <= 40

/** Separator counts per line index, each line counted at most once (wrapped-cell checks look back 60 lines). */
function separatorCounter(lines: string[], code: number): (j: number) => number {
  const memo = new Map<number, number>()
  return (j) => {
    let n = memo.get(j)
    if (n === undefined) memo.set(j, (n = occurrences(lines[j], code)))
    return n
  }
}

/**
 * A line without separators between two rows: a cell's text wrapped onto
 * its own line, or a heading between two tables? It is a wrapped cell when
 * the rows around it have the same number of slots and it does not read as
 * the title of a header row that follows.
 */
function isWrappedCell(lines: string[], k: number, runStart: number, separator: (j: number) => number): boolean {
  const text = lines[k]
  if (!isShortText(text) || k === runStart || k + 1 >= lines.length) return false
  const before = separator(k - 1)
  const after = separator(k + 1)
  if (before === 0 || after === 0) return false
  const tally = new Map<number, number>()
  for (let j = Math.max(runStart, k - 60); j < k; j++) {
    const n = separator(j)
    if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1)
  }
  let usual = before
  for (const [n, c] of tally) if (c > (tally.get(usual) ?? 0)) usual = n
  if (after !== usual && after !== before) return false
  const nextHasValue = lines[k + 1].split(/[|\t]/).some((f) => cellKind(f) === 'value')
  if (resemblesSectionRow(text, lines, k)) return false
  return nextHasValue || !isTitleLike(text.replace(/[:：]/g, ' '), 60)
}

/** The one field of a line that holds a single cell (a section row), or null. */
function singleField(line: string): string | null {
  const fields = line.split(/[|\t]/).map((f) => f.trim()).filter(Boolean)
  return fields.length === 1 ? fields[0] : null
}

/**
 * A line without separators that reads like the table's own section rows
 * (`第六十条第（二）项` beside `第六十条第（一）项`): a section row whose
 * separators were lost, not a heading between two tables. Section rows are
 * looked for around the line: rows of one field, or lines touching rows.
 */
function resemblesSectionRow(text: string, lines: string[], k: number): boolean {
  const t = text.trim()
  if (!t || displayWidth(t) > 60 || /[。！？；]|[.!?;]\s/u.test(t)) return false
  const isRow = (line: string | undefined) => line !== undefined && (/[|\t]/.test(line) || SPACE_GAP.test(line.trim()))
  const touchesRows = (j: number) => isRow(lines[j - 1]) || isRow(lines[j + 1])
  for (let j = Math.max(0, k - 40); j < Math.min(lines.length, k + 40); j++) {
    if (j === k) continue
    const field = /[|\t]/.test(lines[j]) ? singleField(lines[j]) : touchesRows(j) ? lines[j].trim() || null : null
    if (field && field !== t && labelSimilarity(field, t) >= 0.5) return true
  }
  return false
}

/** Extend a run of lines while `accept` says so; returns one past the last accepted line. */
function extend(classes: LineClass[], start: number, accept: (i: number) => boolean): number {
  let i = start
  while (i < classes.length && accept(i)) i++
  return i
}

/** Drop blank lines at the end of a run. */
function trimBlank(classes: LineClass[], start: number, end: number): number {
  while (end > start && classes[end - 1] === 'blank') end--
  return end
}

/**
 * Rows at the foot of a spaces table whose other cells are empty (`19580531`
 * under dates with their readings): lines of one figure, right after the
 * run, lined up with the first cell of its last row, itself a figure. Only
 * figures: a line of words after a table is as likely the next paragraph.
 */
function extendByLoneFigures(lines: string[], classes: LineClass[], start: number, end: number): number {
  const last = segmentsOf(lines[end - 1])[0]
  if (end - start < 2 || !last || cellKind(last.text) !== 'value') return end
  while (end < lines.length && classes[end] === 'text') {
    // A figure is short: a long line is not one, and is not split to find out.
    if (lines[end].trim().length > 40) break
    const cells = segmentsOf(lines[end])
    if (cells.length !== 1 || cellKind(cells[0].text) !== 'value') break
    if (Math.abs(cells[0].start - last.start) > 1 && Math.abs(cells[0].end - last.end) > 1) break
    end++
  }
  return end
}

export function findRegions(lines: string[]): Region[] {
  const classes = lines.map(classifyLine)
  const pipesAt = separatorCounter(lines, 124)
  const tabsAt = separatorCounter(lines, 9)
  const regions: Region[] = []
  // A section row that lost its separators, just above a table's first row `k`.
  const sectionRowAbove = (k: number) => k > 0 && classes[k - 1] === 'text' && resemblesSectionRow(lines[k - 1], lines, k - 1)
  // A spaces row whose other cells are empty: a text line, indented, its cells lined up on those of the row at `neighbour`.
  const indentedRow = (k: number, neighbour: number) => classes[k] === 'text' && /^ {2,}\S/u.test(lines[k]) && linesUp(lines[k], lines[neighbour])
  let i = 0
  while (i < lines.length) {
    // A line of one leading tab right above tab rows is a tab row whose first field is empty (`⇥Name` over `a⇥b`).
    const c = classes[i] === 'tab-cell' && lines[i].trim() !== '' && classes[i + 1] === 'tab-row' ? 'tab-row' : classes[i]
    if (c === 'pipe' || c === 'pipe-cell') {
      const end = extend(classes, i, (k) => {
        const ck = classes[k]
        if (ck === 'pipe' || ck === 'pipe-cell') return true
        // A row whose first field is empty (` | Cell |`) starts with a pipe, as GFM rows do; it is a GFM row only before a delimiter row.
        if (ck === 'gfm') return !isGfmDelimiter(lines[k]) && !isGfmDelimiter(lines[k + 1] ?? '')
        // A wrapped cell on its own line, between two rows.
        return ck === 'text' && ['pipe', 'pipe-cell'].includes(classes[k + 1] ?? 'blank') && isWrappedCell(lines, k, i, pipesAt)
      })
      const slice = classes.slice(i, end)
      const multi = slice.filter((x) => x === 'pipe' || x === 'gfm').length
      const single = slice.filter((x) => x === 'pipe-cell').length
      const layout: Layout = multi >= single ? 'pipe-row' : 'pipe-cell'
      if (end - i >= 2 || (multi > 0 && end - i >= 1 && lines[i].split('|').filter((f) => f.trim()).length >= 3)) {
        regions.push({ layout, start: i, end })
      }
      i = Math.max(end, i + 1)
      continue
    }
    if (c === 'gfm') {
      const end = extend(classes, i, (k) => classes[k] === 'gfm' || classes[k] === 'pipe' || classes[k] === 'pipe-cell')
      // GFM rows all start with a pipe. Where most rows do not, and no delimiter row
      // follows, the rows that do are pipe rows whose first field is empty (` | Name |`).
      const slice = classes.slice(i, end)
      const gfmRows = slice.filter((x) => x === 'gfm').length
      const delimited = lines.slice(i, end).some((line) => isGfmDelimiter(line))
      const layout: Layout = !delimited && slice.length - gfmRows > gfmRows ? (slice.filter((x) => x === 'pipe-cell').length > slice.length / 2 ? 'pipe-cell' : 'pipe-row') : 'broken-gfm'
      if (end - i >= 2) regions.push({ layout, start: i, end })
      i = Math.max(end, i + 1)
      continue
    }
    if (c === 'tab-cell' && lines[i].trim() !== '') {
      const end = trimBlank(
        classes,
        i,
        extend(classes, i, (k) => {
          const ck = classes[k]
          if (ck === 'tab-cell' || ck === 'blank') return true
          // Wrapped text of the cell on the line above, when the table goes on after it.
          if (ck === 'text' && classes[k - 1] === 'tab-cell' && lines[k - 1].trim() !== '') {
            const next = classes.slice(k + 1).find((x) => x !== 'blank')
            return next === 'tab-cell' && isShortText(lines[k]) === true
          }
          return false
        })
      )
      const cellLines = classes.slice(i, end).filter((x, k) => x === 'tab-cell' && lines[i + k].trim() !== '').length
      if (cellLines >= 3) regions.push({ layout: 'tab-cell', start: i, end })
      i = Math.max(end, i + 1)
      continue
    }
    if (c === 'tab-row') {
      const end = trimBlank(
        classes,
        i,
        extend(classes, i, (k) => {
          const ck = classes[k]
          if (ck === 'tab-row' || ck === 'tab-cell') return true
          if (ck === 'blank') {
            // One blank line inside a table: go on when tab rows follow it directly.
            return k + 1 < lines.length && (classes[k + 1] === 'tab-row') && classes[k - 1] !== 'blank'
          }
          if (ck !== 'text' || classes[k - 1] !== 'tab-row' || classes[k + 1] !== 'tab-row') return false
          return isWrappedCell(lines, k, i, tabsAt) || resemblesSectionRow(lines[k], lines, k)
        })
      )
      // Rows: tab rows, and lines of one leading tab among them (rows whose first field is empty).
      const rows = classes.slice(i, end).filter((x, k) => x === 'tab-row' || (x === 'tab-cell' && lines[i + k].trim() !== '')).length
      // The first row may be a section row that lost its tabs too.
      const start = sectionRowAbove(i) ? i - 1 : i
      if (rows >= 2) regions.push({ layout: 'tab-row', start, end })
      i = Math.max(end, i + 1)
      continue
    }
    if (c === 'spaces') {
      let end = extend(
        classes,
        i,
        (k) =>
          classes[k] === 'spaces' ||
          (classes[k] === 'text' && k + 1 < lines.length && classes[k + 1] === 'spaces' && classes[k - 1] === 'spaces') ||
          // A row whose other cells are empty, under a row.
          (classes[k - 1] === 'spaces' && indentedRow(k, k - 1))
      )
      const gaps = (line: string) => line.trim().split(/ {2,}|\u3000+|\t+/u).length
      // Two lines can be a table when both have three or more aligned cells, or when every cell lines up.
      const threeCells = end - i === 2 && gaps(lines[i]) >= 3 && gaps(lines[i]) === gaps(lines[i + 1])
      const allLineUp = end - i === 2 && gaps(lines[i]) >= 2 && linesUp(lines[i + 1], lines[i]) && linesUp(lines[i], lines[i + 1], 1)
      const enough = ((end - i >= 3 || threeCells) && columnsAlign(lines.slice(i, end))) || allLineUp
      if (enough) {
        // A head row whose other cells are empty (`       Name` over `\x41   7-bit code`), or a section row, above the first row.
        const start = i > 0 && (indentedRow(i - 1, i) || sectionRowAbove(i)) ? i - 1 : i
        // Rows of one figure at the foot join the table.
        end = extendByLoneFigures(lines, classes, i, end)
        regions.push({ layout: 'spaces', start, end })
      }
      i = Math.max(end, i + 1)
      continue
    }
    i++
  }
  return regions
}

/** Whether a run of `| … |` lines is a well-formed GFM table (head, delimiter, rows). */
export function isWellFormedGfm(lines: string[]): boolean {
  return lines.length >= 2 && isGfmDelimiter(lines[1])
}
