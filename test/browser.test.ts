import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { axeViolations, launchChromium, openHtml } from './helpers/browser.js'
import { tableGrid } from '../src/emit/text/table.js'
import { sampleFiles } from './helpers/samples.js'
import { sampleTables } from './helpers/tables.js'

// One Chromium for the whole file.
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const pageOf = async (file: string, options: { from?: 'md' } = {}) =>
  String((await convert(readFileSync(file), { to: 'html', ...options })).outputs.html)

describe('every sample as an HTML page in Chromium', () => {
  for (const file of sampleFiles) {
    it(`has no axe-core violations: ${basename(file)}`, async () => {
      const page = await openHtml(browser, await pageOf(file))
      const violations = await axeViolations(page)
      await page.context().close()
      expect(violations).toEqual([])
    })
  }

  it('is checked by an axe-core that does report violations (a broken page has some)', async () => {
    const page = await openHtml(browser, '<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png"><table><tr><th></th><td>1</td></tr></table></body></html>')
    const ids = (await axeViolations(page)).map((v) => v.id)
    await page.context().close()
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'empty-table-header']))
  })
})

describe('a hostile document as an HTML page in Chromium', () => {
  for (const [file, from] of [['test/fixtures/hostile.html', undefined], ['test/fixtures/hostile.md', 'md']] as const) {
    it(`runs no script even with the page's Content-Security-Policy off: ${basename(file)}`, async () => {
      const page = await openHtml(browser, await pageOf(file, from ? { from } : {}))
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      // Focus, hover and click everything that is not a real link: no handler may fire.
      const result = await page.evaluate(() => {
        const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ tagName: string; getAttributeNames(): string[]; click(): void; focus(): void; dispatchEvent(e: unknown): boolean; hasAttribute(n: string): boolean }> } }
        const all = Array.from(document.querySelectorAll('*'))
        for (const el of all) {
          if (el.tagName === 'A' && el.hasAttribute('href')) continue
          el.focus()
          el.dispatchEvent(new (globalThis as unknown as { MouseEvent: new (t: string) => unknown }).MouseEvent('mouseover'))
          el.click()
        }
        return {
          pwned: (globalThis as unknown as { __pwned?: string }).__pwned ?? null,
          handlers: all.flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
          scripts: document.querySelectorAll('script, iframe, object, embed, form').length
        }
      })
      await page.waitForTimeout(100)
      await page.context().close()
      expect(result).toEqual({ pwned: null, handlers: [], scripts: 0 })
      expect(dialogs).toEqual([])
    })
  }
})

describe('a sample table on screen', () => {
  interface Box {
    text: string
    x: number
    y: number
    width: number
    height: number
    clipped: boolean
    visible: boolean
  }

  /** The table's cells as the browser laid them out. */
  const cellBoxes = async (html: string, viewport: { width: number; height: number }, index: number, screenshot: string) => {
    const page = await openHtml(browser, html, viewport)
    const region = page.locator('section.table-scroll').nth(index)
    await region.scrollIntoViewIfNeeded()
    const png = await region.screenshot({ path: screenshot })
    const boxes: Box[] = await region.evaluate((section) => {
      type El = { getBoundingClientRect(): { x: number; y: number; width: number; height: number }; textContent: string | null; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }
      const view = globalThis as unknown as { getComputedStyle(el: El): { visibility: string; display: string; opacity: string } }
      const cells = Array.from((section as unknown as { querySelectorAll(s: string): ArrayLike<El> }).querySelectorAll('th, td'))
      return cells.map((cell) => {
        const r = cell.getBoundingClientRect()
        const style = view.getComputedStyle(cell)
        return {
          text: (cell.textContent ?? '').trim(),
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
          clipped: cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1,
          visible: style.visibility === 'visible' && style.display !== 'none' && Number(style.opacity) > 0
        }
      })
    })
    const layout = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll(s: string): ArrayLike<{ scrollWidth: number; clientWidth: number }> }; innerWidth: number }
      const region = document.querySelectorAll('section.table-scroll')
      return { pageScrolls: document.documentElement.scrollWidth > innerWidth, regions: Array.from(region).map((r) => r.scrollWidth > r.clientWidth) }
    })
    return { page, png, boxes, layout }
  }

  const overlap = (a: Box, b: Box) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

  it('lays out every cell of the 10-column table visibly, without overlap, text unclipped', async () => {
    const dir = join(tmpdir(), 'docmend-screenshots')
    mkdirSync(dir, { recursive: true })
    const html = await pageOf('test/fixtures/seed-tables.html')
    const { page, png, boxes } = await cellBoxes(html, { width: 1024, height: 900 }, 1, join(dir, 'applications-table.png'))
    await page.context().close()
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // Every cell of the canonical table is on screen.
    const table = (await sampleTables(readFileSync('test/fixtures/seed-tables.html')))[1]
    expect(boxes.map((b) => b.text)).toEqual(tableGrid(table).cells.map((c) => c.content.replace(/\n/g, '')))
    for (const box of boxes) {
      expect(box.visible, box.text).toBe(true)
      expect(box.clipped, box.text).toBe(false)
      expect(box.width * box.height, box.text).toBeGreaterThan(0)
    }
    // Neighbouring cells may share their collapsed border, nothing more.
    const inner = boxes.map((b) => ({ ...b, x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 }))
    const overlapping: string[] = []
    for (let i = 0; i < inner.length; i++) {
      for (let j = i + 1; j < inner.length; j++) if (overlap(inner[i], inner[j]) > 0) overlapping.push(`${inner[i].text} / ${inner[j].text}`)
    }
    expect(overlapping).toEqual([])
  })

  it('scrolls a wide table inside its region on a phone, by keyboard, never the page', async () => {
    const html = await pageOf('test/fixtures/seed-tables.html')
    const { page, layout } = await cellBoxes(html, { width: 390, height: 800 }, 2, join(tmpdir(), 'docmend-screenshots', 'appeals-phone.png'))
    expect(layout.pageScrolls).toBe(false)
    expect(layout.regions[2]).toBe(true)
    const region = page.locator('section.table-scroll').nth(2)
    await region.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('End')
    // Chromium animates keyboard scrolling: wait for the region to move, up to 5 s.
    const scrolled = await page
      .waitForFunction((el) => (el as unknown as { scrollLeft: number }).scrollLeft > 0, await region.elementHandle(), { timeout: 5000 })
      .then(() => true, () => false)
    const state = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { activeElement: { tagName: string; className: string } | null; documentElement: { scrollLeft: number } } }
      return { active: `${g.document.activeElement?.tagName}.${g.document.activeElement?.className}`, pageLeft: g.document.documentElement.scrollLeft }
    })
    await page.context().close()
    expect({ scrolled, ...state }).toEqual({ scrolled: true, active: 'SECTION.table-scroll', pageLeft: 0 })
  })
})
