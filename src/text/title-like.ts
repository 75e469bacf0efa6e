/**
 * Whether a short line reads as a title rather than a sentence or a row of
 * cells. Shared by the readers (headings) and the table finder (titles above
 * tables are not table rows).
 */
import { displayWidth } from './cjk.js'

/** Ends like a sentence or a clause, so it is not a title. */
const CLAUSE_END = /[。．.，,；;：:！!？?、…]$/u
const SENTENCE_INSIDE = /[。！？；]|[.!?;]\s/u

/**
 * Short enough and shaped like a title: no clause-final punctuation, no
 * sentence inside. `maxWidth` is in display columns (a CJK character is 2).
 */
export function isTitleLike(text: string, maxWidth: number): boolean {
  const t = text.trim()
  if (!t || displayWidth(t) > maxWidth) return false
  if (CLAUSE_END.test(t) || SENTENCE_INSIDE.test(t)) return false
  // Cell separators: a row of a flattened table, not a title.
  if (/[|\t]/.test(text)) return false
  if (/[:：]/u.test(t) && !/^[（(]?[一二三四五六七八九十\d]/u.test(t)) return false
  // Needs at least one letter or ideograph: "0 | 0 | 0" and "----" are not titles.
  return /[\p{L}]/u.test(t)
}
