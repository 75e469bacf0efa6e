import { readFileSync } from 'node:fs'
import type { Root, Table } from 'mdast'
import { beforeAll, describe, expect, it } from 'vitest'
import { mdastToText } from '../src/emit/text/index.js'
import { displayWidth } from '../src/text/cjk.js'
import { runCli } from './helpers/cli.js'
import { generatedTable } from './helpers/generated.js'
import { sampleFiles } from './helpers/samples.js'
import { cellLine, expectedCells, sampleTables } from './helpers/tables.js'

const FIXTURE = 'test/fixtures/seed-tables.html'
let seedTables: Table[]
beforeAll(async () => {
  seedTables = await sampleTables(readFileSync(FIXTURE))
})
/** The fixture's tables: 4 columns with sections, 10 columns, 15 columns under a two-level head. */
const sections = () => seedTables[0]
const applications = () => seedTables[1]
const appeals = () => seedTables[2]

const asText = (table: Table, options: { width?: number; tables?: 'auto' | 'grid' | 'linear' }) =>
  mdastToText({ type: 'root', children: [table] } satisfies Root, options).trimEnd().split('\n')

interface Record {
  rowPath: string[]
  items: { path: string[]; value: string }[]
  context: string[]
}

/** Split on `sep` outside brackets. */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') depth++
    else if (text[i] === ']') depth--
    else if (depth === 0 && text.startsWith(sep, i)) {
      out.push(text.slice(start, i))
      start = i + sep.length
    }
  }
  out.push(text.slice(start))
  return out
}

/** Read linear records back, per the format in the README ("Plain-text output"). */
function parseLinear(lines: string[]): Record[] {
  const records: Record[] = []
  let context: string[] = []
  for (const line of lines) {
    if (!line.startsWith('* ')) {
      // A section line resets the block; an intro line (ending in ':') adds to it.
      const parts = line.replace(/:$/, '').split(' / ')
      context = line.endsWith(':') ? [...context.filter((c) => !c.endsWith('§')), ...parts] : parts
      continue
    }
    const body = line.slice(2)
    const dash = body.indexOf(' — ')
    const rowPath = dash >= 0 ? body.slice(0, dash).split(' / ') : []
    const items = splitTop(dash >= 0 ? body.slice(dash + 3) : body, '; ').flatMap((item) => {
      const group = /^(.*?) \[(.*)\]$/.exec(item)
      if (group) {
        const parent = group[1].split(' / ')
        return splitTop(group[2], '; ').map((inner) => {
          const colon = inner.lastIndexOf(': ')
          return { path: [...parent, inner.slice(0, colon)], value: inner.slice(colon + 2) }
        })
      }
      const colon = item.lastIndexOf(': ')
      return colon >= 0 ? [{ path: item.slice(0, colon).split(' / '), value: item.slice(colon + 2) }] : [{ path: [], value: item }]
    })
    records.push({ rowPath, items, context })
  }
  return records
}

/** Every data cell of the table is in the linear text, in order, with every one of its headers. */
function expectEveryValueWithItsHeaders(table: Table): void {
  const lines = asText(table, { tables: 'linear', width: 100_000 })
  const records = parseLinear(lines)
  const cells = expectedCells(table)
  const rows = [...new Set(cells.map((c) => c.row))]
  expect(records.length).toBe(rows.length)
  rows.forEach((row, k) => {
    const record = records[k]
    const inRow = cells.filter((c) => c.row === row)
    expect(record.items.map((i) => i.value)).toEqual(inRow.map((c) => c.value || '—'))
    inRow.forEach((cell, i) => {
      expect(record.rowPath).toEqual(cell.rowHeaders)
      const spoken = new Set([...record.items[i].path.flatMap((p) => p.split(' + ')), ...record.context])
      for (const header of cell.otherHeaders) expect(spoken, `${header} for ${cell.value} in row ${row}`).toContain(header)
      for (const part of record.items[i].path) expect(cell.otherHeaders).toContain(part)
    })
  })
}

describe('tables in plain text', () => {
  it('draws a table that fits as an aligned grid, merged cells merged, CJK counted double width', () => {
    const lines = asText(sections(), { width: 80 })
    expect(lines[0]).toMatch(/^\+-+\+$/)
    // Every line of the grid is exactly as wide as the border: columns line up.
    const widths = new Set(lines.map(displayWidth))
    expect(widths.size).toBe(1)
    expect([...widths][0]).toBeLessThanOrEqual(80)
    // The section row spans the whole width: no inner column rule on its line.
    const section = lines.find((l) => l.includes('第二十条第（五）项'))!
    expect(section.match(/\|/g)).toHaveLength(2)
    // A row's cells sit on one line, in order.
    expect(lines.find((l) => l.includes('行政规范性文件'))).toMatch(/^\| 行政规范性文件 +\| 1 +\| 0 +\| 1 +\|$/)
    // The head is ruled off from the body with '='.
    expect(lines.findIndex((l) => l.startsWith('+='))).toBe(lines.findIndex((l) => l.includes('本年制发件数')) + 1)
  })

  it('wraps long cells inside their columns when that lets the grid fit', () => {
    const lines = asText(applications(), { width: 120 })
    expect(lines[0].startsWith('+')).toBe(true)
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(120)
    expect(new Set(lines.map(displayWidth)).size).toBe(1)
    // The long corner note is wrapped, not cut: all its characters are there, in order.
    const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
    const corner = lines.map((l) => l.split('|')[1] ?? '').join('').replace(/[\s=+-]/g, '')
    expect(corner.startsWith(note.replace(/\s/g, ''))).toBe(true)
  })

  it('reads a table too wide for the line as records, one per data row, every line within the width', () => {
    for (const table of [applications(), appeals()]) {
      const lines = asText(table, { width: 80 })
      expect(lines.some((l) => l.startsWith('+'))).toBe(false)
      expect(lines.filter((l) => l.startsWith('* ')).length).toBe(new Set(expectedCells(table).map((c) => c.row)).size)
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80)
    }
    const record = asText(applications(), { width: 80 }).join('\n').replace(/\n {2}/g, '')
    expect(record).toContain('* 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 — 自然人: 0; 法人或其他组织 [商业企业: 0; 科研机构: 0; 社会公益组织: 0; 法律服务机构: 0; 其他: 0]; 总计: 0')
  })

  it('says a header that spans every value once, before the records, with the corner cell', () => {
    const lines = asText(applications(), { tables: 'linear', width: 100_000 })
    expect(lines[0]).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） / 申请人情况:')
    expect(lines.slice(1).join('\n')).not.toContain('申请人情况')
  })

  it('keeps a header that is a value’s own column header even when it spans every value', () => {
    const lines = asText(sections(), { tables: 'linear', width: 100_000 })
    expect(lines).toContain('第二十条第（五）项')
    expect(lines).toContain('* 行政许可 — 本年处理决定数量: 0')
  })

  it('reads tables as records with --tables linear even when the grid would fit', () => {
    const lines = asText(sections(), { tables: 'linear', width: 80 })
    expect(lines.some((l) => l.startsWith('+'))).toBe(false)
    expect(lines).toContain('* 规章 — 本年制发件数: 0; 本年废止件数: 0; 现行有效件数: 0')
  })

  it('draws a grid with --tables grid even when it is wider than the line', () => {
    const lines = asText(appeals(), { tables: 'grid', width: 80 })
    expect(lines[0].startsWith('+')).toBe(true)
    expect(Math.max(...lines.map(displayWidth))).toBeGreaterThan(80)
  })

  it('prints a caption the source gave above the table', () => {
    const table: Table = { ...sections(), data: { ...sections().data, caption: '表1 主动公开情况' } }
    expect(asText(table, { width: 80 })[0]).toBe('表1 主动公开情况')
    expect(asText(table, { width: 80, tables: 'linear' })[0]).toBe('表1 主动公开情况')
  })

  it('keeps every cell value with all its headers in the records of the seeds’ table structures', () => {
    expect(seedTables).toHaveLength(3)
    for (const table of seedTables) expectEveryValueWithItsHeaders(table)
  })

  it('keeps every cell value with all its headers in generated tables of every shape, and keeps grids aligned', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const table = generatedTable(seed)
      expectEveryValueWithItsHeaders(table)
      const grid = asText(table, { tables: 'grid', width: 80 })
      expect(new Set(grid.map(displayWidth)).size, `seed ${seed}`).toBe(1)
      for (const line of asText(table, { width: 60 })) expect(displayWidth(line), `seed ${seed}`).toBeLessThanOrEqual(60)
    }
  })

  it('keeps every cell value with all its headers in the plain text of every sample', async () => {
    for (const file of sampleFiles) {
      for (const table of await sampleTables(readFileSync(file))) expectEveryValueWithItsHeaders(table)
    }
  })
})

describe('docmend convert --to txt', () => {
  it('wraps at --width and reads tables as records with --tables linear', async () => {
    const run = await runCli(['convert', FIXTURE, '--to', 'txt', '--width', '50', '--tables', 'linear'])
    expect(run.code).toBe(0)
    const lines = run.stdout.toString('utf8').split('\n')
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(50)
    expect(lines.some((l) => l.startsWith('* 规章 — '))).toBe(true)
    // Headings are underlined to their display width.
    const at = lines.indexOf('二、主动公开政府信息情况')
    expect(lines[at + 1]).toBe('-'.repeat(displayWidth(lines[at])))
  })
})

// The cell texts the oracle compares are single lines, as in the records.
it('compares cell texts as the records print them', () => {
  expect(cellLine('北京\n市区')).toBe('北京 / 市区')
})
