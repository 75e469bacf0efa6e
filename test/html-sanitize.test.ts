import { readFileSync } from 'node:fs'
import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { convert, writeHtml } from '../src/index.js'
import { attr, elements, parseHtml, textOf } from './helpers/html.js'

const hostileHtml = readFileSync('test/fixtures/hostile.html')
const hostileMarkdown = readFileSync('test/fixtures/hostile.md')

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'cite', 'poster', 'background', 'longDesc', 'xLinkHref', 'srcSet', 'data']
const SAFE_URL = /^(https?:\/\/|mailto:|#|[^:]*$)/i
const ACTIVE_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'base', 'meta', 'link', 'style', 'frame', 'frameset', 'svg', 'math', 'template', 'noscript']

/** The body of a page: the part that came from the document. */
function bodyOf(html: string) {
  const body = elements(parseHtml(html), 'body')[0]
  expect(body).toBeDefined()
  return body
}

function expectInert(html: string): void {
  for (const node of elements(bodyOf(html))) {
    expect(ACTIVE_ELEMENTS, `<${node.tagName}>`).not.toContain(node.tagName)
    for (const [name, value] of Object.entries(node.properties)) {
      expect(name.toLowerCase(), `${name} on <${node.tagName}>`).not.toMatch(/^on/)
      expect(name, `style on <${node.tagName}>`).not.toBe('style')
      if (URL_ATTRIBUTES.includes(name)) expect(String(value), `${name} on <${node.tagName}>`).toMatch(SAFE_URL)
    }
  }
  // The whole page, shell included: no script, and no attribute anywhere carries a script or data URL.
  const page = elements(parseHtml(html))
  expect(page.filter((node) => node.tagName === 'script')).toEqual([])
  for (const node of page) {
    for (const name of Object.keys(node.properties)) expect(attr(node, name) ?? '', `${name} on <${node.tagName}>`).not.toMatch(/(java|vb)script:|data:/i)
  }
}

describe('HTML output from hostile documents', () => {
  it('carries no script, event handler, frame, object, form or unsafe link from an HTML document', async () => {
    const { outputs } = await convert(hostileHtml, { to: 'html' })
    const html = String(outputs.html)
    expectInert(html)
    // The harmless content is all still there.
    const body = bodyOf(html)
    expect(textOf(body)).toContain('Links: plain, mixed case, tab inside, entity, leading spaces, vbscript, data, safe link, mail.')
    // A link or image whose address was unsafe is left as its text.
    expect(elements(body, 'a').map(textOf)).toEqual(['safe link', 'mail'])
    expect(textOf(body)).toContain('svg data imagejs image')
    expect(elements(body, 'a').map((a) => attr(a, 'href')).filter(Boolean)).toEqual(['https://example.org/ok', 'mailto:someone@example.org'])
    expect(elements(body, 'img').map((img) => attr(img, 'src')).filter(Boolean)).toEqual(['x', 'https://example.org/a.png', 'x'])
    expect(textOf(body)).toContain('Text that looks like markup: <script>alert("text")</script> and <img src=x onerror=alert(1)>')
    // The page's own language and title come out escaped, not as markup.
    expect(html).toContain('<html lang="en" dir="ltr">')
    expect(html).toContain('<title>Hostile &lt;script&gt;alert(1)&lt;/script&gt; page</title>')
  })

  it('lets no id or headers attribute from the document through: the table’s are docmend’s own', async () => {
    const { outputs } = await convert(hostileHtml, { to: 'html', fragment: true })
    const tree = parseHtml(String(outputs.html))
    const ths = elements(tree, 'th')
    expect(ths.map((th) => attr(th, 'scope'))).toEqual(['col', 'col', 'row'])
    expect(ths.map((th) => attr(th, 'headers'))).toEqual([undefined, undefined, undefined])
    expect(elements(tree).filter((node) => attr(node, 'id') === 't1-r1c1')).toEqual([])
  })

  it('carries no script, event handler or unsafe link from a Markdown document', async () => {
    const { outputs } = await convert(hostileMarkdown, { to: 'html', from: 'md' })
    const html = String(outputs.html)
    expectInert(html)
    const body = bodyOf(html)
    expect(textOf(body)).toContain('A plain link, an encoded one, an javascript:alert(1) autolink, a reference, and data.')
    // Raw HTML is rendered through the sanitizer: images keep only safe sources (web or relative).
    const sources = elements(body, 'img').map((img) => attr(img, 'src')).filter(Boolean)
    expect(sources).toContain('https://example.org/a.png')
    for (const src of sources) expect(src).toMatch(/^(https?:\/\/|[^:]*$)/)
    expect(elements(body, 'code').map(textOf)).toEqual(['<script>alert("code")</script>'])
  })

  it('embeds the images docmend itself extracted as data: URIs, and only those', async () => {
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'image', url: 'media/image1.png', alt: 'chart' },
            { type: 'image', url: 'data:image/png;base64,AAAA', alt: 'smuggled' }
          ]
        }
      ]
    }
    const doc = { tree, resources: [{ path: 'media/image1.png', contentType: 'image/png', bytes: png }] }
    const embedded = parseHtml(String((await writeHtml(doc, { embedImages: true, fragment: true })).data))
    // The smuggled data: image is left as its alternative text.
    expect(elements(embedded, 'img').map((img) => attr(img, 'src')?.slice(0, 22))).toEqual(['data:image/png;base64,'])
    expect(textOf(elements(embedded, 'p')[0])).toBe('smuggled')
    const linked = parseHtml(String((await writeHtml(doc, { mediaBase: 'report_media', fragment: true })).data))
    expect(elements(linked, 'img').map((img) => attr(img, 'src'))).toEqual(['report_media/image1.png'])
  })
})

/** Every address a tree holds in links, images and definitions, and its raw HTML. */
function addressesIn(tree: Root): { urls: string[]; html: string[] } {
  const urls: string[] = []
  const html: string[] = []
  visit(tree, (node) => {
    if ('url' in node && typeof node.url === 'string') urls.push(node.url)
    if (node.type === 'html') html.push((node as { value: string }).value)
  })
  return { urls, html }
}

const UNSAFE_ADDRESS = /^\s*(java\s*script|vb\s*script|data):/i

describe('every writer applies the same URL policy as HTML', () => {
  it('Markdown output keeps no javascript:, vbscript: or data: address, in links, images, definitions or raw HTML', async () => {
    const source = `${hostileMarkdown}\n[vb](vbscript:msgbox(1)) [page](data:text/html;base64,PHNjcmlwdD4=) [upper](JaVaScRiPt:alert(1)) [safe](https://example.org/)\n`
    const { outputs } = await convert(source, { to: 'md', from: 'md' })
    const md = String(outputs.md)
    const { urls, html } = addressesIn(unified().use(remarkParse).use(remarkGfm).parse(md) as Root)
    expect(urls).toContain('https://example.org/')
    expect(urls).toContain('https://example.org/a.png')
    for (const url of urls) expect(url).not.toMatch(UNSAFE_ADDRESS)
    for (const piece of html) {
      expect(piece).not.toMatch(/(java|vb)script:|data:|\son\w+=|<script|<iframe/i)
    }
    // The words stay: only the addresses go.
    expect(md).toContain('plain link')
    expect(md).toContain('raw html link')
  })

  it('plain text and JSON outputs keep no unsafe address either', async () => {
    const { outputs } = await convert(hostileMarkdown, { to: ['txt', 'json'], from: 'md' })
    expect(String(outputs.txt)).not.toMatch(/<(java|vb)script:|\(data:/i)
    expect(String(outputs.txt)).toContain('plain link')
    const { urls } = addressesIn(JSON.parse(String(outputs.json)) as Root)
    for (const url of urls) expect(url).not.toMatch(UNSAFE_ADDRESS)
  })
})
