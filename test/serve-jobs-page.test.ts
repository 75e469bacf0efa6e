/**
 * The page of `docmend serve --queue` in a real browser (Debian's Chromium
 * through playwright-core) over a real Redis and a real `docmend worker`:
 * a document sent as a job shows as waiting while no worker runs, completes
 * once one does, and its result downloads; bad input shows as failed with its
 * one-line reason. Waits on what the page shows, never on time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './helpers/browser.js'
import { type RedisRun, type Watched, startDocmendWorker, startRedis } from './helpers/redis.js'
import { type ServeRun, startServe } from './helpers/serve.js'

const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
const work = mkdtempSync(join(tmpdir(), 'docmend-jobs-page-'))
// A queue of this file's own, so no other test's jobs (or results) meet these.
const QUEUE_NAME = `page-${process.pid}`
let redis: RedisRun
let server: ServeRun
let worker: Watched | undefined
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  redis = await startRedis({ cwd: work })
  ;[server, browser] = await Promise.all([startServe(['--queue', redis.url, '--queue-name', QUEUE_NAME], { env: ENV }), launchChromium()])
  context = await browser.newContext({ acceptDownloads: true })
  page = await context.newPage()
  await page.goto(server.url)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  worker?.child.kill('SIGKILL')
  await redis?.stop()
  rmSync(work, { recursive: true, force: true })
})

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's violations on the page (evaluated, as the page's CSP refuses an injected script tag). */
async function axeViolations(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate('axe.run().then((r) => r.violations)')) as { id: string; nodes: { target: unknown }[] }[]
  return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
}

/** The state cell of the job row for a document. */
const stateOf = (label: string) => page.locator('#jobs-list tr', { hasText: label }).locator('.job-state')

async function drop(name: string, body: string | Buffer): Promise<void> {
  await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer: Buffer.from(body) })
  await expect.poll(() => page.locator('#output').getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false')
}

describe('docmend serve --queue: jobs on the page', () => {
  it('shows a job waiting while no worker runs, completed once one does, and downloads its result', async () => {
    await expect.poll(() => page.locator('#jobs').isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await page.locator('#jobs-empty').textContent()).toBe('No jobs sent yet.')
    const table = `| Region | Sales |\n|---|---|\n| North | ${process.pid} |\n| Total | ${process.pid} |\n`
    await drop('regions.md', table)
    await page.getByLabel('Convert to').selectOption('html')
    await page.getByRole('button', { name: 'Send to the queue' }).click()
    await expect.poll(() => stateOf('regions.md').textContent(), { timeout: 20_000 }).toBe('waiting for a worker')
    expect(await axeViolations()).toEqual([])

    worker = await startDocmendWorker(redis.url, { env: ENV, args: ['--queue-name', QUEUE_NAME] })
    await expect.poll(() => stateOf('regions.md').textContent(), { timeout: 60_000 }).toBe('completed')
    // The worker logs its line once the job is stored as completed, so the page can see it first.
    await expect.poll(() => worker!.lines.filter((l) => l.includes('regions.md: converted')).length, { timeout: 30_000 }).toBe(1)

    const downloaded = page.waitForEvent('download', { timeout: 30_000 })
    await page.getByRole('link', { name: 'Download HTML' }).click()
    const file = await downloaded
    expect(file.suggestedFilename()).toBe('regions.html')
    const path = join(work, 'regions.html')
    await file.saveAs(path)
    // The same bytes as the synchronous API gives for the same document.
    const direct = await fetch(`${server.url}api/convert?to=html&name=regions.md`, { method: 'POST', body: table })
    expect(readFileSync(path, 'utf8')).toBe(await direct.text())
  }, 120_000)

  it('shows a job whose input is bad as failed, with its one-line reason', async () => {
    await drop('junk.docx', 'PK\x03\x04 this is no zip archive \x00\x01\x02')
    await page.getByLabel('Convert to').selectOption('txt')
    await page.getByRole('button', { name: 'Send to the queue' }).click()
    await expect.poll(() => stateOf('junk.docx').textContent(), { timeout: 60_000 }).toMatch(/^failed: /)
    const line = (await stateOf('junk.docx').textContent())!
    expect(line).toMatch(/^failed: \S[^\n]+$/)
    expect(line).not.toMatch(/could not convert|internal|at \w+ \(/)
    // The earlier job is still listed, and a failed job offers no result.
    expect(await page.locator('#jobs-list tr').count()).toBe(2)
    expect(await page.locator('#jobs-list tr', { hasText: 'junk.docx' }).getByRole('link').count()).toBe(0)
    await expect.poll(() => worker!.lines.filter((l) => l.includes('junk.docx: failed')).length, { timeout: 30_000 }).toBe(1)
  }, 90_000)
})
