#!/usr/bin/env node
// Builds samples/annual-report.docx: the seed report 000 (柞水县医疗保障局
// 2024年政府信息公开工作年度报告, samples/seed-000_e59935bf3fbf3f4b.txt) as a
// real Chinese Word document, its three tables as real Word tables with
// merged cells. Run: node scripts/make-annual-report-docx.mjs [output]
//
// The text is the seed's, with two editorial choices: a title paragraph (the
// report's name, from its first sentence) and cell texts without the stray
// spaces the seed's line wrapping left inside them (商业 企业 → 商业企业).
// Headings use a Chinese style name (标题 1), as WPS writes it; one heading
// (六、…) is bold body text, as authors often type them.
//
// TABLES below is the hand-made ground truth of the tables' structure
// (issue 3, "The expected structure"; the same texts and spans as
// test/fixtures/seed-tables/seed-000_*.html), which test/docx-sample.test.ts
// checks docmend's HTML against. Header rows are Word's "repeat as header
// row"; Word cannot mark row labels in the body as headers. Each row lists only the cells that start in it,
// left to right, as HTML does: a cell spanning rows is not repeated below.
// The output is byte-for-byte reproducible (fixed dates everywhere).
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType
} from 'docx'

/** A cell: its text and spans (`rows` down, `cols` across). */
const c = (text, { rows = 1, cols = 1 } = {}) => ({ text, rowSpan: rows, colSpan: cols })
const zeros = (n) => Array.from({ length: n }, () => c('0'))

/**
 * 二、主动公开政府信息情况: 4 columns, sections headed by full-width rows; the
 * first section's two rows repeat as the header.
 */
const activeDisclosure = {
  cols: 4,
  headerRows: 2,
  rows: [
    [c('第二十条第(一)项', { cols: 4 })],
    [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
    [c('规章'), c('0'), c('0'), c('0')],
    [c('行政规范性文件'), c('1'), c('0'), c('1')],
    [c('第二十条第(五)项', { cols: 4 })],
    [c('信息内容'), c('本年处理决定数量', { cols: 3 })],
    [c('行政许可'), c('0', { cols: 3 })],
    [c('第二十条第(六)项', { cols: 4 })],
    [c('信息内容'), c('本年处理决定数量', { cols: 3 })],
    [c('行政处罚'), c('0', { cols: 3 })],
    [c('行政强制'), c('0', { cols: 3 })],
    [c('第二十条第(八)项', { cols: 4 })],
    [c('信息内容'), c('本年收费金额(单位:万元)', { cols: 3 })],
    [c('行政事业性收费'), c('0', { cols: 3 })]
  ]
}

/** Rows of a result group: the group's label spans its items' rows. */
const group = (label, items) =>
  items.map((item, i) => (i === 0 ? [c(label, { rows: items.length }), c(item), ...zeros(7)] : [c(item), ...zeros(7)]))

/** 三、收到和处理政府信息公开申请情况: 10 columns, 3 label columns + 7 numbers. */
const applications = {
  cols: 10,
  headerRows: 3,
  rows: [
    [c('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', { rows: 3, cols: 3 }), c('申请人情况', { cols: 7 })],
    [c('自然人', { rows: 2 }), c('法人或其他组织', { cols: 5 }), c('总计', { rows: 2 })],
    [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
    [c('一、本年新收政府信息公开申请数量', { cols: 3 }), ...zeros(7)],
    [c('二、上年结转政府信息公开申请数量', { cols: 3 }), ...zeros(7)],
    [c('三、本年度办理结果', { rows: 22 }), c('(一)予以公开', { cols: 2 }), ...zeros(7)],
    [c('(二)部分公开', { cols: 2 }), ...zeros(7)],
    ...group('(三)不予公开', [
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项'
    ]),
    ...group('(四)无法提供', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']),
    ...group('(五)不予处理', [
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息'
    ]),
    ...group('(六)其他处理', [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他'
    ]),
    [c('(七)总计', { cols: 2 }), ...zeros(7)],
    [c('四、结转下年度继续办理', { cols: 3 }), ...zeros(7)]
  ]
}

const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

/** 四、政府信息公开行政复议、行政诉讼情况: 15 columns under a two-level header. */
const appeals = {
  cols: 15,
  headerRows: 3,
  rows: [
    [c('行政复议', { cols: 5 }), c('行政诉讼', { cols: 10 })],
    [...outcomes.map((o) => c(o, { rows: 2 })), c('未经复议直接起诉', { cols: 5 }), c('复议后起诉', { cols: 5 })],
    [...outcomes.map((o) => c(o)), ...outcomes.map((o) => c(o))],
    zeros(15)
  ]
}

/** The report's tables, in document order. */
export const TABLES = [activeDisclosure, applications, appeals]

const HEADING_STYLE = 'ZFHeading1'
const BODY_FONT = { ascii: 'Times New Roman', eastAsia: '仿宋', hAnsi: 'Times New Roman' }

const heading = (text) => new Paragraph({ style: HEADING_STYLE, children: [new TextRun(text)] })
const body = (text) => new Paragraph({ children: [new TextRun(text)] })
/** A paragraph opening with a bold lead-in, as report sections do: `(一)…情况。` then text. */
const leadIn = (lead, rest) => new Paragraph({ children: [new TextRun({ text: lead, bold: true }), new TextRun(rest)] })

function wordTable({ cols, headerRows, rows }) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: cols }, () => Math.floor(9000 / cols)),
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < headerRows,
          children: cells.map(
            (cell) =>
              new TableCell({
                rowSpan: cell.rowSpan,
                columnSpan: cell.colSpan,
                verticalAlign: VerticalAlign.CENTER,
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cell.text, size: 18 })] })]
              })
          )
        })
    )
  })
}

function report() {
  return [
    new Paragraph({ style: 'ZFTitle', children: [new TextRun('柞水县医疗保障局2024年政府信息公开工作年度报告')] }),
    body(
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,按照《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)要求,现将柞水县医疗保障局2024年政府信息公开工作年度报告予以公开发布。本报告所列数据的统计时间自2024年1月1日到2024年12月31日。'
    ),
    heading('总体情况'),
    leadIn('(一)主动公开政府信息情况。', '通过柞水县人民政府网站、“柞水医保”微信公众号,累计公布各类信息167条,发布通知公告5条,政策解读类信息32条。'),
    leadIn('(二)依申请公开情况。', '全年未收到依申请公开事项。'),
    leadIn(
      '(三)政府信息管理情况。',
      '建立了完善的信息公开管理机制,明确了信息从编辑到审核、发布的全流程标准,严格界定公开范围和途径,确保信息发布合法、合规、合理。由本单位1名分管领导和1名业务干部专职负责信息统筹管理,在“三审三校”制度下,对公开信息层层把关,有效避免了信息错漏、敏感信息泄露等问题,保障了信息的准确性、权威性和安全性,推动信息公开工作标准化、规范化发展,提升了医保部门公信力。'
    ),
    leadIn(
      '(四)政府信息公开平台建设情况。',
      '加强“柞水医保”微信公众号的日常维护,明确发稿任务和报送内容,强化信息报送要求,规范信息报送格式与标准。公众号发布内容涵盖医保政策、工作动态及政府部门推荐的重点信息,逐步将公众号打造成群众了解医保政策、获取医保服务的重要窗口,扩大医保信息传播的覆盖面和影响力。'
    ),
    leadIn(
      '(五)监督保障情况。',
      '建立定期自查机制,每月对信息公开工作进行检查评估,同时,将信息公开工作纳入年度绩效考核体系,确保信息公开工作落到实处,为医保事业健康发展提供有力支撑。'
    ),
    heading('二、主动公开政府信息情况'),
    wordTable(activeDisclosure),
    heading('三、收到和处理政府信息公开申请情况'),
    wordTable(applications),
    heading('四、政府信息公开行政复议、行政诉讼情况'),
    wordTable(appeals),
    heading('五、存在的主要问题及改进情况'),
    leadIn(
      '(一)存在问题。',
      '一是信息公开的深度和专业性有待提高。部分医保政策解读过于笼统,对于医保领域的一些专业术语和复杂数据,缺乏通俗易懂的转化和阐释,影响了公众的理解和接受程度。二是信息公开及时性存在短板。一些医保业务调整信息和新政策发布未能第一时间向公众公开,存在一定的滞后性。给部分群众办理业务带来了不便,也引发了一些不必要的咨询和误解,降低了工作效率和群众满意度。'
    ),
    leadIn(
      '(二)改进措施。',
      '一是强化信息深度加工与专业解读。采用图文并茂、案例分析、问答手册等多种形式,将复杂的政策内容转化为公众易于理解的信息,提高信息的可读性和实用性。二是建立健全信息发布时效性保障机制。优化信息发布流程,明确各部门在信息收集、整理、审核、发布等环节的职责和时间节点,确保信息能够及时、准确地对外发布。'
    ),
    // Typed as bold body text rather than with the heading style.
    new Paragraph({ children: [new TextRun({ text: '六、其他需要报告的事项', bold: true })] }),
    body(
      '2024年度,根据《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》(国办函〔2020〕109号)规定,本机关未收取信息处理费。'
    ),
    body('文稿编辑:杨程')
  ]
}

const FIXED_DATE = '2025-01-20T00:00:00Z'

/** docProps/core.xml with fixed dates (the library stamps the current time). */
const coreXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>柞水县医疗保障局2024年政府信息公开工作年度报告</dc:title><dc:creator>柞水县医疗保障局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified></cp:coreProperties>`

/**
 * Set every zip entry's DOS time and date (local headers and central
 * directory) to 1980-01-01 00:00, so two runs give identical bytes.
 */
export function fixZipTimes(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let eocd = zip.length - 22
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const DOS_DATE = (0 << 9) | (1 << 5) | 1
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('unexpected zip layout')
    view.setUint16(at + 12, 0, true)
    view.setUint16(at + 14, DOS_DATE, true)
    const local = view.getUint32(at + 42, true)
    view.setUint16(local + 10, 0, true)
    view.setUint16(local + 12, DOS_DATE, true)
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return zip
}

/** The sample report as DOCX bytes. */
export async function buildAnnualReport() {
  const doc = new Document({
    creator: '柞水县医疗保障局',
    title: '柞水县医疗保障局2024年政府信息公开工作年度报告',
    styles: {
      default: { document: { run: { font: BODY_FONT, size: 24 } } },
      paragraphStyles: [
        // Style names as Chinese WPS writes them: 标题 (title) and 标题 1.
        { id: 'ZFTitle', name: '标题', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 36, font: '方正小标宋简体' }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: HEADING_STYLE, name: '标题 1', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 32, font: '黑体' }, paragraph: { outlineLevel: 0 } }
      ]
    },
    sections: [{ children: report() }]
  })
  const bytes = await Packer.toBuffer(doc, undefined, [{ path: 'docProps/core.xml', data: coreXml }])
  return fixZipTimes(new Uint8Array(bytes))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL('../samples/annual-report.docx', import.meta.url))
  await writeFile(out, await buildAnnualReport())
  process.stderr.write(`wrote ${out}\n`)
}
