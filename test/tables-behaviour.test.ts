import { describe, expect, it } from 'vitest'
import { splitLines, textToMdast } from '../src/ingest/text/index.js'
import { findTables } from '../src/tables/index.js'

const tables = (text: string) => findTables(splitLines(text))
const rows = (text: string) =>
  tables(text).map((t) => Array.from({ length: t.grid.rows }, (_, r) => t.grid.cells.filter((c) => c.row === r).map((c) => `${c.content}${c.rowSpan > 1 || c.colSpan > 1 ? `@${c.rowSpan}x${c.colSpan}` : ''}`)))

describe('table repair, case by case', () => {
  it('keeps prose typed with two spaces after each full stop as prose', () => {
    const prose = 'This is a sentence.  This is another one that goes on.\nHere the writer continues.  Two spaces after every stop.\nAnd a third line.  It ends here.\n'
    expect(tables(prose)).toEqual([])
  })

  it('reads a table aligned with spaces, numbers right-aligned', () => {
    expect(rows('Name       Units    Price\nApples        12     1.50\nPears          3     2.25\n')).toEqual([
      [['Name', 'Units', 'Price'], ['Apples', '12', '1.50'], ['Pears', '3', '2.25']]
    ])
  })

  it('reads a spaces table whose words are right-aligned as one column per aligned band, with one head row of th', () => {
    const text = ['Variable          Type   Description', '     CLIENT_HOST   VARCHAR(255)   Host name of the client', '   CLIENT_IPADDR   VARCHAR(128)     IP address of the client', 'ROUTINE_SPECIFIC   VARCHAR(128)         Name of the routine'].join('\n')
    const [table] = tables(text)
    expect(rows(text)).toEqual([
      [
        ['Variable', 'Type', 'Description'],
        ['CLIENT_HOST', 'VARCHAR(255)', 'Host name of the client'],
        ['CLIENT_IPADDR', 'VARCHAR(128)', 'IP address of the client'],
        ['ROUTINE_SPECIFIC', 'VARCHAR(128)', 'Name of the routine']
      ]
    ])
    expect(table.grid.headerRows).toBe(1)
    expect(table.grid.cells.filter((c) => c.header).map((c) => c.row)).toEqual([0, 0, 0])
  })

  it('reads two lines whose cells line up as a table, and an indented line under a cell as a row with an empty cell', () => {
    expect(rows('Top left      Top right\nBottom left   Bottom right\n')).toEqual([[['Top left', 'Top right'], ['Bottom left', 'Bottom right']]])
    expect(rows('Header 0.0   Header 0.1\n               Cell 1.1\n')).toEqual([[['Header 0.0', 'Header 0.1'], ['', 'Cell 1.1']]])
  })

  it('keeps a cell wrapped onto its own line as one cell', () => {
    const text = ['项目 | 数量 | 金额 |', '(二)部分公开(区分处理的,', '只计这一情形) | 3 | 4 |', '合计 | 3 | 4 |'].join('\n')
    expect(rows(text)[0][1]).toEqual(['(二)部分公开(区分处理的, 只计这一情形)', '3', '4'])
  })

  it('removes stray spaces between ideographs but keeps spaces between words', () => {
    const text = ['地区 | 商业 企业 | Market share |', '华北 | 3 | 4 |'].join('\n')
    expect(rows(text)[0][0]).toEqual(['地区', '商业企业', 'Market share'])
  })

  it('rebuilds a broken GFM table whose rows lost the cells under merged cells', () => {
    const text = ['| Region | Country | 2023 | 2024 |', '| Europe | France | 1 | 2 |', '| Germany | 3 | 4 |', '| Asia | Japan | 5 | 6 |'].join('\n')
    expect(rows(text)).toEqual([[['Region', 'Country', '2023', '2024'], ['Europe@2x1', 'France', '1', '2'], ['Germany', '3', '4'], ['Asia', 'Japan', '5', '6']]])
  })

  it('passes a well-formed GFM table through unchanged', () => {
    const found = tables('| a | b |\n| --- | --- |\n| 1 | 2 |\n')
    expect(found.map((t) => t.layout)).toEqual(['gfm'])
  })

  it('records each table’s layout, source lines and confidence in the tree', () => {
    const { tree } = textToMdast('Intro line of prose.\n\n规章 | 0 | 1 |\n行政规范性文件 | 2 | 3 |\n')
    const table = tree.children.find((n) => n.type === 'table')
    expect(table?.data?.origin).toMatchObject({ layout: 'pipe-row', lines: [3, 4] })
    expect(table?.data?.origin?.confidence).toBeGreaterThan(0.5)
  })
})
