/** The few words docmend itself adds to a page, in the page's language. */

export interface PageLabels {
  /** The table of contents' title. */
  contents: string
  /** Label of a table that has no caption, from its 1-based number. */
  table: (n: number) => string
}

const LABELS: Record<string, PageLabels> = {
  zh: { contents: '目录', table: (n) => `表格 ${n}` },
  ja: { contents: '目次', table: (n) => `表 ${n}` },
  ko: { contents: '목차', table: (n) => `표 ${n}` },
  en: { contents: 'Contents', table: (n) => `Table ${n}` }
}

/** Labels for a BCP 47 tag; English for languages without a translation. */
export function pageLabels(lang: string): PageLabels {
  return LABELS[lang.toLowerCase().split('-')[0]] ?? LABELS.en
}
