/**
 * Page furniture: running headers, running footers and page numbers. A line
 * near the top or bottom edge whose text (numbers aside) comes back at about
 * the same height on most pages is furniture, not content. Pure.
 */
import type { Fragment } from './fragments.js'

/** Share of the page height, at the top and at the bottom, where furniture lives. */
const ZONE = 0.18
/** Only the outermost lines of a page can be furniture. */
const OUTER_LINES = 2
/** The same furniture sits within this many points of the same height on each page. */
const SAME_PLACE = 10

const PAGE_NUMBER = /^(?:page|p\.|pag\.?|seite|página|第)?\s*[-–—(]?\s*(?:#|[ivxlc]+)\s*[-–—)]?\s*(?:(?:of|\/|de|von|共)\s*#\s*)?(?:页|頁|ページ)?(?:\s*共\s*#\s*页)?$/iu

/** Text with numbers blanked, so "Page 3 of 9" and "Page 4 of 9" match. */
export function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .replace(/[\s\u3000]+/gu, ' ')
    .trim()
}

/** Just a page number ("7", "- 7 -", "Page 7 of 9", "第 7 页", "vii"). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(furnitureKey(text))
}

export interface FurniturePage {
  height: number
  fragments: readonly Fragment[]
}

interface Candidate {
  page: number
  fragment: Fragment
}

/** Fragments in the outermost lines of the top and bottom zones. */
function edgeFragments(page: FurniturePage): { top: Fragment[]; bottom: Fragment[] } {
  const baselines = [...new Set(page.fragments.map((f) => Math.round(f.y)))].sort((a, b) => a - b)
  const topLines = new Set(baselines.slice(0, OUTER_LINES))
  const bottomLines = new Set(baselines.slice(-OUTER_LINES))
  const top = page.fragments.filter((f) => topLines.has(Math.round(f.y)) && f.y < page.height * ZONE + f.size)
  const bottom = page.fragments.filter((f) => bottomLines.has(Math.round(f.y)) && f.y > page.height * (1 - ZONE))
  return { top, bottom }
}

/**
 * The fragments that are furniture. Needs at least two pages: on a single
 * page nothing repeats, and a lone number may be content.
 */
export function findFurniture(pages: readonly FurniturePage[]): Set<Fragment> {
  const found = new Set<Fragment>()
  if (pages.length < 2) return found
  const need = Math.max(2, Math.ceil(pages.length * 0.5))
  const groups = new Map<string, Candidate[]>()
  pages.forEach((page, index) => {
    const { top, bottom } = edgeFragments(page)
    for (const [zone, list] of [['top', top], ['bottom', bottom]] as const) {
      for (const fragment of list) {
        const key = isPageNumber(fragment.text) ? `${zone}\u0000#` : `${zone}\u0000${furnitureKey(fragment.text)}`
        const group = groups.get(key)
        if (group) group.push({ page: index, fragment })
        else groups.set(key, [{ page: index, fragment }])
      }
    }
  })
  for (const [key, group] of groups) {
    // Keep the members that sit where most of them sit.
    const ys = group.map((c) => c.fragment.y).sort((a, b) => a - b)
    const typical = ys[ys.length >> 1]
    let placed = group.filter((c) => Math.abs(c.fragment.y - typical) <= SAME_PLACE)
    if (!key.endsWith('\u0000#')) placed = countingPages(placed)
    if (new Set(placed.map((c) => c.page)).size >= need) for (const c of placed) found.add(c.fragment)
  }
  return found
}

const numbersIn = (text: string) => (text.match(/\d+/g) ?? []).map(Number)

/**
 * Lines that differ only in their numbers are furniture when the numbers
 * count the pages ("Report 2024, page 7"), not when they number sections
 * ("Section 3 opens here" at the top of each page is content).
 */
function countingPages(group: Candidate[]): Candidate[] {
  const texts = new Set(group.map((c) => c.fragment.text))
  if (texts.size <= 1) return group
  const numbers = group.map((c) => numbersIn(c.fragment.text))
  const count = numbers[0].length
  if (numbers.some((n) => n.length !== count)) return []
  // A number that changes with the page, at a fixed offset from the page index, is a page counter.
  for (let k = 0; k < count; k++) {
    const offsets = new Map<number, Candidate[]>()
    group.forEach((c, i) => {
      const offset = numbers[i][k] - c.page
      offsets.set(offset, [...(offsets.get(offset) ?? []), c])
    })
    const varies = new Set(numbers.map((n) => n[k])).size > 1
    if (!varies) continue
    const best = [...offsets.values()].sort((a, b) => b.length - a.length)[0]
    return best.length >= group.length * 0.8 ? best : []
  }
  return group
}
