/**
 * Word's numbering definitions, read from `word/numbering.xml` and the
 * paragraph styles in `word/styles.xml` that carry numbering. Plain data:
 * what `computeLabels` needs and nothing of the XML.
 */
import { type NumberFormat, isNumberFormat } from './format.js'
import { type XmlElement, child, childVal, childrenNamed, elementTree } from './xml-tags.js'

export type Suffix = 'tab' | 'space' | 'nothing'

/** One level (`w:lvl`) of a list definition. */
export interface LevelDefinition {
  /** `w:start`: the first value (default 0, as Word reads a level without it). */
  start: number
  format: NumberFormat
  /** `w:lvlText`: `%1.%2`, `第%1章`, `（%1）`, or a bullet character. */
  text: string
  /** `w:lvlRestart`: restart after a level 1..9 is used; 0 never. Absent: after any higher level. */
  restart?: number | undefined
  /** `w:isLgl`: show every level's number as decimal (legal numbering). */
  legal: boolean
  suffix: Suffix
  /** `w:pStyle`: the paragraph style this level is attached to. */
  paragraphStyle?: string | undefined
}

/** An abstract list definition (`w:abstractNum`). */
export interface AbstractDefinition {
  levels: (LevelDefinition | undefined)[]
  /** `w:numStyleLink`: the levels live in the numbering style of that id. */
  numStyleLink?: string | undefined
  /** `w:styleLink`: this definition is the one of that numbering style. */
  styleLink?: string | undefined
}

/** A list instance (`w:num`) paragraphs refer to by `w:numId`. */
export interface NumDefinition {
  abstractId: string
  /** `w:lvlOverride` per level: a new start (`w:startOverride`) and/or a whole new level. */
  overrides: Map<number, { start?: number | undefined; level?: LevelDefinition | undefined }>
}

/** A style's own numbering (`w:pPr/w:numPr`) and the style it is based on. */
export interface StyleNumbering {
  numId?: string | undefined
  level?: number | undefined
  basedOn?: string | undefined
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractDefinition>
  nums: Map<string, NumDefinition>
  /** Paragraph and numbering styles by id. */
  styles: Map<string, StyleNumbering>
}

export const EMPTY_DEFINITIONS: NumberingDefinitions = { abstracts: new Map(), nums: new Map(), styles: new Map() }

const integer = (value: string | undefined): number | undefined => {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined
  return Number(value)
}

/** `<w:isLgl/>` and other on/off properties: on unless `w:val` says off. */
const onOff = (element: XmlElement | undefined): boolean =>
  element !== undefined && !['false', '0', 'off'].includes(element.attributes.val ?? 'true')

function readLevel(element: XmlElement): LevelDefinition {
  const format = childVal(element, 'numFmt') ?? 'decimal'
  const suffix = childVal(element, 'suff')
  const text = child(element, 'lvlText')
  return {
    start: integer(childVal(element, 'start')) ?? 0,
    format: isNumberFormat(format) ? format : 'decimal',
    // A level without w:lvlText shows nothing (Word), one with w:val="" too.
    text: text?.attributes.val ?? '',
    restart: integer(childVal(element, 'lvlRestart')),
    legal: onOff(child(element, 'isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    paragraphStyle: childVal(element, 'pStyle')
  }
}

const levelIndex = (element: XmlElement): number => integer(element.attributes.ilvl) ?? 0

function readAbstract(element: XmlElement): AbstractDefinition {
  const levels: (LevelDefinition | undefined)[] = []
  for (const lvl of childrenNamed(element, 'lvl')) {
    const index = levelIndex(lvl)
    if (index >= 0 && index < 9) levels[index] = readLevel(lvl)
  }
  return { levels, numStyleLink: childVal(element, 'numStyleLink'), styleLink: childVal(element, 'styleLink') }
}

function readNum(element: XmlElement): NumDefinition | undefined {
  const abstractId = childVal(element, 'abstractNumId')
  if (abstractId === undefined) return undefined
  const overrides: NumDefinition['overrides'] = new Map()
  for (const override of childrenNamed(element, 'lvlOverride')) {
    const lvl = child(override, 'lvl')
    overrides.set(levelIndex(override), {
      start: integer(childVal(override, 'startOverride')),
      level: lvl ? readLevel(lvl) : undefined
    })
  }
  return { abstractId, overrides }
}

function readStyles(stylesXml: string | undefined): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>()
  if (!stylesXml) return styles
  const root = child(elementTree(stylesXml), 'styles')
  for (const style of childrenNamed(root, 'style')) {
    const id = style.attributes.styleId
    if (!id) continue
    const numPr = child(child(style, 'pPr'), 'numPr')
    styles.set(id, {
      numId: childVal(numPr, 'numId'),
      level: integer(childVal(numPr, 'ilvl')),
      basedOn: childVal(style, 'basedOn')
    })
  }
  return styles
}

/** Parse `word/numbering.xml` and `word/styles.xml` (either may be missing). */
export function readDefinitions(numberingXml: string | undefined, stylesXml: string | undefined): NumberingDefinitions {
  const abstracts = new Map<string, AbstractDefinition>()
  const nums = new Map<string, NumDefinition>()
  if (numberingXml) {
    const root = child(elementTree(numberingXml), 'numbering')
    for (const element of childrenNamed(root, 'abstractNum')) {
      const id = element.attributes.abstractNumId
      if (id !== undefined) abstracts.set(id, readAbstract(element))
    }
    for (const element of childrenNamed(root, 'num')) {
      const id = element.attributes.numId
      const num = readNum(element)
      if (id !== undefined && num) nums.set(id, num)
    }
  }
  return { abstracts, nums, styles: readStyles(stylesXml) }
}
