#!/usr/bin/env node
// Builds samples/numbered-report.docx: a Chinese work report whose numbering
// is Word's own, not typed: 一、 headings and （一） sub-headings (one list
// definition, chineseCounting, levels %1、 and （%2）), body lists numbered
// 1. 2. (decimal), ① ② (decimalEnclosedCircle) and a) b) (lowerLetter), and a
// table whose row labels are numbered （一） （二） inside the cells.
// Run: node scripts/make-numbered-report-docx.mjs [output]
//
// The text is written for this sample (an invented city bureau). The output
// is byte-for-byte reproducible (fixed dates everywhere).
// test/docx-numbering-sample.test.ts checks that every label survives into
// HTML, PDF, plain text and Markdown.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType
} from 'docx'
import { fixZipTimes } from './make-annual-report-docx.mjs'

const TITLE = '某市数据局2024年工作总结'
const FIXED_DATE = '2025-01-20T00:00:00Z'
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' }

/** The numbering definitions: headings, and three kinds of body list. */
const numbering = {
  config: [
    {
      reference: 'headings',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT }
      ]
    },
    { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
    { reference: 'circled', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1', alignment: AlignmentType.LEFT }] },
    { reference: 'problems', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: AlignmentType.LEFT }] },
    { reference: 'rows', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '（%1）', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT }] }
  ]
}

/** The report's headings, in order, as Word shows them (the test's ground truth). */
export const HEADINGS = [
  '一、总体情况',
  '（一）数据资源建设',
  '（二）公共数据开放',
  '二、主要工作成效',
  '（一）数字政府建设',
  '（二）数据要素市场培育',
  '三、存在的问题',
  '四、下一步工作打算',
  '（一）夯实数据基础设施',
  '（二）深化数据开发利用'
]

/** Body list items, by list, as Word shows them (label and text). */
export const LISTS = {
  steps: ['1.', ['完成全市政务数据资源普查，编制数据资源目录2,316项。', '建成市级数据共享交换平台，接入部门42个。', '开展数据质量专项治理，整改问题数据1.2万条。']],
  circled: ['①', ['新增开放数据集186个，累计开放数据集1,024个。', '上线数据开放专题应用12个。']],
  problems: ['a)', ['部分部门数据更新不及时，共享数据时效性不足。', '数据安全管理制度有待进一步健全。', '专业技术人才短缺，数据分析能力不强。']]
}

/** Table rows: a numbered label (in the cell) and three figures. */
export const TABLE_ROWS = [
  ['政务数据共享', '42', '38', '90.5%'],
  ['公共数据开放', '1,024', '186', '22.2%'],
  ['数据应用场景', '35', '12', '52.2%']
]

const heading = (text, level) =>
  new Paragraph({ text, heading: level === 0 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, numbering: { reference: 'headings', level } })
const body = (text) => new Paragraph({ text, indent: { firstLine: 480 } })
const items = (reference) => LISTS[reference][1].map((text) => new Paragraph({ text, numbering: { reference, level: 0 } }))
const cell = (children) => new TableCell({ children, width: { size: 2000, type: WidthType.DXA } })

function indicatorTable() {
  const head = new TableRow({
    tableHeader: true,
    children: ['指标', '2024年', '其中：新增', '同比增长'].map((t) => cell([new Paragraph({ text: t })]))
  })
  const rows = TABLE_ROWS.map(
    ([label, ...figures]) =>
      new TableRow({
        children: [cell([new Paragraph({ text: label, numbering: { reference: 'rows', level: 0 } })]), ...figures.map((f) => cell([new Paragraph({ text: f, alignment: AlignmentType.RIGHT })]))]
      })
  )
  return new Table({ rows: [head, ...rows], width: { size: 8000, type: WidthType.DXA } })
}

const strip = (h) => h.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '')

function report() {
  const [h1, h11, h12, h2, h21, h22, h3, h4, h41, h42] = HEADINGS.map(strip)
  return [
    new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE }),
    heading(h1, 0),
    body('2024年，市数据局坚持以数据赋能经济社会高质量发展为主线，统筹推进数据资源整合、共享开放和开发利用，各项工作取得积极进展。'),
    heading(h11, 1),
    body('全年重点完成以下工作：'),
    ...items('steps'),
    heading(h12, 1),
    body('公共数据开放工作稳步推进：'),
    ...items('circled'),
    heading(h2, 0),
    heading(h21, 1),
    body('一体化政务服务平台全面升级，“一网通办”事项可网办率达到98.6%。主要指标如下表。'),
    indicatorTable(),
    heading(h22, 1),
    body('组建市数据集团，培育数据服务企业27家，数据产品交易额突破3,000万元。'),
    heading(h3, 0),
    body('在肯定成绩的同时，我们也清醒地认识到工作中还存在一些不足：'),
    ...items('problems'),
    heading(h4, 0),
    heading(h41, 1),
    body('推进全市政务云扩容，完善数据共享交换体系。'),
    heading(h42, 1),
    body('围绕医疗、交通、金融等重点领域，推出一批数据应用场景。')
  ]
}

const coreXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${TITLE}</dc:title><dc:creator>某市数据局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified></cp:coreProperties>`

export async function buildNumberedReport() {
  const doc = new Document({
    creator: '某市数据局',
    title: TITLE,
    numbering,
    styles: { default: { document: { run: { font: BODY_FONT, size: 24 } } } },
    sections: [{ children: report() }]
  })
  const bytes = await Packer.toBuffer(doc, undefined, [{ path: 'docProps/core.xml', data: coreXml }])
  return fixZipTimes(new Uint8Array(bytes))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL('../samples/numbered-report.docx', import.meta.url))
  await writeFile(out, await buildNumberedReport())
  process.stderr.write(`wrote ${out}\n`)
}
