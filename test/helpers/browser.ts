/**
 * Debian's Chromium (installed by `npm test`'s pretest from
 * scripts/test-tools.txt), driven by playwright-core: never a downloaded
 * browser. Launch one per test file and reuse it.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type Page, chromium } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS })
}

/** A page showing `html`, with the page's CSP bypassed so that axe-core can be injected. */
export async function openHtml(browser: Browser, html: string, viewport = { width: 1024, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport, colorScheme: 'light' })
  const page = await context.newPage()
  // Nothing may be fetched: the pages are self-contained.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
  await page.setContent(html, { waitUntil: 'load' })
  return page
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null | undefined
  help: string
  nodes: { target: unknown; failureSummary: string | undefined }[]
}

/** Run axe-core (all rules it runs by default, best practices included) on the page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as { axe: typeof import('axe-core'); document: import('axe-core').ElementContext }
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary }))
    }))
  })
}
