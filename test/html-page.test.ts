import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIN_TOC_HEADINGS } from '../src/emit/html/toc.js'
import { convert } from '../src/index.js'
import { runCli } from './helpers/cli.js'
import { attr, elements, parseHtml, textOf } from './helpers/html.js'
import { seedFiles } from './helpers/samples.js'

const page = async (input: string | Uint8Array, from?: 'md' | 'html' | 'text') =>
  String((await convert(input, { to: 'html', ...(from ? { from } : {}) })).outputs.html)
const htmlTag = (html: string) => elements(parseHtml(html), 'html')[0]

const ENGLISH = 'The committee met four times this year. It reviewed the budget, approved the annual accounts and published every decision on its website within a week.'
const FRENCH = 'Le comité s’est réuni quatre fois cette année. Il a examiné le budget, approuvé les comptes annuels et publié chaque décision sur son site dans la semaine.'

describe('the HTML page', () => {
  it('declares the language of the content: zh-CN for every seed', async () => {
    for (const file of seedFiles) expect(attr(htmlTag(await page(readFileSync(file))), 'lang')).toBe('zh-CN')
  })

  it('detects the language of non-CJK text, and falls back to English when unsure', async () => {
    expect(attr(htmlTag(await page(`# Report\n\n${ENGLISH}\n`, 'md')), 'lang')).toBe('en')
    expect(attr(htmlTag(await page(`# Rapport\n\n${FRENCH}\n`, 'md')), 'lang')).toBe('fr')
    expect(attr(htmlTag(await page('# Q3\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 'md')), 'lang')).toBe('en')
  })

  it('keeps a well-formed language the source declares, with its direction, and ignores a malformed one', async () => {
    const arabic = htmlTag(await page('<html lang="ar"><body><p>مرحبا</p></body></html>', 'html'))
    expect([attr(arabic, 'lang'), attr(arabic, 'dir')]).toEqual(['ar', 'rtl'])
    const bogus = htmlTag(await page(`<html lang="not a language!"><body><p>${FRENCH}</p></body></html>`, 'html'))
    expect(attr(bogus, 'lang')).toBe('fr')
  })

  it('takes its <title> from the first heading, escaped', async () => {
    // `\<` keeps the angle brackets as text: a bare `<Profits>` would be an HTML tag, which titles leave out.
    const html = await page('# Sales & \\<Profits\\>\n\nText.\n\n## Next\n', 'md')
    expect(textOf(elements(parseHtml(html), 'title')[0])).toBe('Sales & <Profits>')
    expect(html).toContain('<title>Sales &amp; &lt;Profits&gt;</title>')
  })

  it('shows the title as the one top heading when the document has none', async () => {
    const withoutH1 = parseHtml(await page('## 总体情况\n\n正文。\n', 'md'))
    expect(elements(withoutH1, 'h1').map(textOf)).toEqual(['总体情况'])
    expect(elements(withoutH1, 'h2').map(textOf)).toEqual(['总体情况'])
    const withH1 = parseHtml(await page('# Report\n\n## Part\n', 'md'))
    expect(elements(withH1, 'h1').map(textOf)).toEqual(['Report'])
  })

  it(`has a table of contents linking every section when there are at least ${MIN_TOC_HEADINGS} headings`, async () => {
    const headings = Array.from({ length: MIN_TOC_HEADINGS }, (_, i) => `## Part ${i + 1}\n\n${ENGLISH}\n\n### Detail ${i + 1}\n\nMore.\n`).join('\n')
    const tree = parseHtml(await page(`# Report\n\n${headings}`, 'md'))
    const nav = elements(tree, 'nav')[0]
    expect(nav).toBeDefined()
    const links = elements(nav, 'a')
    expect(links.map(textOf)).toEqual(Array.from({ length: MIN_TOC_HEADINGS }, (_, i) => [`Part ${i + 1}`, `Detail ${i + 1}`]).flat())
    const ids = new Set(elements(tree).filter((e) => /^h[1-6]$/.test(e.tagName)).map((h) => attr(h, 'id')))
    for (const link of links) expect(ids).toContain(attr(link, 'href')!.slice(1))
    // The title stays above the table of contents; the contents are named.
    const main = elements(tree, 'main')[0]
    expect(main.children.filter((c) => c.type === 'element').slice(0, 2).map((c) => (c as { tagName: string }).tagName)).toEqual(['h1', 'nav'])
    expect(textOf(elements(nav, 'p')[0])).toBe('Contents')
  })

  it('has no table of contents for a short document, nor in a fragment', async () => {
    const short = parseHtml(await page('# Report\n\n## One\n\n## Two\n\n## Three\n', 'md'))
    expect(elements(short, 'nav')).toEqual([])
    const fragment = String((await convert(readFileSync(seedFiles[0]), { to: 'html', fragment: true })).outputs.html)
    expect(fragment).not.toMatch(/<(html|head|body|nav|title)\b/)
    expect(fragment).toContain('<h2')
  })
})

describe('docmend convert --to html', () => {
  it('fills a --template of the user’s own, placeholders and all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docmend-template-'))
    const template = join(dir, 'shell.html')
    writeFileSync(template, '<!DOCTYPE html><html lang="{{lang}}"><head><title>{{ title }}</title></head><body><header>{{heading}}</header>{{toc}}<article>{{body}}</article><!-- {{unknown}} --></body></html>')
    const run = await runCli(['convert', seedFiles[1], '--to', 'html', '--template', template])
    expect(run.code).toBe(0)
    const html = run.stdout.toString('utf8')
    const tree = parseHtml(html)
    expect(attr(htmlTag(html), 'lang')).toBe('zh-CN')
    expect(textOf(elements(tree, 'title')[0])).toBe(textOf(elements(elements(tree, 'header')[0], 'h1')[0]))
    expect(elements(elements(tree, 'article')[0], 'p').length).toBeGreaterThan(3)
    expect(html).toContain('<!-- {{unknown}} -->')
    expect(html.replace('{{unknown}}', '')).not.toContain('{{')
  })

  it('refuses a template without {{body}} as a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docmend-template-'))
    writeFileSync(join(dir, 'bad.html'), '<html><body>{{title}}</body></html>')
    const run = await runCli(['convert', seedFiles[0], '--to', 'html', '--template', join(dir, 'bad.html')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/no \{\{body\}\} placeholder/)
  })
})
