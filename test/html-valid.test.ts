import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { sampleFiles } from './helpers/samples.js'

/**
 * html-validate's recommended rules plus those for whole documents. One rule
 * is relaxed, not disabled: `valid-id` in its strict form wants ids to start
 * with a letter, which HTML does not require; heading ids are slugs of the
 * heading text, and a Chinese heading such as `2023年…` starts with a digit.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'valid-id': ['error', { relaxed: true }] }
})

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html)
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`))
}

describe('the HTML docmend writes is valid', () => {
  for (const file of [...sampleFiles, 'test/fixtures/hostile.html']) {
    it(`for ${basename(file)}`, async () => {
      const { outputs } = await convert(readFileSync(file), { to: 'html' })
      expect(await problems(String(outputs.html))).toEqual([])
    })
  }

  it('and html-validate does reject invalid markup', async () => {
    expect(await problems('<!DOCTYPE html><html><head></head><body><table><td>1</td><div></div></table></body></html>')).not.toEqual([])
  })
})
