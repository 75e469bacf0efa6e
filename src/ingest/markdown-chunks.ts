/**
 * Cut Markdown into runs of top-level blocks that parse the same apart as
 * together. micromark takes quadratic time in the number of containers it
 * closes (every block quote or list that ends re-splices the whole event
 * list), so 50,000 block quotes took minutes; parsed in runs of a few dozen
 * blocks, any document parses in linear time.
 *
 * A cut goes before a line that starts a new top-level block no earlier
 * construct can claim: after a blank line, at column 0, not a list item (it
 * could continue a loose list), and outside fenced code and multi-line HTML
 * blocks. Documents with link reference or footnote definitions are never
 * cut, since a definition anywhere applies everywhere.
 */

export interface MarkdownChunk {
  text: string
  /** 0-based line and character offset of the chunk in the whole text. */
  line: number
  offset: number
  /**
   * For the later parts of a long GFM table: its head and delimiter rows
   * (two lines, each ending in `\n`), which the part is parsed after so its
   * rows read as they do in the whole table. The head's rows are not part
   * of `text`; the parser's caller drops them.
   */
  tableHead?: string
}

/**
 * Body rows per part of a long GFM table. micromark keeps every event of a
 * block until the block ends, about 1 KiB per cell: a 10 MB table took
 * 1.5 GiB. Parsed a few hundred rows at a time, it takes a few MiB at once.
 */
export const TABLE_ROWS_PER_PART = 256

const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/
/** A line that could start another block and so end a table (or be read differently apart from it). */
const BLOCK_START = /^ {0,3}([>#<]|`{3}|~{3}|[-+*]([ \t]|$)|\d{1,9}[.)]([ \t]|$))|^( {4}|\t)/

/** Lines from `from` on that are plain table rows (each with a pipe, none starting another block). */
function tableRowsEnd(lines: readonly string[], from: number): number {
  let j = from
  while (j < lines.length && lines[j]!.includes('|') && lines[j]!.trim() !== '' && !BLOCK_START.test(lines[j]!)) j++
  return j
}

/** Top-level blocks per chunk: few enough that micromark's quadratic term stays small. */
const BLOCKS_PER_CHUNK = 32

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const HTML_BLOCK_OPENERS: [RegExp, RegExp][] = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]
const LIST_ITEM = /^(\d{1,9}[.)]|[-+*])([ \t]|$)/
const DEFINITION = /^ {0,3}\[(\^)?[^\]\n]+\]:/m

/**
 * A GFM table starting at line `i` that is long enough to parse in parts, and
 * safe to: it ends at a blank line or the end of the text (a line of another
 * kind would continue it as a row, which a part apart would not).
 */
function longTableAt(lines: readonly string[], i: number): { end: number } | null {
  const head = lines[i]!
  if (!head.includes('|') || BLOCK_START.test(head) || !DELIMITER_ROW.test(lines[i + 1] ?? '')) return null
  const end = tableRowsEnd(lines, i + 2)
  if (end - (i + 2) <= TABLE_ROWS_PER_PART) return null
  if (end < lines.length && lines[end]!.trim() !== '') return null
  return { end }
}

export function markdownChunks(text: string): MarkdownChunk[] {
  if (DEFINITION.test(text)) return [{ text, line: 0, offset: 0 }]
  const chunks: MarkdownChunk[] = []
  const lines = text.split('\n')
  let start = { line: 0, offset: 0 }
  let offset = 0
  let blocks = 0
  let fence: string | null = null
  let htmlEnd: RegExp | null = null
  let previousBlank = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const blank = line.trim() === ''
    if (fence !== null) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = null
    } else if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null
    } else if ((previousBlank || i === 0) && !blank && /^[^\s]/.test(line) && !LIST_ITEM.test(line)) {
      const table = longTableAt(lines, i)
      if (table) {
        // The table gets chunks of its own: one with its head and first rows, then parts of rows.
        if (offset > start.offset) chunks.push({ text: text.slice(start.offset, offset), ...start })
        let lineAt = i
        let offsetAt = offset
        const take = (count: number) => {
          let length = 0
          for (let k = lineAt; k < lineAt + count; k++) length += lines[k]!.length + 1
          const part = { text: text.slice(offsetAt, offsetAt + length), line: lineAt, offset: offsetAt }
          lineAt += count
          offsetAt += length
          return part
        }
        chunks.push(take(2 + TABLE_ROWS_PER_PART))
        const tableHead = `${line}\n${lines[i + 1]}\n`
        while (lineAt < table.end) chunks.push({ ...take(Math.min(TABLE_ROWS_PER_PART, table.end - lineAt)), tableHead })
        start = { line: lineAt, offset: offsetAt }
        blocks = 0
        i = lineAt - 1
        offset = offsetAt
        previousBlank = false
        continue
      }
      if (++blocks >= BLOCKS_PER_CHUNK && offset > start.offset) {
        chunks.push({ text: text.slice(start.offset, offset), ...start })
        start = { line: i, offset }
        blocks = 0
      }
    }
    if (fence === null && htmlEnd === null) {
      const opened = FENCE.exec(line)
      if (opened) fence = opened[1]!
      else {
        const html = HTML_BLOCK_OPENERS.find(([open]) => open.test(line))
        if (html && !html[1].test(line.replace(html[0], ''))) htmlEnd = html[1]
      }
    }
    previousBlank = blank
    offset += line.length + 1
  }
  chunks.push({ text: text.slice(start.offset), ...start })
  return chunks
}
