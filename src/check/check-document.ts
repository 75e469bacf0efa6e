/**
 * Check the totals of every table in a document; optionally record each
 * failing total on its cell (`data.check`) so writers can mark it.
 */
import type { Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { TotalMismatch } from '../ast/types.js'
import { type Message, warning } from '../messages.js'
import { type CheckOptions, type TotalFinding, checkTable } from './check-table.js'
import { formatNumber } from '../tables/cell-type.js'

export interface DocumentFinding extends TotalFinding {
  /** 1-based position of the table in the document. */
  table: number
  /** The table's caption, or the heading (or short line) before it, or `table N`. */
  title: string
}

export interface TableSummary {
  table: number
  title: string
  totals: number
  sums: number
  notes: string[]
}

export interface DocumentCheck {
  findings: DocumentFinding[]
  tables: TableSummary[]
  /** The tolerance asked for; undefined means auto. */
  tolerance: number | undefined
}

export interface CheckDocumentOptions extends CheckOptions {
  /** Record each failing total on its cell as `data.check` (default: `false`). */
  annotate?: boolean
}

const SHORT_LINE = 80

/** Each table with the title a reader would call it by. */
function tablesWithTitles(tree: Root): { table: Table; title: string }[] {
  const out: { table: Table; title: string }[] = []
  let lastHeading = ''
  visit(tree, (node, index, parent) => {
    if (node.type === 'heading') lastHeading = toString(node).trim()
    if (node.type !== 'table') return
    const previous = parent && index !== undefined && index > 0 ? parent.children[index - 1] : undefined
    const previousText = previous && (previous.type === 'heading' || previous.type === 'paragraph') ? toString(previous).trim() : ''
    const title =
      node.data?.caption?.trim() ||
      (previousText && Array.from(previousText).length <= SHORT_LINE && !previousText.includes('\n') ? previousText : '') ||
      lastHeading ||
      `table ${out.length + 1}`
    out.push({ table: node, title })
    return 'skip'
  })
  return out
}

/** One line for a finding, as a warning message or an HTML title. */
export function findingSentence(f: TotalFinding): string {
  const where = f.sums === 'rows' ? `row "${f.rowHeader}", column "${f.colHeader}"` : `column "${f.colHeader}", row "${f.rowHeader}"`
  return `total at ${where} states ${f.statedText} but its ${f.parts.length} part(s) add up to ${f.computedText} (difference ${formatNumber(f.stated - f.computed)}, tolerance ${f.tolerance})`
}

export function checkDocument(tree: Root, options: CheckDocumentOptions = {}): DocumentCheck {
  const findings: DocumentFinding[] = []
  const tables: TableSummary[] = []
  tablesWithTitles(tree).forEach(({ table, title }, i) => {
    const result = checkTable(table, options)
    tables.push({ table: i + 1, title, totals: result.totals, sums: result.sums, notes: result.notes })
    for (const f of result.findings) {
      findings.push({ ...f, table: i + 1, title })
      if (options.annotate) annotate(table, f)
    }
  })
  return { findings, tables, tolerance: options.tolerance }
}

function annotate(table: Table, f: TotalFinding): void {
  const cell = table.children[f.row]?.children[f.col]
  if (!cell) return
  const mismatch: TotalMismatch = {
    sums: f.sums,
    stated: f.stated,
    computed: f.computed,
    tolerance: f.tolerance,
    parts: f.parts.map((p) => [p.row, p.col]),
    message: findingSentence(f)
  }
  cell.data = { ...cell.data, check: { mismatches: [...(cell.data?.check?.mismatches ?? []), mismatch] } }
}

/** The findings as warnings (`check-total-mismatch`), for `convert --check`. */
export function checkMessages(check: DocumentCheck): Message[] {
  return check.findings.map((f) => warning('check-total-mismatch', `table ${f.table} "${f.title}": ${findingSentence(f)}`))
}
