/**
 * The labels Word shows for numbered paragraphs: a pure function from the
 * numbering definitions and the numbered paragraphs, in document order, to
 * each paragraph's label (`一、`, `（一）`, `1.1`, `a)`).
 *
 * Word's counting: counters belong to the abstract definition a list instance
 * (`w:num`) points to, so two instances of one definition continue each other
 * unless one overrides a level's start (`w:startOverride`, applied when that
 * instance is first used). Using a level increments it and restarts the levels
 * below it, except those whose `w:lvlRestart` names a higher level, or 0.
 */
import type { LevelDefinition, NumberingDefinitions, Suffix } from './definitions.js'
import { type NumberFormat, formatNumber } from './format.js'

/** A paragraph's numbering as written: `w:numPr` on it, and its style. */
export interface NumberedParagraph {
  /** `w:numPr/w:numId` on the paragraph (`0` removes the style's numbering). */
  numId?: string | undefined
  /** `w:numPr/w:ilvl` on the paragraph. */
  level?: number | undefined
  /** `w:pStyle`. */
  style?: string | undefined
}

export interface Label {
  /** What Word shows before the text: `1.1`, `（一）`, `•`; '' for a level that shows nothing. */
  text: string
  /** The level's own number format. */
  format: NumberFormat
  /** What separates the label from the text in Word. */
  suffix: Suffix
  /** 0-based list level. */
  level: number
  /** The level's counter value. */
  value: number
}

/** Symbol- and Wingdings-font bullets are private-use characters; the Unicode they draw. */
const SYMBOL_BULLETS: Record<string, string> = {
  '\uf0b7': '•', '\uf0a7': '▪', '\uf0d8': '➢', '\uf076': '❖', '\uf0fc': '✓', '\uf06e': '■', '\uf0a8': '□', '\uf0d7': '•', '\uf02d': '-'
}

function bulletText(text: string): string {
  return [...text].map((c) => SYMBOL_BULLETS[c] ?? (c >= '\uf000' && c <= '\uf0ff' ? '•' : c)).join('')
}

const MAX_STYLE_CHAIN = 32

/** numId and level a paragraph gets from its style and the styles it is based on. */
function styleNumbering(defs: NumberingDefinitions, styleId: string | undefined): { numId: string | undefined; level: number | undefined } {
  let numId: string | undefined
  let level: number | undefined
  for (let id = styleId, i = 0; id !== undefined && i < MAX_STYLE_CHAIN; i++) {
    const style = defs.styles.get(id)
    if (!style) break
    numId ??= style.numId
    level ??= style.level
    id = style.basedOn
  }
  return { numId, level }
}

interface Resolved {
  /** Key of the counters: the abstract definition holding the levels. */
  key: string
  numId: string
  level: number
  /** Effective level definitions for this instance (overrides applied). */
  levels: (LevelDefinition | undefined)[]
  startOverrides: Map<number, number>
}

/** Follow `w:numStyleLink` to the abstract definition that holds the levels. */
function abstractFor(defs: NumberingDefinitions, numId: string): { key: string; levels: (LevelDefinition | undefined)[] } | undefined {
  const seen = new Set<string>()
  let id: string | undefined = numId
  while (id !== undefined && !seen.has(id)) {
    seen.add(id)
    const num = defs.nums.get(id)
    const abstract = num && defs.abstracts.get(num.abstractId)
    if (!num || !abstract) return undefined
    if (abstract.numStyleLink === undefined) return { key: num.abstractId, levels: abstract.levels }
    id = defs.styles.get(abstract.numStyleLink)?.numId
  }
  return undefined
}

/** The level a style is attached to by `w:lvl/w:pStyle`, and a list instance of it. */
function attachedLevel(defs: NumberingDefinitions, styleId: string): { numId: string; level: number } | undefined {
  for (const [numId, num] of defs.nums) {
    const abstract = defs.abstracts.get(num.abstractId)
    const level = abstract?.levels.findIndex((l) => l?.paragraphStyle === styleId) ?? -1
    if (level >= 0) return { numId, level }
  }
  return undefined
}

function resolve(defs: NumberingDefinitions, p: NumberedParagraph): Resolved | undefined {
  if (p.numId === '0') return undefined
  const fromStyle = styleNumbering(defs, p.style)
  let numId = p.numId ?? fromStyle.numId
  let level = p.level ?? fromStyle.level
  if (numId === undefined && p.style !== undefined) {
    const attached = attachedLevel(defs, p.style)
    numId = attached?.numId
    level ??= attached?.level
  }
  if (numId === undefined || numId === '0') return undefined
  const abstract = abstractFor(defs, numId)
  if (!abstract) return undefined
  if (level === undefined && p.style !== undefined) {
    const attached = abstract.levels.findIndex((l) => l?.paragraphStyle === p.style)
    if (attached >= 0) level = attached
  }
  level = Math.min(8, Math.max(0, level ?? 0))
  const overrides = defs.nums.get(numId)?.overrides ?? new Map()
  const levels = abstract.levels.map((l, i) => overrides.get(i)?.level ?? l)
  for (const [i, o] of overrides) if (o.level && !levels[i]) levels[i] = o.level
  const startOverrides = new Map<number, number>()
  for (const [i, o] of overrides) if (o.start !== undefined) startOverrides.set(i, o.start)
  if (!levels[level]) return undefined
  return { key: abstract.key, numId, level, levels, startOverrides }
}

interface Counters {
  values: (number | undefined)[]
  /** Start values in force (a `w:startOverride` replaces a level's start). */
  starts: Map<number, number>
  usedNums: Set<string>
}

/** Whether using level `used` restarts the deeper level `def`, at index `index`. */
function restarts(def: LevelDefinition | undefined, index: number, used: number): boolean {
  const after = def?.restart
  if (after === undefined) return used < index
  if (after === 0) return false
  return used < after
}

/** Each paragraph's label, or undefined when it is not numbered. */
export function computeLabels(defs: NumberingDefinitions, paragraphs: readonly NumberedParagraph[]): (Label | undefined)[] {
  const counters = new Map<string, Counters>()
  // Most paragraphs share a handful of (numId, level, style) triples: resolve each once.
  const resolved = new Map<string, Resolved | undefined>()
  return paragraphs.map((p) => {
    const key = `${p.numId ?? ''}\u0000${p.level ?? ''}\u0000${p.style ?? ''}`
    if (!resolved.has(key)) resolved.set(key, resolve(defs, p))
    const r = resolved.get(key)
    if (!r) return undefined
    let c = counters.get(r.key)
    if (!c) {
      c = { values: [], starts: new Map(), usedNums: new Set() }
      counters.set(r.key, c)
    }
    if (!c.usedNums.has(r.numId)) {
      c.usedNums.add(r.numId)
      for (const [i, start] of r.startOverrides) {
        c.starts.set(i, start)
        c.values[i] = undefined
      }
    }
    const startOf = (i: number) => c.starts.get(i) ?? r.levels[i]?.start ?? 0
    const own = r.levels[r.level] as LevelDefinition
    // Levels above that were never used count from their start (Word shows 2.1.1 then 2.2).
    for (let i = 0; i < r.level; i++) c.values[i] ??= startOf(i)
    const previous = c.values[r.level]
    c.values[r.level] = previous === undefined ? startOf(r.level) : previous + 1
    for (let k = r.level + 1; k < 9; k++) if (restarts(r.levels[k], k, r.level)) c.values[k] = undefined

    if (own.format === 'bullet') return { text: bulletText(own.text), format: own.format, suffix: own.suffix, level: r.level, value: c.values[r.level] as number }
    const text = own.text.replace(/%([1-9])/g, (_, digit: string) => {
      const i = Number(digit) - 1
      if (i > r.level) return ''
      const format = r.levels[i]?.format ?? 'decimal'
      const shown: NumberFormat = own.legal && format !== 'none' && format !== 'bullet' ? 'decimal' : format
      return formatNumber(shown, c.values[i] ?? startOf(i))
    })
    return { text, format: own.format, suffix: own.suffix, level: r.level, value: c.values[r.level] as number }
  })
}
