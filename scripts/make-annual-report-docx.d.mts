/** Types for scripts/make-annual-report-docx.mjs, so tests can import its ground truth. */

/** A table cell as the script describes it: text and spans. */
export interface SampleCell {
  text: string
  rowSpan: number
  colSpan: number
}

/** A table: its column count, leading header rows, and origin cells row by row. */
export interface SampleTable {
  cols: number
  headerRows: number
  rows: SampleCell[][]
}

/** The report's three tables, in document order. */
export declare const TABLES: SampleTable[]

/** The sample report as DOCX bytes (byte-for-byte reproducible). */
export declare function buildAnnualReport(): Promise<Uint8Array>

/** Set every zip entry's time to 1980-01-01 00:00 (in place), for reproducible bytes. */
export declare function fixZipTimes(zip: Uint8Array): Uint8Array
