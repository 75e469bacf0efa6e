/**
 * Redis going away and coming back (issue 15): a client waits for a job no
 * worker has taken yet, Redis stops, a worker starts while it is away, and
 * Redis comes back on the same port with its data (appendonly, as a
 * production Redis keeps it). Both say that Redis is away and that it is
 * back, and the job completes. Waits on output lines and exits, never on time.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI, ROOT } from './helpers/cli.js'
import { type RedisRun, type Watched, startRedis, watch } from './helpers/redis.js'

const work = mkdtempSync(join(tmpdir(), 'docmend-queue-outage-'))
const dataDir = join(work, 'redis-data')
mkdirSync(dataDir)
const children: (Watched | RedisRun)[] = []

afterAll(async () => {
  for (const run of children) run.child.kill('SIGKILL')
  await Promise.all(children.map((run) => run.exited))
  rmSync(work, { recursive: true, force: true })
})

function docmend(args: string[]): Watched {
  const run = watch(spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } }))
  children.push(run)
  return run
}

describe('Redis going away and coming back', () => {
  it('is waited out by a client and a worker, each saying so, and the job completes', async () => {
    const first = await startRedis({ dataDir, cwd: work })
    children.push(first)
    const { port, url } = first
    const shown = `redis://127.0.0.1:${port}/0`
    const input = join(work, 'regions.md')
    writeFileSync(input, `| Region | Sales |\n|---|---|\n| West | ${process.pid} |\n| Total | ${process.pid} |\n`)

    // No worker yet: the job waits in Redis, and the client waits for it.
    const client = docmend(['convert', input, '--to', 'html', '--out-dir', join(work, 'out'), '--queue', url])
    const probe = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true })
    await probe.connect()
    await expect.poll(() => probe.llen('bull:docmend:wait'), { timeout: 30_000 }).toBe(1)
    probe.disconnect()

    await first.stop()
    const away = new RegExp(`^docmend: cannot reach Redis at ${shown.replace(/[/.]/g, '\\$&')} \\([A-Z]+\\); retrying until it is back$`)
    await client.waitFor(away)
    // A worker started while Redis is away waits for it too.
    const worker = docmend(['worker', '--queue', url, '--concurrency', '1'])
    await worker.waitFor(/^docmend worker: cannot reach Redis/)
    expect(worker.lines.some((l) => /taking jobs/.test(l))).toBe(false)

    const second = await startRedis({ port, dataDir, cwd: work })
    children.push(second)
    await worker.waitFor(/: converted in /)
    expect(await client.exited).toBe(0)
    expect(readFileSync(join(work, 'out/regions.html'), 'utf8')).toMatch(/<td[^>]*>West<\/td>/)
    expect(client.lines).toEqual([expect.stringMatching(away), `docmend: Redis at ${shown} is back`])
    expect(worker.lines.filter((l) => /cannot reach|is back|taking jobs|converted/.test(l))).toEqual([
      expect.stringMatching(/^docmend worker: cannot reach Redis at .* retrying until it is back$/),
      `docmend worker: Redis at ${shown} is back`,
      expect.stringMatching(/^docmend worker: taking jobs from queue 'docmend'/),
      expect.stringMatching(/^docmend worker: c[0-9a-f]+ .*regions\.md: converted in \d+ ms$/)
    ])
  }, 60_000)
})
