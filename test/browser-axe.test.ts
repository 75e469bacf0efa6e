import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { axeViolations, launchChromium, openHtml } from './helpers/browser.js'
import { sampleFiles } from './helpers/samples.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('every sample as an HTML page in Chromium', () => {
  for (const file of sampleFiles) {
    it(`has no axe-core violations: ${file.split('/').pop()}`, async () => {
      const { outputs } = await convert(readFileSync(file), { to: 'html' })
      const page = await openHtml(browser, String(outputs.html))
      const violations = await axeViolations(page)
      await page.context().close()
      expect(violations).toEqual([])
    })
  }
})
