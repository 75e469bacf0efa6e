/** Types for scripts/make-numbered-report-docx.mjs, so tests can import its ground truth. */

/** The headings as Word shows them, labels included, in order. */
export declare const HEADINGS: string[]
/** Each body list: the first label Word shows and the items' texts. */
export declare const LISTS: Record<'steps' | 'circled' | 'problems', [string, string[]]>
/** The table's body rows: label text (numbered （一）… by Word) and figures. */
export declare const TABLE_ROWS: string[][]
/** The sample as DOCX bytes (byte-for-byte reproducible). */
export declare function buildNumberedReport(): Promise<Uint8Array>
