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
    } else if (previousBlank && !blank && /^[^\s]/.test(line) && !LIST_ITEM.test(line)) {
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
