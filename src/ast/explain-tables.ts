/** `--explain` (and the web page): per table found, its origin data and grid size. */
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { TableOrigin } from './types.js'

/** What docmend knows about one table it found. */
export interface TableReport {
  /** 1-based position among the document's tables. */
  index: number
  /** The layout detected, or `'unknown'` for a table without origin data. */
  layout: TableOrigin['layout'] | 'unknown'
  rows: number
  columns: number
  headerRows: number
  /** 0..1, or null when the table carries no origin data. */
  confidence: number | null
  /** 1-based source line span, for text inputs. */
  lines?: [number, number]
  /** 1-based page span, for PDF inputs. */
  pages?: [number, number]
}

export function describeTables(tree: Root): TableReport[] {
  const reports: TableReport[] = []
  visit(tree, 'table', (node) => {
    const origin = node.data?.origin
    reports.push({
      index: reports.length + 1,
      layout: origin?.layout ?? 'unknown',
      rows: node.children.length,
      columns: node.children[0]?.children.length ?? 0,
      headerRows: node.data?.headerRows ?? 0,
      confidence: origin ? origin.confidence : null,
      ...(origin?.lines ? { lines: origin.lines } : {}),
      ...(origin?.pages ? { pages: origin.pages } : {})
    })
  })
  return reports
}

/** One `--explain` line. */
export function formatTableReport(report: TableReport): string {
  const where = report.lines
    ? ` (lines ${report.lines[0]}-${report.lines[1]})`
    : report.pages
      ? ` (page${report.pages[0] === report.pages[1] ? ` ${report.pages[0]}` : `s ${report.pages[0]}-${report.pages[1]}`})`
      : ''
  const confidence = report.confidence === null ? '—' : report.confidence.toFixed(2)
  return `table ${report.index}${where}: ${report.layout} layout, ${report.rows}×${report.columns} grid, ${report.headerRows} header row(s), confidence ${confidence}`
}

export function explainTables(tree: Root): string[] {
  return describeTables(tree).map(formatTableReport)
}
