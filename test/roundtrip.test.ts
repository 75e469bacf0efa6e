import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { seedFiles } from './helpers/samples.js'

const toMd = async (input: string, from?: 'md' | 'text') => String((await convert(input, { to: 'md', ...(from ? { from } : {}) })).outputs.md)

describe('Markdown round trips', () => {
  it('Markdown → mdast → Markdown is stable for every sample', async () => {
    for (const seed of seedFiles) {
      const once = await toMd(readFileSync(seed, 'utf8'))
      const twice = await toMd(once, 'md')
      expect(twice, seed).toBe(once)
    }
  })

  it('keeps GFM constructs through a round trip: emphasis, links, lists, tables, footnotes', async () => {
    const source = '# Title\n\nSome _emphasis_, **strong** and a [link](https://example.org).\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA note.[^1]\n\n[^1]: The note.\n'
    const once = await toMd(source, 'md')
    expect(await toMd(once, 'md')).toBe(once)
    for (const part of ['_emphasis_', '**strong**', '[link](https://example.org)', '- two', '| 1 | 2 |', '[^1]: The note.']) expect(once).toContain(part)
  })
})
