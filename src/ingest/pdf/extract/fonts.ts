/** What a font's PostScript name says about its weight and slant. */

/** `ABCDEF+Arial-BoldMT` → `Arial-BoldMT`: the subset tag says nothing about the font. */
export function baseFontName(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '')
}

const BOLD = /bold|black|heavy|semibold|demi|ultra|extrab|[-,_](bd|sb|eb|b)$|[-_]?w([6-9]|1[0-2])$|^cmbx|^cmb\d|^sfbx/i
const ITALIC = /italic|oblique|[-,_](it|i|bi)$|^cmti|^cmsl|^sfti|^sfsl/i

export function isBoldFont(name: string): boolean {
  return BOLD.test(baseFontName(name))
}

export function isItalicFont(name: string): boolean {
  return ITALIC.test(baseFontName(name))
}
