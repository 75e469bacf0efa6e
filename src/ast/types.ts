/**
 * The canonical AST: mdast (with GFM tables), plus a few typed `data` fields.
 * Every reader produces it and every writer consumes only it.
 * The conventions are documented once, in README.md ("The canonical AST").
 */
import type { Root } from 'mdast'

/** How a table was found, for `--explain` and the web page. */
export interface TableOrigin {
  /** Where the table came from: a markup table or a repaired text layout. */
  layout:
    | 'gfm'
    | 'html'
    | 'docx'
    | 'pdf-ruled'
    | 'pdf-aligned'
    | 'pipe-row'
    | 'pipe-cell'
    | 'tab-row'
    | 'tab-cell'
    | 'spaces'
    | 'broken-gfm'
  /** 0..1: how sure the repair is of the grid (1 for markup tables). */
  confidence: number
  /** 1-based source line span, for text inputs. */
  lines?: [number, number]
  /** 1-based page span, for PDF inputs (two pages when the table runs over a page end). */
  pages?: [number, number]
}

/** A total that disagrees with its parts, as the check stage (`convert --check`) records it on the total's cell. */
export interface TotalMismatch {
  /** `rows`: the cell totals rows of its column; `columns`: it totals columns of its row. */
  sums: 'rows' | 'columns'
  stated: number
  computed: number
  /** Largest difference that would have been accepted as rounding. */
  tolerance: number
  /** The cells summed, as 0-based `[row, col]` grid slots. */
  parts: [number, number][]
  /** One sentence for readers (HTML writes it as the cell's `title`). */
  message: string
}

declare module 'mdast' {
  interface TableData {
    /** Leading rows that form the table head (`<thead>`). Default 0. */
    headerRows?: number
    /** Caption text, when the source had one. */
    caption?: string
    /** Where the table came from. */
    origin?: TableOrigin
  }
  interface TableCellData {
    /** Rows this cell spans (origin cells only). Default 1. */
    rowSpan?: number
    /** Columns this cell spans (origin cells only). Default 1. */
    colSpan?: number
    /** This slot is covered by a merged cell above and/or to the left. */
    covered?: boolean
    /** A header cell (`<th>`). */
    header?: boolean
    /** Set by the check stage on a total that does not add up. */
    check?: { mismatches: TotalMismatch[] }
  }
  interface ListItemData {
    /** The marker the source numbered this item with, as its reader shows it (`（一）`, `1.1`, `a)`; '' shows none). */
    label?: string
    /** The number format behind it, Word's `w:numFmt` name (`chineseCounting`, `decimal`, `lowerLetter`, …). */
    format?: string
  }
  interface RootData {
    /** Document title, when the source declares one. */
    title?: string
    /** BCP 47 language tag, when the source declares or the reader detects one. */
    lang?: string
    /** Author, when the source declares one. */
    author?: string
  }
}

/** A binary resource a document refers to (an image), by the URL used in the tree. */
export interface Resource {
  /** The `url` image nodes use for it, e.g. `media/image1.png`. */
  path: string
  /** MIME type, e.g. `image/png`. */
  contentType: string
  bytes: Uint8Array
}

/** The unit that flows from a reader, through transforms, to a writer. */
export interface Doc {
  tree: Root
  resources: Resource[]
}
