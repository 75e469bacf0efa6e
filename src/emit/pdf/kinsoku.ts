/**
 * Basic kinsoku shori (line-breaking rules for CJK text): characters that
 * must not start a line, and characters that must not end one. UAX #14
 * (`linebreak`) already forbids most of these breaks; these sets are applied
 * on top so that the rules hold whatever the neighbouring characters are.
 */

/** No line may start with these: closing brackets, commas, stops, colons, small kana. */
export const NO_LINE_START = new Set(
  Array.from('，。、；：）》」』】〕〗〙〉”’！？…‥・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}%％‰℃·')
)

/** No line may end with these: opening brackets and quotes. */
export const NO_LINE_END = new Set(Array.from('（《「『【〔〖〘〈“‘([{'))

/**
 * May a line end between `before` (the last visible character of the line)
 * and `after` (the first visible character of the next one)?
 */
export function kinsokuAllows(before: string, after: string): boolean {
  return !NO_LINE_START.has(after) && !NO_LINE_END.has(before)
}
