/**
 * The numbering scanner's tag reader (src/ingest/docx/numbering/xml-tags.ts)
 * does work linear in the XML, damaged or not. Fuzz cases 10, 118 and 168 of
 * the CI sample (damaged copies of the generated report.docx, about 10 KB)
 * kept a CPU busy for minutes: the tag regex it replaced backtracked
 * exponentially over a tag whose quotes never pair up. The bound is on
 * `scanWork` (characters looked at), not on time.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConversionError } from '../src/errors.js'
import { readZipEntries } from '../src/ingest/docx/archive.js'
import { readDocx } from '../src/ingest/docx/index.js'
import { coreTitle, decodeEntities, mainDocumentPath } from '../src/ingest/docx/parts.js'
import { findParagraphs } from '../src/ingest/docx/numbering/document.js'
import { elementTree, scanTags, scanWork } from '../src/ingest/docx/numbering/xml-tags.js'
import { ROOT, runCli } from './helpers/cli.js'

const FIXTURE = join(ROOT, 'test/fixtures/fuzz-docx/report-case10-unclosed-quote.docx')
const utf8 = new TextDecoder()

/** Characters `scan` looks at, per character of `xml`. */
function workPerChar(xml: string, scan: (xml: string) => unknown): number {
  scanWork.chars = 0
  scan(xml)
  return scanWork.chars / Math.max(1, xml.length)
}

const allTags = (xml: string) => [...scanTags(xml)]

/**
 * Characters per character of input the scan may look at, whatever the input:
 * the `<` search, each `<`, the names (disjoint runs), each position outside
 * quotes (passed once: marked dead), each kind of quoted run (disjoint from
 * one opener to the next), the three end searches (-->, ]]>, > only move
 * forward) and the attributes of the tags found (disjoint spans) — about ten.
 * A quadratic scan would be thousands per character on the megabyte below.
 */
const LINEAR = 12

/** The pattern the scanner replaced, as a reference on inputs too short for its backtracking to matter. */
const OLD_TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"'/]+|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/g
const OLD_ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
function oldTags(xml: string) {
  const out = []
  for (const m of xml.matchAll(new RegExp(OLD_TAG.source, 'g'))) {
    if (!m[2]) continue
    const local = m[2].slice(m[2].indexOf(':') + 1)
    const attributes: Record<string, string> = {}
    if (m[1] !== '/' && m[3]) for (const a of m[3].matchAll(OLD_ATTRIBUTE)) attributes[a[1].slice(a[1].indexOf(':') + 1)] = a[2] ?? a[3] ?? ''
    out.push({ name: m[2], local, kind: m[1] === '/' ? 'close' : m[4] === '/' ? 'empty' : 'open', attributes, start: m.index, end: m.index + m[0].length })
  }
  return out
}

describe('numbering tag scan: linear work on damaged WordprocessingML', () => {
  it('fuzz case 10: a document.xml whose quotes stop pairing up is scanned in linear work, and the file fails with one clear line', async () => {
    const entries = await readZipEntries(await readFile(FIXTURE))
    const xml = utf8.decode(entries.get('word/document.xml'))
    expect(xml).toContain('xml:space= preserve">Totals by region')
    expect(workPerChar(xml, allTags)).toBeLessThanOrEqual(LINEAR)
    expect(workPerChar(xml, findParagraphs)).toBeLessThanOrEqual(LINEAR)
    // The tags before the damage are all still read.
    expect(allTags(xml).some((t) => t.local === 'pStyle' && t.attributes.val === 'Heading2')).toBe(true)
    const error = await readDocx(await readFile(FIXTURE)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConversionError)
    expect((error as Error).message).toBe('not a readable Word document: a part of it is not well-formed XML')
  })

  it('fuzz case 168: a numbering.xml cut inside a tag is read in linear work', async () => {
    const entries = await readZipEntries(await readFile(FIXTURE))
    // Case 168 cut the same report's numbering.xml after 1,238 bytes, inside `<w:abstractNum …>`.
    const cut = utf8.decode(entries.get('word/numbering.xml')?.subarray(0, 1238))
    expect(cut.endsWith('w15:resta')).toBe(true)
    expect(workPerChar(cut, elementTree)).toBeLessThanOrEqual(LINEAR)
    expect(elementTree(cut).children[0]?.local).toBe('numbering')
  })

  it('stays linear on a megabyte built to defeat it: tags that never close, quotes of both kinds out of step', () => {
    const shapes = [
      '<w:t a= b">x<w:r c="d"/>', // case 10's shape, repeated: every quote pairs with the wrong one
      `<a "<a '<a "`, // tag starts inside each other's quotes
      '<!-- <![CDATA[ <? <a b=c', // comments, CDATA, declarations and tags that never end
      '<a ' + 'x'.repeat(200), // a long run with no = in a tag that never closes
      `<p ${'n="v" '.repeat(50)}'` // many attributes, then an unclosed apostrophe
    ]
    for (const shape of shapes) {
      const xml = shape.repeat(Math.ceil(1_000_000 / shape.length))
      expect(workPerChar(xml, allTags), shape).toBeLessThanOrEqual(LINEAR)
    }
  })

  it('reads exactly what the replaced pattern read, on short damaged and well-formed snippets', () => {
    let seed = 1
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    const pieces = ['<', '>', '"', "'", '/', '!', '?', '-', ']', '=', ' ', 'a', ':', '<!--', '-->', '<![CDATA[', ']]>', '\n', 'w:p', '<w:t x="1">', '/>', '\u3000', '<?x', '</', "y='2'"]
    for (let k = 0; k < 20_000; k++) {
      let xml = ''
      const length = Math.floor(random() * 14)
      for (let i = 0; i < length; i++) xml += pieces[Math.floor(random() * pieces.length)]
      expect(allTags(xml), JSON.stringify(xml)).toEqual(oldTags(xml))
    }
  })

  it('fuzz case 10 through the CLI with its normal limits: exit 1, one line', async () => {
    const run = await runCli(['convert', FIXTURE, '--to', 'html', '-o', '-'])
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual([`docmend: ${FIXTURE}: not a readable Word document: a part of it is not well-formed XML`])
  })

  it('the package relationships and core title are read as the old patterns read them, each tag end found once', () => {
    // The old patterns searched to the end again from every start that had no end: quadratic
    // (280 KB of `<Relationship ` took 9 s). Now each `>` or `</dc:title>` is searched for once.
    const oldMain = (entries: Map<string, Uint8Array>) => {
      const text = utf8.decode(entries.get('_rels/.rels'))
      for (const match of text.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
        if (!/\bType="[^"]*\/officeDocument"/.test(match[0])) continue
        const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1]?.replace(/^\//, '')
        if (target && entries.has(target)) return target
      }
      return entries.has('word/document.xml') ? 'word/document.xml' : undefined
    }
    const oldTitle = (entries: Map<string, Uint8Array>) => {
      const match = /<dc:title\b[^>]*>([\s\S]*?)<\/dc:title>/.exec(utf8.decode(entries.get('docProps/core.xml')))
      return (match ? decodeEntities(match[1]).replace(/\s+/g, ' ').trim() : '') || undefined
    }
    let seed = 3
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    const rels = ['<Relationship ', '<r:Relationship ', '<Relationships>', '>', '/>', 'Type="x/officeDocument" ', 'Type="y" ', 'Target="a.xml" ', 'Target="/b.xml" ', '"', ' ']
    const core = ['<dc:title>', '<dc:title x="1">', '<dc:titles>', '</dc:title>', '>', 'Hi', ' &amp; ', '<', '\n']
    const bytes = (text: string) => new TextEncoder().encode(text)
    for (let k = 0; k < 20_000; k++) {
      let a = ''
      let b = ''
      const length = Math.floor(random() * 10)
      for (let i = 0; i < length; i++) {
        a += rels[Math.floor(random() * rels.length)]
        b += core[Math.floor(random() * core.length)]
      }
      const entries = new Map([['_rels/.rels', bytes(a)], ['docProps/core.xml', bytes(b)], ['a.xml', bytes('')], ['b.xml', bytes('')]])
      if (random() < 0.7) entries.set('word/document.xml', bytes(''))
      expect(mainDocumentPath(entries), a).toBe(oldMain(entries))
      expect(coreTitle(entries), b).toBe(oldTitle(entries))
    }
    const hostile = new Map([['_rels/.rels', bytes('<Relationship '.repeat(200_000))], ['docProps/core.xml', bytes('<dc:title>'.repeat(280_000))], ['word/document.xml', bytes('')]])
    expect(mainDocumentPath(hostile)).toBe('word/document.xml')
    expect(coreTitle(hostile)).toBeUndefined()
  })
})
