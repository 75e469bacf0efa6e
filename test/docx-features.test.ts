/**
 * What a Word document carries must reach every output: headings (English
 * and Chinese styles, and numbered bold text), inline formatting, links,
 * lists, notes, images, tables, and text pasted as table rows. Each case is
 * a small .docx made with the `docx` library and read with the real reader.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  EndnoteReferenceRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun
} from 'docx'
import type { Heading, List, Nodes, Paragraph as MdParagraph, Root, Table as MdTable } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convert, readDocument } from '../src/index.js'
import { runCli } from './helpers/cli.js'
import { makeDocx } from './helpers/docx.js'

/** A 2×2 PNG (red, green, blue, white). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC',
  'base64'
)

async function read(bytes: Uint8Array) {
  return readDocument(bytes, { from: 'docx' })
}

function nodes<T extends Nodes['type']>(tree: Root, type: T): Extract<Nodes, { type: T }>[] {
  const found: Extract<Nodes, { type: T }>[] = []
  visit(tree, type, (node) => void found.push(node as Extract<Nodes, { type: T }>))
  return found
}

const headings = (tree: Root) => nodes(tree, 'heading').map((h: Heading) => `h${h.depth} ${toString(h)}`)
const paragraphs = (tree: Root) => tree.children.filter((n): n is MdParagraph => n.type === 'paragraph').map((p) => toString(p))

let tmp = ''
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'docmend-docx-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('DOCX headings', () => {
  it('turns heading styles into headings, in English and Chinese Word and by style id', async () => {
    const styles = {
      paragraphStyles: [
        { id: 'zh1', name: '标题 1', basedOn: 'Normal' },
        { id: 'zh2', name: '标题2', basedOn: 'Normal' },
        { id: 'zhTitle', name: '标题', basedOn: 'Normal' },
        { id: 'heading4', name: 'Company Heading', basedOn: 'Normal' }
      ]
    }
    const bytes = await makeDocx(
      [
        new Paragraph({ text: 'Annual Report', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Overview', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Details', heading: HeadingLevel.HEADING_3 }),
        new Paragraph({ text: 'Fine print', heading: HeadingLevel.HEADING_6 }),
        new Paragraph({ text: '年度报告', style: 'zhTitle' }),
        new Paragraph({ text: '总体情况', style: 'zh1' }),
        new Paragraph({ text: '主要工作', style: 'zh2' }),
        new Paragraph({ text: 'By id', style: 'heading4' }),
        new Paragraph('Body text.')
      ],
      { styles }
    )
    const { doc } = await read(bytes)
    // A Title paragraph heads the document: the headings nest one level under it (h6 stays h6).
    expect(headings(doc.tree)).toEqual([
      'h1 Annual Report',
      'h2 Overview',
      'h4 Details',
      'h6 Fine print',
      'h1 年度报告',
      'h2 总体情况',
      'h3 主要工作',
      'h5 By id'
    ])
    expect(paragraphs(doc.tree)).toEqual(['Body text.'])
  })

  it('infers headings from report numbering in bold body text, and nothing else', async () => {
    const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] })
    const bytes = await makeDocx([
      bold('一、总体情况'),
      bold('（一）主动公开情况'),
      bold('第三章 附则'),
      new Paragraph('二、不是粗体的编号行'),
      bold('三、这一段虽然加粗并且编号，但它是一个完整的句子。'),
      bold('注意事项'),
      new Paragraph({ children: [new TextRun({ text: '（二）依申请公开情况。', bold: true }), new TextRun('全年未收到申请。')] })
    ])
    const { doc } = await read(bytes)
    expect(headings(doc.tree)).toEqual(['h2 一、总体情况', 'h3 （一）主动公开情况', 'h2 第三章 附则'])
    expect(paragraphs(doc.tree)).toEqual([
      '二、不是粗体的编号行',
      '三、这一段虽然加粗并且编号，但它是一个完整的句子。',
      '注意事项',
      '（二）依申请公开情况。全年未收到申请。'
    ])
  })
})

describe('DOCX inline content', () => {
  it('keeps bold, italic, strikethrough, subscript and superscript in HTML and Markdown', async () => {
    const bytes = await makeDocx([
      new Paragraph({
        children: [
          new TextRun({ text: 'bold', bold: true }),
          new TextRun(' and '),
          new TextRun({ text: 'italic', italics: true }),
          new TextRun(' and '),
          new TextRun({ text: 'gone', strike: true }),
          new TextRun(', H'),
          new TextRun({ text: '2', subScript: true }),
          new TextRun('O and m'),
          new TextRun({ text: '3', superScript: true })
        ]
      })
    ])
    const { outputs } = await convert(bytes, { from: 'docx', to: ['html', 'md', 'txt'], fragment: true })
    expect(outputs.html).toContain('<p><strong>bold</strong> and <em>italic</em> and <del>gone</del>, H<sub>2</sub>O and m<sup>3</sup></p>')
    expect(outputs.md).toContain('**bold** and _italic_ and ~~gone~~, H<sub>2</sub>O and m<sup>3</sup>')
    expect(outputs.txt).toContain('bold and italic and gone, H2O and m3')
  })

  it('keeps hyperlinks with their text', async () => {
    const bytes = await makeDocx([
      new Paragraph({
        children: [new TextRun('See '), new ExternalHyperlink({ link: 'https://example.com/report?year=2024', children: [new TextRun('the report')] })]
      })
    ])
    const { outputs } = await convert(bytes, { from: 'docx', to: ['html', 'md'], fragment: true })
    expect(outputs.html).toContain('See <a href="https://example.com/report?year=2024">the report</a>')
    expect(outputs.md).toContain('See [the report](https://example.com/report?year=2024)')
  })

  it('turns footnotes and endnotes into GFM footnotes, numbered in reading order', async () => {
    const bytes = await makeDocx(
      [
        new Paragraph({ children: [new TextRun('Revenue grew'), new FootnoteReferenceRun(1), new TextRun(' and costs fell'), new EndnoteReferenceRun(1), new TextRun('.')] })
      ],
      {
        footnotes: { 1: { children: [new Paragraph('Audited figures.')] } },
        endnotes: { 1: { children: [new Paragraph('See appendix B.')] } }
      }
    )
    const { doc, outputs } = await convert(bytes, { from: 'docx', to: ['md', 'html'], fragment: true })
    const references = nodes(doc.tree, 'footnoteReference').map((r) => r.identifier)
    const definitions = nodes(doc.tree, 'footnoteDefinition').map((d) => `${d.identifier}: ${toString(d)}`)
    expect(references).toEqual(['1', '2'])
    expect(definitions).toEqual(['1: Audited figures.', '2: See appendix B.'])
    expect(outputs.md).toContain('Revenue grew[^1] and costs fell[^2].')
    expect(outputs.md).toContain('[^1]: Audited figures.')
    expect(outputs.md).toContain('[^2]: See appendix B.')
    expect(String(outputs.html)).toMatch(/<section[^>]*data-footnotes[\s\S]*Audited figures\.[\s\S]*See appendix B\./)
    // mammoth's own "↑" back-links and "[1]" markers are not left in the text.
    expect(toString(doc.tree)).not.toMatch(/↑|\[1\]/)
  })
})

describe('DOCX lists', () => {
  it('keeps nested bulleted and numbered lists', async () => {
    const bytes = await makeDocx(
      [
        new Paragraph({ text: 'Fruit', bullet: { level: 0 } }),
        new Paragraph({ text: 'Apple', bullet: { level: 1 } }),
        new Paragraph({ text: 'Pear', bullet: { level: 1 } }),
        new Paragraph({ text: 'Vegetables', bullet: { level: 0 } }),
        new Paragraph('Steps:'),
        new Paragraph({ text: 'Open', numbering: { reference: 'steps', level: 0 } }),
        new Paragraph({ text: 'Read', numbering: { reference: 'steps', level: 1 } }),
        new Paragraph({ text: 'Close', numbering: { reference: 'steps', level: 0 } })
      ],
      {
        numbering: {
          config: [
            {
              reference: 'steps',
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
                { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)' }
              ]
            }
          ]
        }
      }
    )
    const { doc } = await read(bytes)
    const outline = (list: List): unknown[] =>
      list.children.map((item) => {
        const text = toString(item.children[0])
        const sub = item.children.find((c): c is List => c.type === 'list')
        return sub ? [text, { ordered: sub.ordered, items: outline(sub) }] : text
      })
    const lists = doc.tree.children.filter((n): n is List => n.type === 'list')
    expect(lists.map((l) => ({ ordered: l.ordered, items: outline(l) }))).toEqual([
      { ordered: false, items: [['Fruit', { ordered: false, items: ['Apple', 'Pear'] }], 'Vegetables'] },
      { ordered: true, items: [['Open', { ordered: true, items: ['Read'] }], 'Close'] }
    ])
  })
})

describe('DOCX images', () => {
  const picture = () =>
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: PNG,
          transformation: { width: 20, height: 20 },
          altText: { name: 'chart', title: 'Chart', description: '申请数量统计图' }
        })
      ]
    })

  it('delivers images as resources the tree refers to, with their alt text', async () => {
    const bytes = await makeDocx([picture()])
    const { doc, outputs } = await convert(bytes, { from: 'docx', to: ['html', 'md'], fragment: true, mediaBase: 'report_media' })
    expect(doc.resources.map((r) => [r.path, r.contentType])).toEqual([['media/image1.png', 'image/png']])
    expect(Buffer.compare(Buffer.from(doc.resources[0].bytes), PNG)).toBe(0)
    expect(outputs.html).toContain('<img src="report_media/image1.png" alt="申请数量统计图">')
    expect(outputs.md).toContain('![申请数量统计图](report_media/image1.png)')
    const embedded = await convert(bytes, { from: 'docx', to: 'html', fragment: true, embedImages: true })
    expect(embedded.outputs.html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`)
  })

  it('writes the images beside the HTML and Markdown, where they look for them', async () => {
    const input = join(tmp, 'photo report.docx')
    await writeFile(input, await makeDocx([picture()]))
    const out = join(tmp, 'out')
    const run = await runCli(['convert', input, '--to', 'html,md', '--out-dir', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(await readdir(join(out, 'photo report_media'))).toEqual(['image1.png'])
    expect(Buffer.compare(await readFile(join(out, 'photo report_media', 'image1.png')), PNG)).toBe(0)
    expect(await readFile(join(out, 'photo report.html'), 'utf8')).toContain('src="photo report_media/image1.png"')
    expect(await readFile(join(out, 'photo report.md'), 'utf8')).toContain('](<photo report_media/image1.png>)')
  })
})

describe('DOCX tables', () => {
  it('marks Word tables as such and keeps their header rows', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })
    const bytes = await makeDocx([
      new Table({
        rows: [
          new TableRow({ tableHeader: true, children: [cell('地区'), cell('数量')] }),
          new TableRow({ children: [cell('北京'), cell('3')] })
        ]
      })
    ])
    const { doc } = await read(bytes)
    const [table] = nodes(doc.tree, 'table')
    expect(table.data?.origin?.layout).toBe('docx')
    expect(table.data?.headerRows).toBe(1)
    expect(table.children[0].children.every((c) => c.data?.header === true)).toBe(true)
  })

  it('does not glue the paragraphs of one cell together', async () => {
    const bytes = await makeDocx([
      new Table({
        rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('北京'), new Paragraph('市区')] }), new TableCell({ children: [new Paragraph('12')] })] })]
      })
    ])
    const { outputs } = await convert(bytes, { from: 'docx', to: ['html', 'txt', 'md'], fragment: true })
    expect(outputs.html).toMatch(/<t[dh][^>]*>北京<br>\s*市区<\/t[dh]>/)
    expect(outputs.md).toContain('北京<br>市区')
    expect(outputs.txt).not.toContain('北京市区')
  })
})

describe('DOCX text pasted as table rows', () => {
  it('repairs pipe rows, tab rows and soft-broken rows pasted into Word into tables, leaving prose alone', async () => {
    const tabbed = (...cells: string[]) => new Paragraph({ children: [new TextRun({ children: cells.flatMap((c, i) => (i === 0 ? [c] : [new Tab(), c])) })] })
    const bytes = await makeDocx([
      new Paragraph('信息内容 | 本年制发件数 | 本年废止件数 |'),
      new Paragraph('规章 | 0 | 0 |'),
      new Paragraph('Between the tables.'),
      tabbed('自然人', '法人', '总计'),
      tabbed('', '3', '4'),
      new Paragraph('And again.'),
      new Paragraph({ children: [new TextRun('a | b |'), new TextRun({ text: 'c | 1 |', break: 1 }), new TextRun({ text: 'e | 2 |', break: 1 })] }),
      new Paragraph({ children: [new TextRun('地址：北京市'), new TextRun({ text: '邮编：100000', break: 1 })] })
    ])
    const { doc } = await read(bytes)
    const tables = doc.tree.children.filter((n): n is MdTable => n.type === 'table')
    const rows = (t: MdTable) => t.children.map((row) => row.children.map((cell) => (cell.data?.covered ? '·' : toString(cell))))
    expect(tables.map((t) => t.data?.origin?.layout)).toEqual(['pipe-row', 'tab-row', 'pipe-row'])
    expect(rows(tables[0])).toEqual([['信息内容', '本年制发件数', '本年废止件数'], ['规章', '0', '0']])
    expect(rows(tables[1])).toEqual([['自然人', '法人', '总计'], ['', '3', '4']])
    expect(rows(tables[2])).toEqual([['a', 'b'], ['c', '1'], ['e', '2']])
    // Prose, including prose with a soft line break, stays paragraphs.
    expect(paragraphs(doc.tree)).toEqual(['Between the tables.', 'And again.', '地址：北京市邮编：100000'])
  })
})

describe('DOCX messages and metadata', () => {
  it("collects mammoth's warnings as messages and prints them with --verbose only", async () => {
    const bytes = await makeDocx([new Paragraph({ text: 'Styled', style: 'FancyBody' })], {
      styles: { paragraphStyles: [{ id: 'FancyBody', name: 'Fancy Body', basedOn: 'Normal' }] }
    })
    const { messages } = await read(bytes)
    expect(messages).toContainEqual({ type: 'warning', code: 'docx-warning', text: "Unrecognised paragraph style: 'Fancy Body' (Style ID: FancyBody)" })
    const input = join(tmp, 'styled.docx')
    await writeFile(input, bytes)
    const quiet = await runCli(['convert', input, '--to', 'txt'])
    expect(quiet.code).toBe(0)
    expect(quiet.stderr).toBe('')
    const verbose = await runCli(['convert', input, '--to', 'txt', '-v'])
    expect(verbose.code).toBe(0)
    expect(verbose.stderr).toContain(`docmend: ${input}: warning: Unrecognised paragraph style: 'Fancy Body'`)
  })

  it("uses the document's declared title for the page", async () => {
    const bytes = await makeDocx([new Paragraph({ text: 'Chapter one', heading: HeadingLevel.HEADING_1 })], { title: '2024 年度报告' })
    const { outputs, doc } = await convert(bytes, { from: 'docx', to: 'html' })
    expect(doc.tree.data?.title).toBe('2024 年度报告')
    expect(outputs.html).toContain('<title>2024 年度报告</title>')
  })
})
