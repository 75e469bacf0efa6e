import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { seedFiles } from './helpers/samples.js'

const utf8 = readFileSync(seedFiles[0])
const asJson = async (bytes: Uint8Array) => (await convert(bytes, { to: 'json' })).outputs.json

describe('reading text in the encodings Chinese CMS exports use', () => {
  it('reads a GBK-encoded copy of a sample exactly like the UTF-8 original (not as Latin-1)', async () => {
    const gbk = iconv.encode(utf8.toString('utf8'), 'gbk')
    expect(Buffer.compare(gbk, utf8)).not.toBe(0)
    expect(await asJson(gbk)).toBe(await asJson(utf8))
  })

  it('reads GB18030 too, and says the encoding was detected', async () => {
    const gb = iconv.encode(utf8.toString('utf8'), 'gb18030')
    const result = await convert(gb, { to: 'json' })
    expect(result.outputs.json).toBe(await asJson(utf8))
    expect(result.messages.map((m) => m.text)).toContain('decoded as gb18030')
  })

  it('reads UTF-8 with a BOM, UTF-16 LE and BE with a BOM', async () => {
    const text = utf8.toString('utf8')
    const expected = await asJson(utf8)
    expect(await asJson(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe(expected)
    expect(await asJson(iconv.encode(text, 'utf16-le', { addBOM: true }))).toBe(expected)
    expect(await asJson(iconv.encode(text, 'utf16-be', { addBOM: true }))).toBe(expected)
  })

  it('normalizes CRLF and CR line endings', async () => {
    const text = utf8.toString('utf8')
    expect(await asJson(Buffer.from(text.replace(/\n/g, '\r\n')))).toBe(await asJson(utf8))
    expect(await asJson(Buffer.from(text.replace(/\n/g, '\r')))).toBe(await asJson(utf8))
  })
})
