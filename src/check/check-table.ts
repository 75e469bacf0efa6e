/**
 * Check every total of one table: total rows down each value column, total
 * columns across each body row. Pure: a table in, findings and notes out.
 */
import type { Table } from 'mdast'
import { tableToGrid } from '../ast/table.js'
import { type AxisNode, type TableAxes, tableAxes } from './axes.js'
import { formatNumber } from '../tables/cell-type.js'
import { type Part, type Relation, findRelations } from './relations.js'
import { type SumResult, checkSum, liesBetweenParts } from './sum.js'

export interface CheckOptions {
  /** Largest difference accepted between a stated total and its parts; undefined = auto (see `checkSum`). */
  tolerance?: number | undefined
}

export interface FindingPart {
  row: number
  col: number
  /** The part's row label (for a total row) or column header (for a total column), from inside the total's group. */
  label: string
  text: string
  value: number
  sign: 1 | -1
}

/** A total that disagrees with its parts. Positions are 0-based grid slots (head rows included). */
export interface TotalFinding {
  /** 'rows': the total adds up rows of its column; 'columns': it adds up columns of its row. */
  sums: 'rows' | 'columns'
  row: number
  col: number
  rowHeader: string
  colHeader: string
  statedText: string
  stated: number
  computed: number
  /** The computed value written like the report's figures. */
  computedText: string
  tolerance: number
  parts: FindingPart[]
  /** How the parts were chosen, in words. */
  basis: string
}

export interface TableCheck {
  findings: TotalFinding[]
  /** What was checked and what was not, and why (for `--explain`). */
  notes: string[]
  /** Totals found (explicit and result lines that add up). */
  totals: number
  /** Sums checked (one per total per place). */
  sums: number
}

type Direction = 'rows' | 'columns'

/** Full paths of every leaf, by grid index. */
function leafPaths(root: AxisNode): Map<number, AxisNode[]> {
  const out = new Map<number, AxisNode[]>()
  const walk = (node: AxisNode, path: AxisNode[]) => {
    if (node.index !== undefined) out.set(node.index, path)
    for (const child of node.children) walk(child, [...path, child])
  }
  walk(root, [])
  return out
}

/** The repair confidence a table's structure needs before its totals are reported. */
const CONFIDENT = 0.9

export function checkTable(table: Table, options: CheckOptions = {}): TableCheck {
  const { grid } = tableToGrid(table)
  const axes = tableAxes(grid)
  const rowPaths = leafPaths(axes.rows)
  const colPaths = leafPaths(axes.cols)
  const pathText = (path: AxisNode[] | undefined) => (path ?? []).map((n) => axes.labelOf(n)).filter(Boolean).join(' › ')
  const isMarker = (leaf: AxisNode) => !axes.rowHasNumbers(leaf.index!) && axes.labelOf(leaf) !== ''

  // Places where a total row is checked (value columns) and a total column is checked (body rows with numbers).
  const colPlaces = [...colPaths.keys()].filter((c) => placeAllowed(axes, colPaths.get(c)!))
  const rowPlaces = [...rowPaths.keys()].filter((r) => axes.rowHasNumbers(r) && placeAllowed(axes, rowPaths.get(r)!))

  const sumAt = (direction: Direction, total: number, place: number, parts: Part[]): SumResult => {
    const at = (line: number) => (direction === 'rows' ? axes.valueAt(line, place) : axes.valueAt(place, line))
    const placePath = direction === 'rows' ? colPaths.get(place) : rowPaths.get(place)
    const percentPlace = isPercentPlace(axes, placePath)
    return checkSum(
      at(total),
      parts.map((p) => ({ value: at(p.index), sign: p.sign })),
      { tolerance: options.tolerance, percentPlace }
    )
  }
  const scorer = (direction: Direction) => (total: AxisNode, parts: Part[]) => {
    const places = direction === 'rows' ? colPlaces : rowPlaces
    let checked = 0
    let held = 0
    let nonZero = false
    for (const place of places) {
      const result = sumAt(direction, total.index!, place, parts)
      if (result.kind !== 'checked') continue
      checked++
      if (result.held) held++
      if (result.computed !== 0) nonZero = true
    }
    return { checked, held, nonZero }
  }

  const byRows = findRelations(axes, axes.rows, isMarker, scorer('rows'))
  const byCols = findRelations(axes, axes.cols, () => false, scorer('columns'))
  const notes: string[] = []
  const findings: TotalFinding[] = []
  let sums = 0

  // A place where every total (two or more) lies between its parts holds averages or rates, whatever its header says.
  const averagePlaces = (direction: Direction, relations: Relation[]) => {
    const out = new Set<number>()
    for (const place of direction === 'rows' ? colPlaces : rowPlaces) {
      const at = (line: number) => (direction === 'rows' ? axes.valueAt(line, place) : axes.valueAt(place, line))
      const checked = relations.filter((r) => at(r.total.index!).kind === 'number')
      if (checked.length >= 2 && checked.every((r) => liesBetweenParts(at(r.total.index!), r.parts.map((p) => ({ value: at(p.index), sign: p.sign }))))) out.add(place)
    }
    return out
  }
  const averages = { rows: averagePlaces('rows', byRows.relations), columns: averagePlaces('columns', byCols.relations) }

  const explain = (direction: Direction, relation: Relation) => {
    const places = direction === 'rows' ? colPlaces : rowPlaces
    const lineWord = direction === 'rows' ? 'row' : 'column'
    const partsWord = direction === 'rows' ? 'rows' : 'columns'
    let checked = 0
    let failed = 0
    const skippedReasons = new Set<string>()
    const mine: TotalFinding[] = []
    for (const place of places) {
      if (averages[direction].has(place)) {
        skippedReasons.add('every total lies between its parts, as averages and rates do')
        continue
      }
      const result = sumAt(direction, relation.total.index!, place, relation.parts)
      if (result.kind === 'skipped') {
        skippedReasons.add(result.reason)
        continue
      }
      checked++
      if (result.held || relation.implicit) continue
      failed++
      mine.push(makeFinding(direction, relation, place, result))
    }
    // A total that fails in most places where it is checked says the grouping read is wrong, not the figures.
    if (checked >= 3 && failed * 2 > checked) {
      notes.push(`${lineWord} total "${pathText(relation.path)}": differs in ${failed} of ${checked} places, so the header structure read behind it is not confident: not reported`)
      mine.length = 0
    }
    findings.push(...mine)
    sums += checked
    const basis = basisText(relation, whereOf(relation))
    const names = relation.parts.map((p) => partLabel(direction, relation, p)).join(', ')
    const what = relation.implicit
      ? `${lineWord} "${pathText(relation.path)}" is not named a total but equals the sum of ${relation.parts.length} ${partsWord} (${basis}): counted as a subtotal`
      : `${lineWord} total "${pathText(relation.path)}" = sum of ${relation.parts.length} ${partsWord} (${basis}): ${names}`
    const outcome =
      checked === 0
        ? 'nothing to check'
        : `checked in ${checked} ${direction === 'rows' ? (checked === 1 ? 'column' : 'columns') : checked === 1 ? 'row' : 'rows'}: ${failed === 0 ? 'all hold' : `${checked - failed} hold, ${failed} differ`}`
    notes.push(`${what}; ${outcome}${skippedReasons.size > 0 ? ` (not checked where ${[...skippedReasons].join('; ')})` : ''}`)
  }

  const whereOf = (relation: Relation) => (relation.group ? `under "${axes.labelOf(relation.group)}"` : 'in the table')

  const partLabel = (direction: Direction, relation: Relation, part: Part) => {
    const path = (direction === 'rows' ? rowPaths : colPaths).get(part.index) ?? []
    // Named from inside the total's group: "（三）不予公开 › 1.属于国家秘密", not the whole path.
    const inside = pathText(path.slice(relation.path.length - 1))
    return `${part.sign < 0 ? '−' : ''}${inside || `${direction === 'rows' ? 'row' : 'column'} ${part.index + 1}`}`
  }

  const makeFinding = (direction: Direction, relation: Relation, place: number, result: Extract<SumResult, { kind: 'checked' }>): TotalFinding => {
    const row = direction === 'rows' ? relation.total.index! : place
    const col = direction === 'rows' ? place : relation.total.index!
    const parts: FindingPart[] = relation.parts.map((p) => {
      const r = direction === 'rows' ? p.index : place
      const c = direction === 'rows' ? place : p.index
      const value = axes.valueAt(r, c)
      return {
        row: r,
        col: c,
        label: partLabel(direction, relation, p),
        text: value.kind === 'number' || value.kind === 'text' ? axes.textAt(r, c) : '',
        value: value.kind === 'number' ? value.number.value : 0,
        sign: p.sign
      }
    })
    return {
      sums: direction,
      row,
      col,
      rowHeader: pathText(rowPaths.get(row)),
      colHeader: pathText(colPaths.get(col)),
      statedText: axes.textAt(row, col),
      stated: result.stated.value,
      computed: result.computed,
      computedText: formatNumber(result.computed, result.decimals, result.stated.percent),
      tolerance: result.tolerance,
      parts,
      basis: basisText(relation, whereOf(relation))
    }
  }

  for (const relation of byRows.relations) explain('rows', relation)
  for (const relation of byCols.relations) explain('columns', relation)
  for (const s of byRows.skipped) notes.push(`row "${pathText(s.path)}": ${s.reason}`)
  for (const s of byCols.skipped) notes.push(`column "${pathText(s.path)}": ${s.reason}`)
  if (byRows.relations.length + byCols.relations.length === 0) notes.push('no totals found')

  // A false alarm costs more than a miss: on a table whose structure was rebuilt without confidence, say nothing.
  const confidence = (table.data as { origin?: { confidence?: number } } | undefined)?.origin?.confidence
  if (confidence !== undefined && confidence < CONFIDENT && findings.length > 0) {
    notes.push(`${findings.length} total(s) differ, but the table's structure was rebuilt with confidence ${confidence.toFixed(2)} (below ${CONFIDENT}): not reported`)
    findings.length = 0
  }
  const { kept, explained } = withoutConsequences(findings)
  for (const f of explained) {
    notes.push(`${f.finding.sums === 'rows' ? 'row' : 'column'} total at "${f.finding.rowHeader}" × "${f.finding.colHeader}" is off by ${formatNumber(f.finding.stated - f.finding.computed)} only because its part at row ${f.cause.row + 1}, column ${f.cause.col + 1} is off: not reported`)
  }
  return { findings: kept, notes, totals: byRows.relations.length + byCols.relations.length, sums }
}

/**
 * Whether a value column or body row is a place where sums are checked: not
 * an index, average or ratio, whichever level of its header says so
 * (`VARIATION › Percentage › (c/a)`); a share column only where it totals 100%.
 */
function placeAllowed(axes: TableAxes, path: AxisNode[]): boolean {
  if (path.length === 0) return true
  if (axes.classOf(path[path.length - 1]).role === 'index') return false
  const derived = path.some((node) => axes.classesOf(node).some((c) => c.role === 'derived'))
  return !derived || isPercentPlace(axes, path)
}

function isPercentPlace(axes: TableAxes, path: AxisNode[] | undefined): boolean {
  return (path ?? []).some((node) => axes.classesOf(node).some((c) => c.percent))
}

function basisText(relation: Relation, where: string): string {
  if (relation.basis === 'named') return `the items next to it ${where} that its label names`
  if (relation.basis === 'after') return `the items after it ${where}, up to the next total or heading`
  if (relation.basis === 'since') return `the items since the previous total ${where}`
  if (relation.basis === 'group') return `the items before it ${where}, across section headings`
  return `the items before it ${where}`
}

/**
 * A total that fails only because one of its parts is itself a failing total
 * (off by the opposite amount) is a consequence, not a second error: a wrong
 * `（七）总计 × 自然人` also breaks the row's `总计`.
 */
function withoutConsequences(findings: TotalFinding[]): { kept: TotalFinding[]; explained: { finding: TotalFinding; cause: TotalFinding }[] } {
  const at = new Map<string, TotalFinding[]>()
  for (const f of findings) at.set(`${f.row},${f.col}`, [...(at.get(`${f.row},${f.col}`) ?? []), f])
  const kept: TotalFinding[] = []
  const explained: { finding: TotalFinding; cause: TotalFinding }[] = []
  for (const f of findings) {
    const diff = f.stated - f.computed
    let cause: TotalFinding | undefined
    for (const part of f.parts) {
      cause = (at.get(`${part.row},${part.col}`) ?? []).find(
        (other) => other.sums !== f.sums && Math.abs(part.sign * (other.stated - other.computed) + diff) <= f.tolerance + 1e-9
      )
      if (cause) break
    }
    if (cause) explained.push({ finding: f, cause })
    else kept.push(f)
  }
  return { kept, explained }
}
