/**
 * Random but realistic tables with merged cells, as ground truth for the
 * repair tests: multi-level column headers (groups over repeated measures,
 * totals as leaves), hierarchical row labels (numbered Chinese-report style
 * or plain English), stubs, section rows with sub-headers, and values as
 * reports write them.
 */

export interface TruthCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
  header: boolean
}

export interface TruthTable {
  rows: number
  cols: number
  headerRows: number
  cells: TruthCell[]
  lang: 'zh' | 'en'
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rand = () => number
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]

const ZH_WORDS = ['收入', '支出', '项目', '资金', '人员', '经费', '资产', '负债', '办理', '申请', '服务', '机构', '企业', '组织', '政府', '信息', '公开', '处理', '教育', '医疗', '交通', '住房', '农业', '科技', '文化', '卫生', '社会', '保障', '建设', '管理']
const ZH_PLACES = ['上海市', '江苏省', '浙江省', '北京市', '天津市', '广东省', '四川省', '重庆市', '湖北省', '湖南省', '河南省', '山东省']
const ZH_GROUPS = ['华东地区', '华北地区', '华南地区', '西部地区', '中部地区', '东北地区']
const ZH_MEASURES = ['数量', '金额', '占比', '同比增长', '件数', '人数', '户数']
/** Column groups by header level: periods over categories, as real heads nest them. */
const ZH_COLGROUPS = [['2022年', '2023年', '2024年', '本年', '上年'], ['城镇', '农村', '男性', '女性', '已办结', '未办结', '一季度', '二季度']]
const EN_WORDS = ['Revenue', 'Cost', 'Product', 'Service', 'Operating', 'Capital', 'Staff', 'Budget', 'Grants', 'Loans', 'Energy', 'Transport', 'Housing', 'Health', 'Education', 'Research', 'Marketing', 'Licensing', 'Equipment', 'Software']
const EN_PLACES = ['France', 'Germany', 'Spain', 'Italy', 'Japan', 'China', 'India', 'Brazil', 'Canada', 'Mexico', 'Kenya', 'Egypt']
const EN_GROUPS = ['Europe', 'Asia', 'Americas', 'Africa', 'Oceania', 'Middle East']
const EN_MEASURES = ['Units', 'Amount', 'Share', 'Growth', 'Orders', 'Returns', 'Margin']
const EN_COLGROUPS = [['2022', '2023', '2024', 'Actual', 'Plan', 'Prior year'], ['Domestic', 'Export', 'Male', 'Female', 'Urban', 'Rural', 'Q1', 'Q2']]
const HAN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function zhLabel(r: Rand): string {
  const n = int(r, 1, 3)
  return Array.from({ length: n }, () => pick(r, ZH_WORDS)).join('')
}

function enLabel(r: Rand): string {
  const n = int(r, 1, 3)
  const words = Array.from({ length: n }, () => pick(r, EN_WORDS))
  return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ')
}

function value(r: Rand, lang: 'zh' | 'en'): string {
  const style = r()
  if (style < 0.45) return String(int(r, 0, 99))
  if (style < 0.6) return String(int(r, 100, 9999)).replace(/\B(?=(\d{3})+$)/g, ',')
  if (style < 0.72) return `${(r() * 100).toFixed(1)}%`
  if (style < 0.82) return (r() * 1000).toFixed(2)
  if (style < 0.9) return lang === 'en' ? `(${int(r, 1, 999).toLocaleString('en')})` : `-${int(r, 1, 99)}`
  if (style < 0.95) return lang === 'en' ? `$${int(r, 1, 9999).toLocaleString('en')}` : '—'
  return '0'
}

interface HeadNode {
  text: string
  children: HeadNode[]
}

/** A header forest over the value columns. */
function headForest(r: Rand, lang: 'zh' | 'en', depth: number): HeadNode[] {
  const measures = lang === 'zh' ? ZH_MEASURES : EN_MEASURES
  const groups = lang === 'zh' ? ZH_COLGROUPS : EN_COLGROUPS
  const total = lang === 'zh' ? pick(r, ['合计', '总计', '小计']) : pick(r, ['Total', 'Subtotal'])
  const uniq = (list: readonly string[], n: number) => {
    const pool = [...list]
    const out: string[] = []
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0])
    while (out.length < n) out.push(lang === 'zh' ? zhLabel(r) : enLabel(r))
    return out
  }
  const leaves = (n: number, withTotal: boolean) => {
    const names = uniq(measures, n)
    if (withTotal) names[names.length - 1] = total
    return names.map((text) => ({ text, children: [] }))
  }
  if (depth === 1) return leaves(int(r, 2, 7), r() < 0.3)
  const shared = r() < 0.65 ? leaves(int(r, 2, 4), r() < 0.3) : null
  const make = (level: number): HeadNode[] => {
    if (level === depth - 1) return shared ? shared.map((n) => ({ ...n })) : leaves(int(r, 2, 4), r() < 0.25)
    const names = uniq(groups[Math.min(level + (depth === 2 ? 1 : 0), 1)], int(r, 2, 3))
    return names.map((text) => ({ text, children: make(level + 1) }))
  }
  const roots = make(0)
  // Some tables keep leaf columns beside the groups (a rowspan header), often a total at the end.
  if (r() < 0.5) roots.unshift({ text: lang === 'zh' ? pick(r, ['自然人', '个人', '基数']) : pick(r, ['Base', 'Prior year', 'Opening']), children: [] })
  if (r() < 0.4) roots.push({ text: total, children: [] })
  return roots
}

interface RowNode {
  text: string
  children: RowNode[]
}

function numbered(lang: 'zh' | 'en', level: number, index: number, style: boolean): string {
  if (!style) return ''
  if (lang === 'zh') return [`${HAN[index % 10]}、`, `（${HAN[index % 10]}）`, `${index + 1}.`][level] ?? ''
  return [`${index + 1}. `, `${String.fromCharCode(97 + (index % 26))}) `, ''][level] ?? ''
}

/** Hierarchical row labels over `levels` label columns. */
function rowForest(r: Rand, lang: 'zh' | 'en', levels: number, withNumbers: boolean): RowNode[] {
  const make = (level: number, count: number): RowNode[] =>
    Array.from({ length: count }, (_, i) => {
      const base = lang === 'zh' ? (level === 0 && levels > 1 ? pick(r, ZH_GROUPS) : level === levels - 1 && levels > 1 ? pick(r, ZH_PLACES) : zhLabel(r)) : level === 0 && levels > 1 ? pick(r, EN_GROUPS) : level === levels - 1 && levels > 1 ? pick(r, EN_PLACES) : enLabel(r)
      const text = numbered(lang, level, i, withNumbers) + base
      const hasChildren = level < levels - 1 && r() < 0.75
      return { text, children: hasChildren ? make(level + 1, int(r, 2, 4)) : [] }
    })
  return make(0, int(r, 2, levels === 1 ? 6 : 4))
}

/** Build the table: stub + head forest on top, row forest and values below. */
export function generateTable(seed: number): TruthTable {
  const r = rng(seed)
  const lang: 'zh' | 'en' = r() < 0.5 ? 'zh' : 'en'
  if (r() < 0.15) return sectionedTable(r, lang)
  const depth = r() < 0.35 ? 1 : r() < 0.75 ? 2 : 3
  const head = headForest(r, lang, depth)
  const L = r() < 0.1 ? 0 : r() < 0.5 ? 1 : r() < 0.8 ? 2 : 3
  const withNumbers = lang === 'zh' ? r() < 0.7 : r() < 0.25
  const body = L > 0 ? rowForest(r, lang, L, withNumbers) : []

  const cells: TruthCell[] = []
  const widthOf = (n: HeadNode): number => (n.children.length === 0 ? 1 : n.children.reduce((s, c) => s + widthOf(c), 0))
  const V = head.reduce((s, n) => s + widthOf(n), 0)
  const C = L + V
  const headRows = depth
  // Stub over the label columns.
  if (L > 0) {
    const stub = lang === 'zh' ? pick(r, ['项目', '指标', '地区', '类别']) : pick(r, ['Item', 'Region', 'Category', 'Line'])
    cells.push({ row: 0, col: 0, rowSpan: headRows, colSpan: L, text: stub, header: true })
  }
  const placeHead = (nodes: HeadNode[], row: number, col: number) => {
    let c = col
    for (const n of nodes) {
      const w = widthOf(n)
      const rowSpan = n.children.length === 0 ? headRows - row : 1
      cells.push({ row, col: c, rowSpan, colSpan: w, text: n.text, header: true })
      if (n.children.length > 0) placeHead(n.children, row + 1, c)
      c += w
    }
  }
  placeHead(head, 0, L)

  let row = headRows
  const placeBody = (nodes: RowNode[], level: number) => {
    for (const n of nodes) {
      if (n.children.length === 0) {
        cells.push({ row, col: level, rowSpan: 1, colSpan: L - level, text: n.text, header: true })
        for (let v = 0; v < V; v++) cells.push({ row, col: L + v, rowSpan: 1, colSpan: 1, text: value(r, lang), header: false })
        row++
      } else {
        const start = row
        const top = cells.length
        cells.push({ row, col: level, rowSpan: 1, colSpan: 1, text: n.text, header: true })
        placeBody(n.children, level + 1)
        cells[top].rowSpan = row - start
      }
    }
  }
  if (L > 0) placeBody(body, 0)
  else {
    for (let k = 0, n = int(r, 1, 4); k < n; k++, row++) {
      for (let v = 0; v < V; v++) cells.push({ row, col: v, rowSpan: 1, colSpan: 1, text: value(r, lang), header: false })
    }
  }
  if (L > 0 && r() < 0.35) {
    cells.push({ row, col: 0, rowSpan: 1, colSpan: L, text: lang === 'zh' ? pick(r, ['合计', '总计']) : 'Total', header: true })
    for (let v = 0; v < V; v++) cells.push({ row, col: L + v, rowSpan: 1, colSpan: 1, text: value(r, lang), header: false })
    row++
  }
  return { rows: row, cols: C, headerRows: headRows, cells: cells.sort((a, b) => a.row - b.row || a.col - b.col), lang }
}

/** A form-style table: full-width section rows, each with a sub-header and a few data rows. */
function sectionedTable(r: Rand, lang: 'zh' | 'en'): TruthTable {
  const C = int(r, 3, 5)
  const cells: TruthCell[] = []
  let row = 0
  const sections = int(r, 2, 4)
  for (let s = 0; s < sections; s++) {
    const title = lang === 'zh' ? `第${HAN[int(r, 1, 9)]}十条第（${HAN[s]}）项` : `Section ${s + 1}: ${enLabel(r)}`
    cells.push({ row, col: 0, rowSpan: 1, colSpan: C, text: title, header: true })
    row++
    // One section fills every column, as real forms do (the others merge their last columns).
    const measures = s === 0 ? C - 1 : int(r, 1, C - 1)
    const names = Array.from({ length: measures }, () => (lang === 'zh' ? pick(r, ZH_WORDS) + pick(r, ZH_MEASURES) : `${pick(r, EN_WORDS)} ${pick(r, EN_MEASURES).toLowerCase()}`))
    cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, text: lang === 'zh' ? '信息内容' : 'Item', header: true })
    names.forEach((text, i) => cells.push({ row, col: 1 + i, rowSpan: 1, colSpan: i === measures - 1 ? C - 1 - i : 1, text, header: true }))
    row++
    for (let k = 0, n = int(r, 1, 3); k < n; k++, row++) {
      cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, text: lang === 'zh' ? zhLabel(r) : enLabel(r), header: true })
      names.forEach((_, i) => cells.push({ row, col: 1 + i, rowSpan: 1, colSpan: i === measures - 1 ? C - 1 - i : 1, text: value(r, lang), header: false }))
    }
  }
  return { rows: row, cols: C, headerRows: 2, cells, lang }
}
