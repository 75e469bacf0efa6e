/** Joining the lines of a paragraph or a cell, as they were wrapped on the page. */
import { joinWrapped } from '../../../text/cjk.js'

/**
 * `joinWrapped` (CJK without spaces, `exam-` + `ple` undone), and a hyphen
 * before a capital or a digit kept without a space: `Trace-` + `Monkey`,
 * `3-` + `5`. (Korean set justified breaks inside words as often as
 * between them, so Hangul lines join without a space, as `joinWrapped` does.)
 */
export function joinLines(left: string, right: string): string {
  const a = left.replace(/[ \t]+$/, '')
  const b = right.replace(/^[ \t]+/, '')
  if (/[\p{L}\d][-‐]$/u.test(a) && /^[\p{Lu}\d]/u.test(b)) return a + b
  return joinWrapped(a, b)
}
