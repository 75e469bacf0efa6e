import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { sampleFiles } from './helpers/samples.js'

/**
 * html-validate's recommended rules plus those for whole documents. Two rules
 * are relaxed, not disabled: `valid-id` in its strict form wants ids to start
 * with a letter, which HTML does not require; heading ids are slugs of the
 * heading text, and a Chinese heading such as `2023年…` starts with a digit.
 * `no-inline-style` allows `list-style-type` (besides its default `display`):
 * a Word list's own labels (`（一）`, `第1章`) are the browser's markers, set on
 * the list itself so that a fragment without docmend's stylesheet shows them
 * too, and never twice; any other inline style is still an error.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    'valid-id': ['error', { relaxed: true }],
    'no-inline-style': ['error', { allowedProperties: ['display', 'list-style-type'] }]
  }
})

/**
 * html-validate splits a style attribute at every `;`, also at the one that
 * ends `&#x22;`, the reference the serializer writes for a quote, so a label
 * written as a CSS string (`list-style-type: "（一）"`) reads to it as several
 * declarations. Exactly that form, on `<ol>` and `<li>`, is taken out before
 * validating; any other inline style is still checked.
 */
const LIST_LABEL_STYLE = /(<(?:ol|li)\b[^>]*?) style="list-style-type: &#x22;(?:[^&"\\]|\\.|&(?!#x22;))*&#x22;"/g

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html.replace(LIST_LABEL_STYLE, '$1'))
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
