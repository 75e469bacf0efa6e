/**
 * A table read aloud, one record per data row, every value with all its
 * headers, so that merged headers are never lost:
 *
 *     (本列数据的勾稽关系为：…) / 申请人情况:
 *     * 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 — 自然人: 0; 法人或其他组织 [商业企业: 0; 科研机构: 0; …]; 总计: 0
 *
 * - A record is `row headers — values`; the row headers are the header cells
 *   covering the row's leading slots, outermost first.
 * - A value is `column headers: value`, its column headers being the head
 *   cells above it joined with ` / `; neighbouring values under the same
 *   parent headers are grouped as `parent [leaf: value; leaf: value]`.
 * - A header spanning every value of a block (`申请人情况`) is said once, in
 *   the line that opens the block, with the head cells that sit above no
 *   value (the corner cell); likewise a section row (`第二十条第（五）项`)
 *   opens the block of rows below it.
 * - An empty value is `—`.
 */
import { analyzeHeaders, type HeaderBlock, type HeaderModel } from '../../tables/header-model.js'
import type { TextGrid } from './table-grid.js'

/** One record or block line, before wrapping. */
export interface LinearLine {
  kind: 'section' | 'intro' | 'record'
  text: string
}

interface Item {
  path: string[]
  value: string
}

const EMPTY_VALUE = '—'
const inline = (text: string) => text.replace(/\n/g, ' / ').trim()

function formatItems(items: Item[]): string {
  const out: string[] = []
  let i = 0
  while (i < items.length) {
    const parent = items[i].path.slice(0, -1)
    const key = parent.join(' / ')
    let j = i + 1
    while (key && j < items.length && items[j].path.length === parent.length + 1 && items[j].path.slice(0, -1).join(' / ') === key) j++
    if (j - i >= 2) {
      const inner = items.slice(i, j).map((item) => `${item.path[item.path.length - 1]}: ${item.value}`)
      out.push(`${key} [${inner.join('; ')}]`)
    } else {
      const item = items[i]
      out.push(item.path.length > 0 ? `${item.path.join(' / ')}: ${item.value}` : item.value)
    }
    i = j
  }
  return out.join('; ')
}

/** Head cells of a block that head every value (and are not the leaf of any) or head no value at all. */
function blockIntro(grid: TextGrid, model: HeaderModel, block: HeaderBlock): { intro: number[]; common: Set<number> } {
  const rows = new Set(block.rows)
  const paths = [...model.headers.entries()].filter(([index]) => rows.has(grid.cells[index].row)).map(([, h]) => h.columns)
  const inPaths = new Set(paths.flatMap((levels) => levels.flat()))
  // A head in an outer level of every value's path (never a value's own column header).
  const common = new Set([...inPaths].filter((head) => paths.every((levels) => levels.slice(0, -1).some((level) => level.includes(head)))))
  const headCells = block.headRows.flatMap((r) => model.owner[r]).filter((v, i, all) => all.indexOf(v) === i)
  const intro = headCells.filter((index) => {
    const text = grid.cells[index].content.trim()
    if (!text || block.section.includes(index)) return false
    if (block.rows.length === 0) return true
    return common.has(index) || !inPaths.has(index)
  })
  return { intro, common }
}

/** The table as block lines and records. */
export function linearLines(grid: TextGrid): LinearLine[] {
  const model = analyzeHeaders(grid, (text) => text.trim() === '')
  const text = (index: number) => inline(grid.cells[index].content)
  const lines: LinearLine[] = []
  let lastSection = ''
  let lastIntro = ''
  for (const block of model.blocks) {
    const section = block.section.map(text).join(' / ')
    if (section && section !== lastSection) {
      lines.push({ kind: 'section', text: section })
      lastIntro = ''
    }
    lastSection = section
    const { intro, common } = blockIntro(grid, model, block)
    const introText = intro.map(text).join(' / ')
    if (introText && introText !== lastIntro) lines.push({ kind: 'intro', text: `${introText}:` })
    lastIntro = introText

    for (const r of block.rows) {
      const rowPath = model.rowPaths.get(r) ?? []
      const items: Item[] = []
      const seen = new Set<number>()
      for (const index of model.owner[r]) {
        const cell = grid.cells[index]
        if (seen.has(index) || cell.row !== r || rowPath.includes(index)) continue
        seen.add(index)
        // An empty header cell says nothing; an empty value is still said, as `—`.
        if (cell.header && !cell.content.trim()) continue
        const levels = model.headers.get(index)?.columns ?? []
        const path = levels.map((level) => level.filter((head) => !common.has(head)).map(text).join(' + ')).filter(Boolean)
        items.push({ path, value: text(index) || EMPTY_VALUE })
      }
      const label = rowPath.map(text).join(' / ')
      const values = formatItems(items)
      if (label || values) lines.push({ kind: 'record', text: label && values ? `${label} — ${values}` : label || values })
    }
  }
  return lines
}
