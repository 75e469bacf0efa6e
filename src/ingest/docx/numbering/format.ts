/**
 * Word's number formats (`w:numFmt`): one counter value as the characters
 * Word shows for it. Pure; formats docmend does not know fall back to decimal.
 */

export type NumberFormat =
  | 'decimal'
  | 'decimalZero'
  | 'chineseCounting'
  | 'chineseCountingThousand'
  | 'chineseLegalSimplified'
  | 'ideographTraditional'
  | 'ideographZodiac'
  | 'ideographDigital'
  | 'lowerLetter'
  | 'upperLetter'
  | 'lowerRoman'
  | 'upperRoman'
  | 'decimalEnclosedCircle'
  | 'decimalEnclosedCircleChinese'
  | 'decimalFullWidth'
  | 'ordinal'
  | 'cardinalText'
  | 'ordinalText'
  | 'bullet'
  | 'none'

export const SUPPORTED_FORMATS: readonly NumberFormat[] = [
  'decimal', 'decimalZero', 'chineseCounting', 'chineseCountingThousand', 'chineseLegalSimplified',
  'ideographTraditional', 'ideographZodiac', 'ideographDigital', 'lowerLetter', 'upperLetter',
  'lowerRoman', 'upperRoman', 'decimalEnclosedCircle', 'decimalEnclosedCircleChinese', 'decimalFullWidth',
  'ordinal', 'cardinalText', 'ordinalText', 'bullet', 'none'
]

export function isNumberFormat(value: string): value is NumberFormat {
  return (SUPPORTED_FORMATS as readonly string[]).includes(value)
}

const CHINESE_DIGITS = '〇一二三四五六七八九'
const CHINESE_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸'
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥'

/**
 * Chinese counting (一, 十, 十一, 二十, 一百零一, 一千): the numerals a
 * Chinese reader says. `units` are the characters for 10, 100, 1000.
 */
function chineseCounting(n: number, digits: string, units: [string, string, string], zero: string): string {
  if (n === 0) return digits[0]
  if (n >= 10000) return String(n)
  const parts: string[] = []
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  const unitOf = [units[2], units[1], units[0], '']
  let pendingZero = false
  places.forEach((d, i) => {
    if (d === 0) {
      if (parts.length > 0) pendingZero = true
      return
    }
    if (pendingZero) parts.push(zero)
    pendingZero = false
    // 十一, not 一十一, when ten leads the number.
    const digit = i === 2 && d === 1 && parts.length === 0 && digits === CHINESE_DIGITS ? '' : digits[d]
    parts.push(digit + unitOf[i])
  })
  return parts.join('')
}

function letters(n: number, base: string): string {
  // Word repeats the letter: a … z, aa … zz, aaa …
  const letter = base[(n - 1) % 26]
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']
]

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n)
  let out = ''
  for (const [value, digits] of ROMAN) {
    while (n >= value) {
      out += digits
      n -= value
    }
  }
  return out
}

function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1)
  return String(n)
}

const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const CARDINAL_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

function ordinalSuffix(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}

/** The characters Word shows for counter value `n` in `format`. */
export function formatNumber(format: NumberFormat, n: number): string {
  switch (format) {
    case 'decimal':
      return String(n)
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n)
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)))
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return chineseCounting(n, CHINESE_DIGITS, ['十', '百', '千'], '零')
    case 'chineseLegalSimplified':
      return chineseCounting(n, CHINESE_LEGAL_DIGITS, ['拾', '佰', '仟'], '零')
    case 'ideographDigital':
      return String(n).replace(/\d/g, (d) => CHINESE_DIGITS[Number(d)])
    case 'ideographTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10] : String(n)
    case 'ideographZodiac':
      return n >= 1 ? EARTHLY_BRANCHES[(n - 1) % 12] : String(n)
    case 'lowerLetter':
      return n >= 1 ? letters(n, 'abcdefghijklmnopqrstuvwxyz') : String(n)
    case 'upperLetter':
      return n >= 1 ? letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') : String(n)
    case 'lowerRoman':
      return roman(n)
    case 'upperRoman':
      return roman(n).toUpperCase()
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosedCircle(n)
    case 'ordinal':
      return `${n}${ordinalSuffix(n)}`
    case 'cardinalText': {
      const word = CARDINAL_WORDS[n] ?? String(n)
      return word[0].toUpperCase() + word.slice(1)
    }
    case 'ordinalText': {
      const word = ORDINAL_WORDS[n] ?? `${n}${ordinalSuffix(n)}`
      return word[0].toUpperCase() + word.slice(1)
    }
    case 'bullet':
    case 'none':
      return ''
  }
}
