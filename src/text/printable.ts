/**
 * Text that is safe to print on a terminal as part of one message line.
 * File names and reasons can hold anything a file system allows: a newline
 * would split one failure over two lines, an ANSI escape would restyle or
 * move the cursor, and a bidi control (U+202E) would make `gpj.exe` read as
 * `exe.jpg`. Each such character is shown as a visible escape instead.
 */

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi and other invisible format controls.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' }

function escapeOne(ch: string): string {
  const named = NAMED[ch]
  if (named !== undefined) return named
  const code = ch.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** `text` with every control, separator and bidi character written as a visible escape (`\n`, `\e`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeOne)
}
