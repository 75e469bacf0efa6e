/**
 * Writers given list items that carry their source's labels (`data.label`,
 * as the DOCX reader sets them): the label is drawn once, as the marker.
 */
import type { List, Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { cssCounterFor } from '../src/emit/html/list-markers.js'
import { writers } from '../src/index.js'

const list = (labels: string[], format: string): Root => ({
  type: 'root',
  children: [
    {
      type: 'list',
      ordered: true,
      start: 1,
      spread: false,
      children: labels.map((label, i) => ({
        type: 'listItem',
        spread: false,
        data: { label, format },
        children: [{ type: 'paragraph', children: [{ type: 'text', value: `item ${i + 1}` }] }]
      }))
    } as List
  ]
})

describe('CSS counter styles that draw Word labels', () => {
  it.each<[string[], { style: string; start: number } | undefined]>([
    [['1.', '2.'], { style: 'decimal', start: 1 }],
    [['3.', '4.'], { style: 'decimal', start: 3 }],
    [['一、', '二、'], { style: 'cjk-decimal', start: 1 }],
    [['九、', '十、', '十一、'], { style: 'simp-chinese-informal', start: 9 }],
    [['c.', 'd.'], { style: 'lower-alpha', start: 3 }],
    [['iv.', 'v.'], { style: 'lower-roman', start: 4 }],
    [['07.', '08.', '09.', '10.'], { style: 'decimal-leading-zero', start: 7 }],
    [['（一）', '（二）'], undefined],
    [['1)', '2)'], undefined],
    [['1.', '3.'], undefined]
  ])('%j → %j', (labels, expected) => {
    expect(cssCounterFor(labels)).toEqual(expected)
  })
})

describe('writers draw the labels', () => {
  it('HTML: a named counter style with start, or string markers on a list that draws none itself', async () => {
    const named = (await writers.html({ tree: list(['三、', '四、'], 'chineseCounting'), resources: [] }, { fragment: true })).data as string
    expect(named).toContain('<ol start="3" style="list-style-type: cjk-decimal">')
    expect(named).toContain('<li>item 1</li>')
    const strings = (await writers.html({ tree: list(['（一）', '（二）'], 'chineseCounting'), resources: [] }, { fragment: true })).data as string
    expect(strings).toContain('<ol style="list-style-type: none">')
    expect(strings).toContain('<li style="list-style-type: &#x22;（一）&#x22;">item 1</li>')
  })

  it('HTML: a hostile label stays one quoted CSS string', async () => {
    const html = (await writers.html({ tree: list(['"; background: url(x) "<b>', 'a\\'], 'decimal'), resources: [] }, { fragment: true })).data as string
    expect(html).toContain('<li style="list-style-type: &#x22;\\&#x22;; background: url(x) \\&#x22;<b> &#x22;">item 1</li>')
    expect(html).toContain('<li style="list-style-type: &#x22;a\\\\ &#x22;">item 2</li>')
    expect(html).not.toContain('<b>item')
  })

  it('plain text and Markdown: the label as the marker, GFM numbers when they say the same', async () => {
    const txt = (await writers.txt({ tree: list(['a)', 'b)'], 'lowerLetter'), resources: [] })).data as string
    expect(txt).toBe('a) item 1\nb) item 2\n')
    const md = (await writers.md({ tree: list(['a)', 'b)'], 'lowerLetter'), resources: [] })).data as string
    expect(md).toBe('a) item 1\n\nb) item 2\n')
    const gfm = (await writers.md({ tree: list(['5.', '6.'], 'decimal'), resources: [] })).data as string
    expect(gfm).toBe('5. item 1\n6. item 2\n')
  })
})
