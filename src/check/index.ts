/** The table arithmetic check: totals that do not add up. */
export { checkDocument, checkMessages, findingSentence } from './check-document.js'
export type { CheckDocumentOptions, DocumentCheck, DocumentFinding, TableSummary } from './check-document.js'
export { checkTable } from './check-table.js'
export type { CheckOptions, FindingPart, TableCheck, TotalFinding } from './check-table.js'
export { classifyLabel, stripNumbering, type LabelClass, type LabelRole } from './labels.js'
export { parseReportNumber, type ReportNumber } from '../tables/cell-type.js'
export { formatCheck } from './report.js'
