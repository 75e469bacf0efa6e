/**
 * Trailing whitespace is cut with `trimEnd()`, never `/\s+$/`. V8 tries the
 * pattern from every position of a whitespace run that is not at the end, so
 * a line of n spaces then text costs n² steps: fuzz case 62 of the CI sample
 * (a 3,000-level Markdown list, read as text: line i is 2i spaces then `- item`,
 * 9 MB) spent 72% of its time in `\s+$` in the text reader's `classify`, and
 * never finished within the 9 s limit. `trimEnd()` removes exactly what `\s`
 * matches (WhiteSpace and LineTerminator), in one pass from the end.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { textToMdast } from '../src/ingest/text/index.js'
import { ROOT } from './helpers/cli.js'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('trailing whitespace: cut in linear work', () => {
  it('no source cuts trailing whitespace with the backtracking /\\s+$/ pattern', () => {
    const offenders = sources(join(ROOT, 'src')).filter((file) => /replace\(\/\\s[+*]\$\//.test(readFileSync(file, 'utf8')))
    expect(offenders.map((f) => f.slice(ROOT.length))).toEqual([])
  })

  it('trimEnd removes what \\s+$ removed', () => {
    const ws = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
    for (const s of [`a${ws}`, `${ws}b${ws}`, ws, 'c\u200b ', '']) expect(s.trimEnd()).toBe(s.replace(/\s+$/u, ''))
  })

  it('fuzz case 62 shape: a deeply indented list read as text keeps every item', () => {
    const depth = 300
    const text = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item\n`).join('')
    const { tree } = textToMdast(text)
    expect(JSON.stringify(tree).match(/item/g)?.length).toBe(depth)
  }, 60_000)
})
