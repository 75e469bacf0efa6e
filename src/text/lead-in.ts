/**
 * The lead-in of a numbered or bulleted paragraph: what Word documents put
 * before a clause's text, usually followed by a tab (`1.1.⇥The Supplier…`,
 * `a)⇥…`, `（1）⇥…`, `•⇥…`). Shared by the table finder (such lines are prose,
 * not two-field rows) and the text reader (each such line opens a paragraph).
 */

/** A lead-in and nothing else: `1`, `1.`, `1.1.`, `1)`, `1、`, `a)`, `(b)`, `iv.`, `（1）`, `一、`, `第三条`, `§ 3`, `Article 2`, `•`. */
const LEAD_IN = new RegExp(
  '^(?:' +
    [
      '\\d{1,3}(?:\\.\\d{1,3})*[.)、．]?',
      '[a-z][.)]',
      '[ivxlc]{1,6}[.)]',
      '[(（](?:[a-z]{1,2}|\\d{1,3}|[ivxlc]{1,6}|[一二三四五六七八九十]+)[)）]',
      '[一二三四五六七八九十]+[、.．]',
      '第[一二三四五六七八九十百零〇两\\d]+[章节条款部篇]',
      '§{1,2}\\s?\\d+(?:\\.\\d+)*',
      '(?:article|art\\.|clause|section|schedule|annex|appendix|part|chapter)\\s?(?:\\d{1,3}(?:\\.\\d{1,3})*|[ivxlc]{1,6}|[a-z])\\.?',
      '[①-⑳]',
      '[-–—*•·●▪◦‣⁃○■□◆◇➢➤✓√]'
    ].join('|') +
    ')$',
  'iu'
)

export function isLeadIn(text: string): boolean {
  return LEAD_IN.test(text.trim())
}

/** A line that opens with a lead-in, a tab, then text: a numbered paragraph as Word writes it. */
export function opensWithTabbedLeadIn(line: string): boolean {
  const tab = line.indexOf('\t')
  return tab > 0 && line.slice(tab + 1).trim() !== '' && isLeadIn(line.slice(0, tab))
}
