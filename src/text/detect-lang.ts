/**
 * The language of a text as a BCP 47 tag: CJK scripts by character counts
 * (`detectCjkLang`), other languages by franc (trigram statistics, the 82
 * languages of franc-min). Short or ambiguous text gets no answer rather
 * than a guess.
 */
import { detectCjkLang } from './cjk.js'

/** franc's trigram tables are large (~0.4 s to load): loaded only for text that is not CJK. */
let franc: typeof import('franc-min') | undefined
// Only the 639-3 → 639-1 table: the package's index also brings the whole language list (0.8 MB of code).
let iso: typeof import('iso-639-3/iso6393-to-1.js') | undefined

/** Load the statistics non-CJK detection needs; until then `detectLang` answers only for CJK. */
export async function loadLanguageData(): Promise<void> {
  franc ??= await import('franc-min')
  iso ??= await import('iso-639-3/iso6393-to-1.js')
}

/** franc needs this many letters to be worth asking. */
const MIN_LETTERS = 40
/** The best language must beat the runner-up by this much (franc scores are 0..1). */
const MIN_MARGIN = 0.1

/** ISO 639-3 → the shortest BCP 47 primary subtag (639-1 where one exists). */
const bcp47 = (code: string): string => iso?.iso6393To1[code] ?? code

/** A BCP 47 tag for the text's main language, or undefined when unsure. */
export function detectLang(text: string): string | undefined {
  const cjk = detectCjkLang(text)
  if (cjk) return cjk
  const sample = text.slice(0, 20000)
  if (!franc || (sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined
  const [best, second] = franc.francAll(sample, { minLength: MIN_LETTERS })
  if (!best || best[0] === 'und') return undefined
  if (second && best[1] - second[1] < MIN_MARGIN) return undefined
  return bcp47(best[0])
}

/** A well-formed BCP 47 tag (language, optional subtags), else undefined. */
export function validLangTag(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim()
  if (!trimmed || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(trimmed)) return undefined
  try {
    return Intl.getCanonicalLocales(trimmed)[0]
  } catch {
    return undefined
  }
}
