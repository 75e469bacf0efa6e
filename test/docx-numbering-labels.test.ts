/**
 * Word's numbering arithmetic on its own: definitions and a sequence of
 * numbered paragraphs in, the labels Word shows out (no file, no mammoth).
 */
import { describe, expect, it } from 'vitest'
import { readDefinitions } from '../src/ingest/docx/numbering/definitions.js'
import { findParagraphs, insertMarkers } from '../src/ingest/docx/numbering/document.js'
import { type NumberFormat, formatNumber } from '../src/ingest/docx/numbering/format.js'
import { type NumberedParagraph, computeLabels } from '../src/ingest/docx/numbering/labels.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

interface Lvl {
  fmt?: string
  text: string
  start?: number
  restart?: number
  legal?: boolean
  suff?: string
  style?: string
}

const lvl = (ilvl: number, l: Lvl) =>
  `<w:lvl w:ilvl="${ilvl}">${l.start === undefined ? '' : `<w:start w:val="${l.start}"/>`}<w:numFmt w:val="${l.fmt ?? 'decimal'}"/>` +
  `${l.restart === undefined ? '' : `<w:lvlRestart w:val="${l.restart}"/>`}${l.style ? `<w:pStyle w:val="${l.style}"/>` : ''}` +
  `${l.legal ? '<w:isLgl/>' : ''}${l.suff ? `<w:suff w:val="${l.suff}"/>` : ''}<w:lvlText w:val="${l.text}"/></w:lvl>`

const abstract = (id: number, levels: Lvl[], extra = '') =>
  `<w:abstractNum w:abstractNumId="${id}">${extra}${levels.map((l, i) => lvl(i, l)).join('')}</w:abstractNum>`

const numbering = (...parts: string[]) => `<?xml version="1.0"?><w:numbering ${W}>${parts.join('')}</w:numbering>`

const labels = (xml: string, paragraphs: NumberedParagraph[], styles?: string) =>
  computeLabels(readDefinitions(xml, styles), paragraphs).map((l) => l?.text)

const p = (numId: string, level = 0): NumberedParagraph => ({ numId, level })

describe('number formats', () => {
  it.each<[NumberFormat, number, string]>([
    ['decimal', 12, '12'],
    ['decimalZero', 7, '07'],
    ['decimalZero', 12, '12'],
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 101, '一百零一'],
    ['chineseCounting', 110, '一百一十'],
    ['chineseCountingThousand', 2024, '二千零二十四'],
    ['ideographTraditional', 3, '丙'],
    ['ideographTraditional', 11, '甲'],
    ['ideographZodiac', 12, '亥'],
    ['lowerLetter', 2, 'b'],
    ['lowerLetter', 27, 'aa'],
    ['upperLetter', 28, 'BB'],
    ['lowerRoman', 14, 'xiv'],
    ['upperRoman', 1999, 'MCMXCIX'],
    ['decimalEnclosedCircle', 3, '③'],
    ['decimalEnclosedCircle', 21, '21'],
    ['none', 5, '']
  ])('%s shows %i as %s', (format, n, shown) => {
    expect(formatNumber(format, n)).toBe(shown)
  })
})

describe('labels from templates and counters', () => {
  const chinese = numbering(
    abstract(0, [
      { fmt: 'chineseCounting', text: '%1、', start: 1, suff: 'nothing' },
      { fmt: 'chineseCounting', text: '（%2）', start: 1, suff: 'nothing' },
      { fmt: 'decimal', text: '%3.', start: 1 }
    ]),
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
  )

  it('fills 一、 and （一） templates and restarts a level when a higher one is used', () => {
    expect(labels(chinese, [p('1'), p('1', 1), p('1', 1), p('1', 2), p('1'), p('1', 1)])).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）'])
  })

  it('fills multi-level templates (%1.%2) with each level\'s own format', () => {
    const xml = numbering(
      abstract(0, [{ text: '第%1章', fmt: 'chineseCounting', start: 1 }, { text: '%1.%2', start: 1 }, { text: '%1.%2.%3', start: 1, fmt: 'lowerLetter' }]),
      '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    )
    expect(labels(xml, [p('5'), p('5', 1), p('5', 2), p('5', 1), p('5'), p('5', 1)])).toEqual(['第一章', '一.1', '一.1.a', '一.2', '第二章', '二.1'])
  })

  it('shows legal numbering (isLgl) in decimal', () => {
    const xml = numbering(
      abstract(0, [{ text: 'Article %1', fmt: 'upperRoman', start: 1 }, { text: '%1.%2', start: 1, legal: true }]),
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    expect(labels(xml, [p('1'), p('1'), p('1', 1)])).toEqual(['Article I', 'Article II', '2.1'])
  })

  it('starts at w:start and counts levels above that were skipped from their start', () => {
    const xml = numbering(abstract(0, [{ text: '%1.', start: 3 }, { text: '%1.%2.', start: 5 }]), '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    expect(labels(xml, [p('1', 1), p('1'), p('1', 1)])).toEqual(['3.5.', '4.', '4.5.'])
  })

  it('keeps a level counting across a higher level when its lvlRestart says never (0)', () => {
    const xml = numbering(abstract(0, [{ text: '%1.', start: 1 }, { text: '(%2)', start: 1, restart: 0 }]), '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    expect(labels(xml, [p('1'), p('1', 1), p('1'), p('1', 1)])).toEqual(['1.', '(1)', '2.', '(2)'])
  })

  it('restarts a level only after the level lvlRestart names', () => {
    const xml = numbering(
      abstract(0, [{ text: '%1', start: 1 }, { text: '%2', start: 1 }, { text: '%3', start: 1, restart: 1 }]),
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    // Level 2 goes on across a level 1 paragraph, restarts after level 0. (Level 1,
    // skipped by the first level-2 paragraph, counted from its start then: 2 next.)
    expect(labels(xml, [p('1'), p('1', 2), p('1', 1), p('1', 2), p('1'), p('1', 2)])).toEqual(['1', '1', '2', '2', '2', '1'])
  })

  it('continues one definition across list instances, and restarts at a startOverride', () => {
    const xml = numbering(
      abstract(0, [{ text: '%1)', fmt: 'lowerLetter', start: 1 }]),
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    expect(labels(xml, [p('1'), p('1'), p('2'), p('3'), p('3')])).toEqual(['a)', 'b)', 'c)', 'a)', 'b)'])
  })

  it('takes a whole level from w:lvlOverride/w:lvl for that instance only', () => {
    const xml = numbering(
      abstract(0, [{ text: '%1.', start: 1 }]),
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, { text: '(%1)', fmt: 'upperRoman', start: 4 })}</w:lvlOverride></w:num>`
    )
    expect(labels(xml, [p('2'), p('2'), p('1')])).toEqual(['(IV)', '(V)', '6.'])
  })

  it('numbers paragraphs through their style, its base style, a numStyleLink, and a lvl pStyle', () => {
    const xml = numbering(
      abstract(0, [{ text: '%1.', start: 1 }, { text: '%1.%2', start: 1 }], '<w:styleLink w:val="Outline"/>'),
      abstract(1, [], '<w:numStyleLink w:val="Outline"/>'),
      abstract(2, [{ text: 'Chapter %1', start: 1, style: 'ChapterTitle' }]),
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    )
    const styles = `<w:styles ${W}>` +
      '<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>' +
      '</w:styles>'
    const got = labels(xml, [{ style: 'Heading1' }, { style: 'Heading2' }, { style: 'Heading2' }, { style: 'ChapterTitle' }, { style: 'Heading1', numId: '0' }, { style: 'Heading1' }], styles)
    expect(got).toEqual(['1.', '1.1', '1.2', 'Chapter 1', undefined, '2.'])
  })

  it('gives bullets their character and keeps the suffix', () => {
    const xml = numbering(
      abstract(0, [{ fmt: 'bullet', text: '\uf0b7' }, { fmt: 'decimal', text: '%2', start: 1, suff: 'space' }]),
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    const got = computeLabels(readDefinitions(xml, undefined), [p('1'), p('1', 1)])
    expect(got.map((l) => [l?.text, l?.format, l?.suffix])).toEqual([['•', 'bullet', 'tab'], ['1', 'decimal', 'space']])
  })

  it('leaves paragraphs with an unknown list instance or level unnumbered', () => {
    expect(labels(chinese, [p('9'), p('1', 7), {}])).toEqual([undefined, undefined, undefined])
  })
})

describe('finding numbered paragraphs in document.xml', () => {
  it('reads w:numPr and w:pStyle of each paragraph, not of tracked changes or mc:Choice copies, and marks them once', () => {
    const xml = `<w:document ${W} xmlns:mc="m"><w:body>` +
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>A</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>B</w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:p><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:p></mc:Choice>' +
      '<mc:Fallback><w:p><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
      '<w:p/></w:body></w:document>'
    const sites = findParagraphs(xml)
    expect(sites.map((s) => s.numbering)).toEqual([{ style: 'Heading1', numId: '4', level: 1 }, { numId: '8' }])
    const marked = insertMarkers(xml, sites.map((s) => s.insertAt))
    expect(marked).toContain('</w:pPr><w:r><w:t>\uE0000\uE001</w:t></w:r><w:r><w:t>A</w:t>')
    expect(marked).toContain('<w:t>\uE0001\uE001</w:t>')
    expect(marked.replace(/<w:r><w:t>\uE000\d\uE001<\/w:t><\/w:r>/g, '')).toBe(xml)
  })
})

describe('a document that already holds the marker character', () => {
  it('is left unnumbered rather than having its own text taken for a label', async () => {
    const { markNumbering } = await import('../src/ingest/docx/numbering/index.js')
    const numberingXml = numbering(abstract(0, [{ text: '%1.', start: 1 }]), '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    const doc = (text: string) => `<w:document ${W}><w:body><w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`
    expect(markNumbering(doc('plain'), numberingXml, undefined).labels.map((l) => l.text)).toEqual(['1.'])
    for (const text of ['\uE0000\uE001', '&#xE000;0&#xE001;']) {
      const marked = markNumbering(doc(text), numberingXml, undefined)
      expect(marked).toEqual({ documentXml: doc(text), labels: [] })
    }
  })
})
