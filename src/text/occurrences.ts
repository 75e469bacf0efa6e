/** How many times a UTF-16 code unit (a separator such as `|` or a tab) occurs in a line. */
export function occurrences(line: string, code: number): number {
  let n = 0
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === code) n++
  return n
}
