/**
 * The gold-table model of the development set and the conventions every
 * extractor shares: one-line cell text, header rows, row-label columns,
 * and a validity check (rectangular, spans inside the grid, no overlaps).
 *
 * A table is stored row by row, HTML-style: each row lists only the cells
 * that start in it, each { text, rowSpan?, colSpan?, header? }.
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** Whitespace (newlines, tabs, nbsp) collapsed: a pasted cell is one line. */
export const oneLine = (s) => String(s ?? '').replace(/[\s\u00a0\u3000]+/gu, ' ').trim()

const NUMERIC = /^[\s(（−\-–+$€£¥￥]*[\d.,]+[\d.,\s]*[%‰)）]*(\s*(million|billion|thousand|[a-zA-Z%]{0,4}|[万亿元个人次]{1,2}))?$/u
const PLACEHOLDER = /^([-–—.…*x×]|n\/?a|N\/?A|nil|none|无|—+)$/u
export const numeric = (s) => s !== '' && NUMERIC.test(s) && /\d/.test(s)

/** Why a stored table is not a valid gold grid, or null when it is. */
export function invalid(table) {
  const { rows } = table
  if (!Array.isArray(rows) || rows.length < 2) return 'fewer than 2 rows'
  const owner = []
  let cols = 0
  for (let r = 0; r < rows.length; r++) {
    owner[r] ??= []
    let c = 0
    for (const cell of rows[r]) {
      while (owner[r][c]) c++
      const rs = cell.rowSpan ?? 1
      const cs = cell.colSpan ?? 1
      if (!Number.isInteger(rs) || !Number.isInteger(cs) || rs < 1 || cs < 1) return `row ${r}: bad span`
      if (r + rs > rows.length) return `row ${r}: rowSpan past the last row`
      if (typeof cell.text !== 'string' || /[\t\n\r]/.test(cell.text)) return `row ${r}: cell text not one line`
      for (let y = r; y < r + rs; y++) {
        owner[y] ??= []
        for (let x = c; x < c + cs; x++) {
          if (owner[y][x]) return `row ${y}: overlapping cells at column ${x}`
          owner[y][x] = true
        }
      }
      c += cs
    }
    cols = Math.max(cols, owner[r].length)
  }
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < cols; c++) if (!owner[r][c]) return `row ${r}: slot ${c} empty (not rectangular)`
  }
  if (cols !== table.cols) return `cols ${table.cols} stored, ${cols} found`
  if (!(table.headerRows >= 0 && table.headerRows < rows.length)) return 'headerRows out of range'
  return null
}

/**
 * Turn a slot-complete cell list (positions known) into a stored table:
 * pads short rows with empty cells, applies the header conventions.
 *  - headerRows: the source's own marking when it has one (thead, tblHeader,
 *    column_header), else the first row, extended down while a cell of the
 *    head spans into the next row (a multi-row head), keeping one body row.
 *  - row labels: body cells of column 0 are header cells when that column is
 *    all labels (no numbers) and the other body columns hold mostly numbers,
 *    or when a column-0 cell groups rows (rowSpan > 1).
 */
export function buildTable(meta, rawCells, { headerRows: marked } = {}) {
  const positioned = collapse(rawCells)
  const nRows = Math.max(...positioned.map((c) => c.row + c.rowSpan))
  const owner = Array.from({ length: nRows }, () => [])
  for (const c of positioned) for (let y = c.row; y < c.row + c.rowSpan; y++) for (let x = c.col; x < c.col + c.colSpan; x++) owner[y][x] = c
  const cols = Math.max(...owner.map((r) => r.length))
  const cells = [...positioned]
  for (let y = 0; y < nRows; y++) for (let x = 0; x < cols; x++) if (!owner[y][x]) {
    const pad = { row: y, col: x, rowSpan: 1, colSpan: 1, text: '' }
    owner[y][x] = pad
    cells.push(pad)
  }
  let headerRows = marked ?? 0
  if (!marked) {
    headerRows = 1
    // A head cell reaching into the next row, or a column group whose members sit in the next row.
    const spanning = () => cells.some((c) => c.row < headerRows && c.row + c.rowSpan > headerRows)
    const grouping = () => cells.some((c) => c.row === headerRows - 1 && c.colSpan > 1 && c.colSpan < cols && c.text !== '')
    while (headerRows < Math.min(4, nRows - 1) && (spanning() || grouping())) headerRows++
    if (headerRows >= nRows) headerRows = nRows - 1
  }
  const body = cells.filter((c) => c.row >= headerRows)
  const col0 = body.filter((c) => c.col === 0 && c.text !== '')
  const others = body.filter((c) => c.col > 0 && c.text !== '' && !PLACEHOLDER.test(c.text))
  const labelColumn = cols > 1 && col0.length > 0 && col0.every((c) => !numeric(c.text)) && others.filter((c) => numeric(c.text)).length >= 0.6 * others.length && others.length > 0
  for (const c of cells) {
    c.header = c.row < headerRows || (c.col === 0 && c.text !== '' && (labelColumn || (c.rowSpan > 1 && c.colSpan < cols)))
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  const rows = Array.from({ length: nRows }, () => [])
  for (const c of cells) {
    const out = { text: c.text }
    if (c.rowSpan > 1) out.rowSpan = c.rowSpan
    if (c.colSpan > 1) out.colSpan = c.colSpan
    if (c.header) out.header = true
    rows[c.row].push(out)
  }
  return { ...meta, headerRows, cols, rows }
}

/**
 * Drop grid lines no cell uses: a Word grid column that every row spans
 * across, or a row wholly covered by cells from above. A paste cannot show
 * them, and HTML/Markdown would not have them either.
 */
function collapse(cells) {
  const colEdges = new Set(cells.flatMap((c) => [c.col, c.col + c.colSpan]))
  const rowEdges = new Set(cells.flatMap((c) => [c.row, c.row + c.rowSpan]))
  const cx = [...colEdges].sort((a, b) => a - b)
  const ry = [...rowEdges].sort((a, b) => a - b)
  const ci = new Map(cx.map((v, i) => [v, i]))
  const ri = new Map(ry.map((v, i) => [v, i]))
  return cells.map((c) => ({
    ...c,
    row: ri.get(c.row),
    col: ci.get(c.col),
    rowSpan: ri.get(c.row + c.rowSpan) - ri.get(c.row),
    colSpan: ci.get(c.col + c.colSpan) - ci.get(c.col)
  }))
}

/** Tables worth keeping: ≥ 2 rows and columns, some text, no cell a pasted line cannot hold. */
export function keep(table) {
  if (table.language !== 'en' && table.language !== 'zh') return false
  if (table.rows.length < 2 || table.cols < 2) return false
  const texts = table.rows.flat().map((c) => c.text)
  if (texts.filter((t) => t !== '').length < 3) return false
  if (texts.some((t) => t.includes('|'))) return false
  return invalid(table) === null
}

/**
 * Sources kept out of tuning: the repair may be measured on them, never shaped by
 * them. About a third of the sources, chosen to span both languages and several domains.
 */
export const HELD_OUT = new Set(['icdar2013', 'poitl-docx', 'openharmony-docs'])

export function writeSource(file, source, tables) {
  const split = HELD_OUT.has(source.source) ? 'held-out' : 'dev'
  const kept = tables.filter(keep).map((t) => ({ ...t, split }))
  writeFileSync(file, `${JSON.stringify({ ...source, split, tables: kept }, null, 0).replace(/\{"id"/g, '\n{"id"')}\n`)
  return kept.length
}

const DOMAINS = JSON.parse(readFileSync(new URL('./domains.json', import.meta.url), 'utf8'))
/** A table's domain: by its id, else by its file (id without #n), else the source's default. */
export const domainOf = (id, fallback) => DOMAINS[id] ?? DOMAINS[id.replace(/#\d+$/, '')] ?? fallback

/** Only English and Chinese tables are in the set (a Korean table in a source is left out). */
export function languageOf(texts) {
  const all = texts.join(' ')
  if (/[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Cyrillic}]/u.test(all)) return null
  return /\p{Script=Han}/u.test(all) ? 'zh' : 'en'
}

/** A CSV file as rows of one-line fields (RFC 4180 quoting; a tab-separated line splits on tabs). */
export function parseCsv(text) {
  const rows = []
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue
    if (line.includes('\t')) {
      // anes96 is tab-separated with 'quoted' names.
      rows.push(line.split('\t').map((f) => oneLine(f.replace(/^'(.*)'$/, '$1'))))
      continue
    }
    const fields = []
    let cur = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') cur += line[++i]
        else if (ch === '"') quoted = false
        else cur += ch
      } else if (ch === '"') quoted = true
      else if (ch === ',') {
        fields.push(cur)
        cur = ''
      } else cur += ch
    }
    fields.push(cur)
    rows.push(fields.map(oneLine))
  }
  return rows
}

/** Start rows of up to `most` disjoint windows of `size` rows, spread from the start to the end of `length` rows. */
export function windows(length, size, most) {
  const room = length - size
  if (room < 0) return length > 0 ? [0] : []
  const starts = []
  for (let k = 0; k < most; k++) {
    const s = Math.floor((room * k) / Math.max(1, most - 1))
    if (starts.length === 0 || s >= starts[starts.length - 1] + size) starts.push(s)
  }
  return starts
}
