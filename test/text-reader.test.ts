import { readFileSync } from 'node:fs'
import type { Heading, List, Paragraph, Parent, Root } from 'mdast'
import type { Node } from 'unist'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { convert } from '../src/convert.js'
import { textToMdast } from '../src/ingest/text/index.js'
import { seedFiles } from './helpers/samples.js'

const read = (text: string): Root => textToMdast(text).tree
const headings = (tree: Root) => tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => `${h.depth} ${toString(h)}`)

describe('the text reader', () => {
  it('reads report numbering as heading levels: a title, 一、 sections, （一） subsections', () => {
    const tree = read(readFileSync(seedFiles[4], 'utf8'))
    const found = headings(tree)
    expect(found[0]).toBe('1 阿荣旗医疗保障局2020年政府信息公开工作年度报告')
    expect(found).toContain('2 一、总体情况')
    expect(found).toContain('3 (一)主动公开情况')
    expect(found).toContain('2 六、其他需要报告的事项')
  })

  it('keeps numbered lines that are sentences as paragraphs, not headings', () => {
    const tree = read(readFileSync(seedFiles[0], 'utf8'))
    const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'paragraph').map((p) => toString(p))
    expect(paragraphs.some((p) => p.startsWith('(一)主动公开政府信息情况。通过柞水县'))).toBe(true)
    expect(headings(tree)).not.toContain(expect.stringContaining('主动公开政府信息情况。'))
  })

  it('finds the three tables of every seed and nothing else', () => {
    for (const seed of seedFiles) {
      const tree = read(readFileSync(seed, 'utf8'))
      expect(tree.children.filter((n) => n.type === 'table'), seed).toHaveLength(3)
    }
  })

  it('does not take the heading before a table, or the prose after it, as rows', () => {
    const tree = read(readFileSync(seedFiles[0], 'utf8'))
    const index = tree.children.findIndex((n) => n.type === 'table' && toString(n).includes('申请人情况'))
    expect(toString(tree.children[index - 1])).toBe('三、收到和处理政府信息公开申请情况')
    expect(tree.children[index - 1].type).toBe('heading')
    expect(toString(tree.children[index + 1])).toBe('四、政府信息公开行政复议、行政诉讼情况')
  })

  it('rejoins a hard-wrapped paragraph, with no space between two CJK characters', () => {
    const text = [
      '这是一个很长的段落，它在固定的宽度处被折行了，所以每一行都差不多一样长，而且没有',
      '标点符号结束，下一行是它的继续，读者应该看到一个完整的段落，而不是两个或三个段落',
      '在这里结束。',
      '',
      'This paragraph was wrapped by an email client at a fixed width, so its',
      'lines are about the same length and the next one continues the',
      'sentence until it ends here.'
    ].join('\n')
    const paragraphs = read(text).children.map((n) => toString(n))
    expect(paragraphs).toEqual([
      '这是一个很长的段落，它在固定的宽度处被折行了，所以每一行都差不多一样长，而且没有标点符号结束，下一行是它的继续，读者应该看到一个完整的段落，而不是两个或三个段落在这里结束。',
      'This paragraph was wrapped by an email client at a fixed width, so its lines are about the same length and the next one continues the sentence until it ends here.'
    ])
  })

  it('reads bulleted and numbered lists, nested by indentation', () => {
    const tree = read('Steps:\n\n1. Open the file\n2. Repair the tables\n   - spans\n   - header rows\n3. Publish\n\n- one\n- two\n')
    const lists = tree.children.filter((n): n is List => n.type === 'list')
    expect(lists).toHaveLength(2)
    expect(lists[0].ordered).toBe(true)
    expect(lists[0].children.map((i) => toString(i.children[0]))).toEqual(['Open the file', 'Repair the tables', 'Publish'])
    const nested = lists[0].children[1].children[1] as List
    expect(nested.type).toBe('list')
    expect(nested.ordered).toBe(false)
    expect(nested.children.map((i) => toString(i))).toEqual(['spans', 'header rows'])
    expect(lists[1].ordered).toBe(false)
  })

  it('ends a nested list where an item goes back out to the outer list', () => {
    const tree = read('- a\n  - b\n- c\n')
    const list = tree.children[0] as List
    expect(list.children.map((i) => toString(i.children[0]))).toEqual(['a', 'c'])
    expect(toString(list.children[0].children[1])).toBe('b')
  })

  it('converts a list indented a thousand levels to every format, each item once, nested at most 32 deep', async () => {
    // Every writer walks the tree recursively: unbounded nesting overflowed their stacks (fuzz case 62).
    const items = Array.from({ length: 1000 }, (_, i) => `item${i}`)
    const text = items.map((item, i) => `${'  '.repeat(i)}- ${item}\n`).join('')
    const result = await convert(new TextEncoder().encode(text), { from: 'text', to: ['md', 'html', 'txt', 'json'], fragment: true })
    expect(result.messages.map((m) => m.code)).toContain('nesting-flattened')
    let depth = 0
    const open: Array<[Node, number]> = [[result.doc.tree, 0]]
    for (let next = open.pop(); next; next = open.pop()) {
      const [node, lists] = next
      const inside = lists + (node.type === 'list' ? 1 : 0)
      depth = Math.max(depth, inside)
      for (const child of (node as Parent).children ?? []) open.push([child, inside])
    }
    expect(depth).toBe(32)
    for (const format of ['md', 'html', 'txt', 'json'] as const) {
      const written = result.outputs[format] ?? ''
      const text = typeof written === 'string' ? written : new TextDecoder().decode(written)
      // The JSON tree also names its title (the first item): its text is what is compared.
      const output = format === 'json' ? toString(JSON.parse(text) as Root) : text
      const found = output.match(/item\d+/g) ?? []
      expect(found, format).toEqual(items)
    }
  })

  it('reads Markdown-style # headings and well-formed GFM tables in pasted text', () => {
    const tree = read('# Results\n\n| Region | Sales |\n| --- | ---: |\n| **North** | 10 |\n')
    expect(headings(tree)).toEqual(['1 Results'])
    const table = tree.children.find((n) => n.type === 'table')
    expect(table && toString(table)).toContain('North')
    expect(table?.data?.origin?.layout).toBe('gfm')
  })
})
