import { readFileSync } from 'node:fs'
import type { Element, Root } from 'hast'
import { beforeAll, describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { writeHtml } from '../src/index.js'
import { generatedTable } from './helpers/generated.js'
import { attr, elements, parseHtml, textOf } from './helpers/html.js'
import { expectedCells } from './helpers/tables.js'

let page: string
let tree: Root
let tables: Element[]
beforeAll(async () => {
  page = String((await convert(readFileSync('test/fixtures/seed-tables.html'), { to: 'html' })).outputs.html)
  tree = parseHtml(page)
  tables = elements(tree, 'table')
})

const html = async (markdown: string) => parseHtml(String((await convert(markdown, { to: 'html', from: 'md', fragment: true })).outputs.html))

const idMaps = new WeakMap<Element, Map<string, Element>>()

/** The text of the header cells a data cell lists in `headers`, looked up by id in its table. */
function headerTexts(table: Element, cell: Element): string[] {
  let byId = idMaps.get(table)
  if (!byId) {
    byId = new Map(elements(table).filter((e) => attr(e, 'id')).map((e) => [attr(e, 'id')!, e]))
    idMaps.set(table, byId)
  }
  return (attr(cell, 'headers') ?? '').split(' ').filter(Boolean).map((id) => {
    const header = byId.get(id)
    expect(header?.tagName, `headers="${id}" points at a <th> of the same table`).toBe('th')
    return textOf(header!)
  })
}

const rowOf = (table: Element, label: string) => elements(table, 'tr').find((tr) => elements(tr, 'th').some((th) => textOf(th) === label))!

describe('tables in HTML', () => {
  it('captions a table with the heading just before it, for screen readers only', () => {
    const captions = tables.map((t) => elements(t, 'caption')[0])
    expect(captions.map((c) => textOf(c))).toEqual(['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'])
    expect(captions.map((c) => attr(c, 'className'))).toEqual(['visually-hidden', 'visually-hidden', 'visually-hidden'])
  })

  it('captions a table with a label paragraph or the source’s own caption, and not with a sentence', async () => {
    const label = await html('表 2 各地区情况\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    expect(textOf(elements(label, 'caption')[0])).toBe('表 2 各地区情况')
    const bold = await html('**Sales by region**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    expect(textOf(elements(bold, 'caption')[0])).toBe('Sales by region')
    const sentence = await html('The table below lists the sales of every region in the year.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
    expect(elements(sentence, 'caption')).toEqual([])
    const own = parseHtml(String((await convert('<table><caption>Own caption</caption><tr><th>a</th></tr><tr><td>1</td></tr></table>', { to: 'html', from: 'html', fragment: true })).outputs.html))
    expect(elements(own, 'caption').map((c) => [textOf(c), attr(c, 'className')])).toEqual([['Own caption', undefined]])
  })

  it('puts the head rows in <thead> and starts a new <tbody> at each section row and row group', () => {
    const [sections, applications, appeals] = tables
    expect(elements(elements(sections, 'thead')[0], 'tr')).toHaveLength(2)
    expect(elements(sections, 'tbody').map((b) => textOf(elements(b, 'th')[0]))).toEqual(['规章', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'])
    expect(elements(applications, 'tbody').map((b) => elements(b, 'tr').length)).toEqual([2, 22, 1])
    expect(elements(elements(appeals, 'thead')[0], 'tr')).toHaveLength(3)
  })

  it('gives every header cell the scope it has: col, colgroup, row or rowgroup', () => {
    const [sections, applications, appeals] = tables
    const scopeOf = (table: Element, text: string) => attr(elements(table, 'th').find((th) => textOf(th) === text)!, 'scope')
    expect(scopeOf(appeals, '行政诉讼')).toBe('colgroup')
    expect(scopeOf(appeals, '结果维持')).toBe('col')
    expect(scopeOf(applications, '三、本年度办理结果')).toBe('rowgroup')
    expect(scopeOf(applications, '（三）不予公开')).toBe('row')
    expect(scopeOf(applications, '1.属于国家秘密')).toBe('row')
    expect(scopeOf(sections, '第二十条第（五）项')).toBe('rowgroup')
    expect(elements(tree, 'th').every((th) => ['col', 'colgroup', 'row', 'rowgroup'].includes(attr(th, 'scope') ?? ''))).toBe(true)
  })

  it('lists every header of a data cell under a multi-level header in its headers attribute', () => {
    const [sections, applications, appeals] = tables
    const secret = elements(rowOf(applications, '1.属于国家秘密'), 'td')
    expect(headerTexts(applications, secret[1]).sort()).toEqual(['1.属于国家秘密', '三、本年度办理结果', '申请人情况', '法人或其他组织', '商业企业', '（三）不予公开'].sort())
    expect(headerTexts(applications, secret[0]).sort()).toEqual(['1.属于国家秘密', '三、本年度办理结果', '申请人情况', '自然人', '（三）不予公开'].sort())
    const lawsuit = elements(appeals, 'td')
    expect(headerTexts(appeals, lawsuit[12])).toEqual(['行政诉讼', '复议后起诉', '其他结果'])
    expect(headerTexts(appeals, lawsuit[4])).toEqual(['行政复议', '总计'])
    const licence = elements(rowOf(sections, '行政许可'), 'td')[0]
    expect(headerTexts(sections, licence).sort()).toEqual(['第二十条第（五）项', '本年处理决定数量', '行政许可'].sort())
    // Every data cell in these tables has its headers.
    for (const table of tables) for (const td of elements(table, 'td')) expect(headerTexts(table, td).length).toBeGreaterThan(0)
  })

  it('gives ids that are unique on the page and the same on every run', async () => {
    const ids = elements(tree).map((e) => attr(e, 'id')).filter(Boolean)
    expect(new Set(ids).size).toBe(ids.length)
    const again = String((await convert(readFileSync('test/fixtures/seed-tables.html'), { to: 'html' })).outputs.html)
    expect(again).toBe(page)
  })

  it('relies on scope alone for a simple table: no headers attributes', async () => {
    const simple = await html('| Region | Sales |\n|---|--:|\n| North | 10 |\n| South | 20 |\n')
    expect(elements(simple, 'th').map((th) => attr(th, 'scope'))).toEqual(['col', 'col'])
    expect(elements(simple, 'td').map((td) => attr(td, 'headers'))).toEqual([undefined, undefined, undefined, undefined])
    expect(elements(simple, 'td').map((td) => attr(td, 'className'))).toEqual([undefined, 'align-right', undefined, 'align-right'])
  })

  it('wraps each table in a focusable region named by its caption, names unique on the page', async () => {
    const regions = elements(tree, 'section').filter((s) => attr(s, 'className') === 'table-scroll')
    expect(regions.map((r) => [attr(r, 'ariaLabel'), attr(r, 'tabIndex')])).toEqual([
      ['二、主动公开政府信息情况', '0'],
      ['三、收到和处理政府信息公开申请情况', '0'],
      ['四、政府信息公开行政复议、行政诉讼情况', '0']
    ])
    const twice = await html('| a |\n|---|\n| 1 |\n\nText between.\n\n| b |\n|---|\n| 2 |\n')
    expect(elements(twice, 'section').map((s) => attr(s, 'ariaLabel'))).toEqual(['Table 1', 'Table 2'])
    const sameCaption = await html('## Sales\n\n| a |\n|---|\n| 1 |\n\n## Sales\n\n| b |\n|---|\n| 2 |\n')
    expect(elements(sameCaption, 'section').map((s) => attr(s, 'ariaLabel'))).toEqual(['Sales', 'Sales (2)'])
  })

  it('writes an empty head cell as a plain cell, not as an empty header', async () => {
    const corner = parseHtml(String((await convert('<table><tr><th></th><th>2023</th></tr><tr><th>North</th><td>1</td></tr></table>', { to: 'html', from: 'html', fragment: true })).outputs.html))
    expect(elements(elements(corner, 'thead')[0], 'td').map(textOf)).toEqual([''])
    expect(elements(corner, 'th').map(textOf)).toEqual(['2023', 'North'])
  })

  it('lists exactly the headers an independent reading of the grid gives, in generated tables of every shape', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const table = generatedTable(seed)
      const out = parseHtml(String((await writeHtml({ tree: { type: 'root', children: [table] }, resources: [] }, { fragment: true })).data))
      const rendered = elements(out, 'table')[0]
      const tds = elements(rendered, 'td').filter((td) => !elements(rendered, 'thead')[0] || !elements(elements(rendered, 'thead')[0], 'td').includes(td))
      const expected = expectedCells(table)
      expect(tds.length, `seed ${seed}`).toBe(expected.length)
      const complex = tds.some((td) => attr(td, 'headers'))
      tds.forEach((td, i) => {
        const want = [...expected[i].rowHeaders, ...expected[i].otherHeaders].sort()
        if (complex) expect(headerTexts(rendered, td).sort(), `seed ${seed}, cell ${expected[i].value}`).toEqual(want)
      })
      // A table without headers attributes is simple: one head row, one row header per row, no spans.
      if (!complex) expect(expected.every((c) => c.rowHeaders.length <= 1 && c.otherHeaders.length <= 1), `seed ${seed}`).toBe(true)
    }
  })
})

describe('HTML input: the head read from <th> marks by the table core', () => {
  const headRows = async (source: string) => {
    const out = await convert(source, { to: 'json', from: 'html' })
    const doc = JSON.parse(String(out.outputs.json))
    interface Node {
      type: string
      children?: Node[]
      data?: { headerRows?: number }
    }
    const find = (node: Node): Node | undefined => (node.type === 'table' ? node : node.children?.map(find).find(Boolean))
    return find((doc.tree ?? doc) as Node)?.data?.headerRows
  }

  it('takes a row of <th> with an empty corner <td> as the head, and keeps five marked rows', async () => {
    expect(await headRows('<table><tr><td></td><th>2023</th><th>2024</th></tr><tr><th>Sales</th><td>1</td><td>2</td></tr></table>')).toBe(1)
    const marked = Array.from({ length: 5 }, (_, i) => `<tr><th>h${i}</th><th>g${i}</th></tr>`).join('')
    expect(await headRows(`<table>${marked}<tr><td>a</td><td>1</td></tr></table>`)).toBe(5)
  })

  it('infers no head from content when the author marked none', async () => {
    expect(await headRows('<table><tr><td>Item</td><td>Value</td></tr><tr><td>a</td><td>1</td></tr></table>')).toBe(0)
  })
})
