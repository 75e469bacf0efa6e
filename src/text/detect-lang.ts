/**
 * The language of a text as a BCP 47 tag: CJK scripts by character counts
 * (`detectCjkLang`), other languages by franc (trigram statistics, the 82
 * languages of franc-min). Short or ambiguous text gets no answer rather
 * than a guess.
 */
import { francAll } from 'franc-min'
import { iso6393To1 } from 'iso-639-3'
import { detectCjkLang } from './cjk.js'

/** franc needs this many letters to be worth asking. */
const MIN_LETTERS = 40
/** The best language must beat the runner-up by this much (franc scores are 0..1). */
const MIN_MARGIN = 0.1

/** ISO 639-3 → the shortest BCP 47 primary subtag (639-1 where one exists). */
const bcp47 = (code: string): string => iso6393To1[code] ?? code

/** A BCP 47 tag for the text's main language, or undefined when unsure. */
export function detectLang(text: string): string | undefined {
  const cjk = detectCjkLang(text)
  if (cjk) return cjk
  const sample = text.slice(0, 20000)
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined
  const [best, second] = francAll(sample, { minLength: MIN_LETTERS })
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
