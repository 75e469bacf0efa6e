/**
 * Queue mode over a real Redis (redis-server, started here on a free port and
 * stopped after): `docmend worker` processes take the jobs `convert --queue`
 * sends. Outcomes only, never durations: every output byte-identical to a
 * local run even when a worker is SIGKILLed mid-run, bad input failing once,
 * a resubmission converted once.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request as httpRequest } from 'node:http'
import { CLI, ROOT, runCli } from './helpers/cli.js'
import { type RedisRun, type Watched, startDocmendWorker, startRedis, watch } from './helpers/redis.js'
import { startServe } from './helpers/serve.js'

const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
const work = mkdtempSync(join(tmpdir(), 'docmend-queue-'))
let redis: RedisRun
let url = ''

const workers: Watched[] = []

async function startWorker(): Promise<Watched> {
  const w = await startDocmendWorker(url, { env: ENV })
  workers.push(w)
  return w
}

function tree(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path))
    }
  }
  walk(dir)
  return out.sort()
}

beforeAll(async () => {
  redis = await startRedis({ cwd: work })
  url = redis.url
}, 30_000)

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL')
  await redis?.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('convert --queue with docmend worker processes', () => {
  it('converts every file byte-identically to a local run although a worker is killed mid-run; bad input fails once', async () => {
    const inputs = join(work, 'inputs')
    mkdirSync(inputs)
    const docx = readdirSync(join(ROOT, 'test/corpus/docx/pandoc')).filter((n) => n.endsWith('.docx')).sort().slice(0, 6)
    for (const name of docx) copyFileSync(join(ROOT, 'test/corpus/docx/pandoc', name), join(inputs, name))
    for (const name of ['160F-2019.pdf']) copyFileSync(join(ROOT, 'test/corpus/pdf/pdfjs', name), join(inputs, name))
    writeFileSync(join(inputs, 'junk.docx'), Buffer.from('PK\x03\x04 this is no zip archive \x00\x01\x02'))

    const a = await startWorker()
    const b = await startWorker()
    const queued = join(work, 'queued')
    const client = watch(spawn(process.execPath, [CLI, 'convert', inputs, '--to', 'html,md', '--out-dir', queued, '--queue', url], { cwd: ROOT, env: ENV }))
    // Kill worker A once it has finished a job: it is then holding (or taking) the next one.
    await a.waitFor(/: converted in /)
    a.child.kill('SIGKILL')
    expect(await client.exited).toBe(1)

    const local = join(work, 'local')
    const run = await runCli(['convert', inputs, '--to', 'html,md', '--out-dir', local], { timeoutMs: 120_000 })
    expect(run.code).toBe(1)
    // The same one line for the bad input as a local run, and nothing else.
    expect(run.stderr).toMatch(new RegExp(`^docmend: ${inputs}/junk\\.docx: [^\\n]+\\n$`))
    expect(client.lines).toEqual([run.stderr.trim()])
    expect(tree(queued)).toEqual(tree(local))
    expect(tree(queued).length).toBeGreaterThanOrEqual(2 * 7)
    for (const file of tree(local)) expect(readFileSync(join(queued, file)).equals(readFileSync(join(local, file))), file).toBe(true)
    // The bad input was tried once, by one worker, whichever it was.
    expect([...a.lines, ...b.lines].filter((l) => l.includes('junk.docx: failed'))).toHaveLength(1)
  }, 150_000)

  it('converts the same file submitted twice once, and reuses its result', async () => {
    if (workers.filter((w) => w.child.exitCode === null && !w.child.killed).length === 0) await startWorker()
    const live = workers.filter((w) => !w.child.killed)
    const file = join(work, 'twice.txt')
    writeFileSync(file, `| Region | Sales |\n|---|---|\n| North | ${process.pid} |\n| Total | ${process.pid} |\n`)
    const first = await runCli(['convert', file, '--to', 'html', '--out-dir', join(work, 'twice-1'), '--queue', url])
    const second = await runCli(['convert', file, '--to', 'html', '--out-dir', join(work, 'twice-2'), '--queue', url])
    expect([first.code, first.stderr, second.code, second.stderr]).toEqual([0, '', 0, ''])
    expect(readFileSync(join(work, 'twice-2/twice.html'))).toEqual(readFileSync(join(work, 'twice-1/twice.html')))
    expect(live.flatMap((w) => w.lines).filter((l) => l.includes('twice.txt: converted'))).toHaveLength(1)
  }, 60_000)

  it('refuses an input over the payload cap with one line, before it reaches Redis', async () => {
    const file = join(work, 'big.txt')
    writeFileSync(file, 'x | y |\n'.repeat(20_000))
    const run = await runCli(['convert', file, '--to', 'txt', '--out-dir', join(work, 'big'), '--queue', url, '--max-payload', '0.1'])
    expect([run.code, run.stderr]).toEqual([1, `docmend: ${file}: is 0.2 MiB, over the queue's 0.1 MiB payload cap (--max-payload)\n`])
  })

  it('refuses a URL that is not Redis with exit 2', async () => {
    const run = await runCli(['convert', join(work, 'big.txt'), '--to', 'txt', '--queue', 'http://127.0.0.1:1'])
    expect([run.code, run.stderr]).toEqual([2, 'docmend: --queue wants a redis:// or rediss:// URL, not http://…\n'])
  })
})

/** A request with a Host header of our choosing (fetch will not set one). */
function requestWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers: { Host: host } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('docmend serve --queue: the job API', () => {
  it('takes a document as a job (202 {id}), reports its state, and returns the same output as /api/convert', async () => {
    if (workers.filter((w) => !w.child.killed && w.child.exitCode === null).length === 0) await startWorker()
    const server = await startServe(['--queue', url], { env: ENV })
    try {
      const body = `| Region | Sales |\n|---|---|\n| East | ${process.pid + 1} |\n| Total | ${process.pid + 1} |\n`
      const posted = await fetch(`${server.url}api/jobs?to=html&name=east.txt`, { method: 'POST', body })
      expect(posted.status).toBe(202)
      const { id } = (await posted.json()) as { id: string }
      const state = async () => ((await (await fetch(`${server.url}api/jobs/${id}`)).json()) as { state: string }).state
      await expect.poll(state, { timeout: 60_000, interval: 200 }).toBe('completed')
      const result = await fetch(`${server.url}api/jobs/${id}/result?format=html`)
      expect(result.status).toBe(200)
      expect(result.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const direct = await fetch(`${server.url}api/convert?to=html&name=east.txt`, { method: 'POST', body })
      const directHtml = await direct.text()
      expect(await result.text()).toBe(directHtml)
      // Two downloads of the same result at once both get it.
      const twice = await Promise.all([0, 1].map(() => fetch(`${server.url}api/jobs/${id}/result?format=html`)))
      expect(await Promise.all(twice.map((r) => r.text()))).toEqual([directHtml, directHtml])

      // The same document sent as a form (curl -F file=@east.txt) is the same job; an envelope type is refused.
      const form = new FormData()
      form.append('file', new Blob([body]), 'east.txt')
      const asForm = await fetch(`${server.url}api/jobs?to=html`, { method: 'POST', body: form })
      expect(asForm.status).toBe(202)
      expect(((await asForm.json()) as { id: string }).id).toBe(id)
      const urlencoded = await fetch(`${server.url}api/jobs?to=html`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      expect(urlencoded.status).toBe(415)

      const junk = await fetch(`${server.url}api/jobs?to=txt&name=junk.bin`, { method: 'POST', body: Buffer.from([0, 1, 2, 3, 0, 0, 7]) })
      const junkId = ((await junk.json()) as { id: string }).id
      const failed = async () => (await (await fetch(`${server.url}api/jobs/${junkId}`)).json()) as { state: string; error?: string }
      await expect.poll(async () => (await failed()).state, { timeout: 60_000, interval: 200 }).toBe('failed')
      expect((await failed()).error).toMatch(/^[^\n]+$/)
      expect((await fetch(`${server.url}api/jobs/${junkId}/result?format=txt`)).status).toBe(422)

      expect((await fetch(`${server.url}api/jobs/cnosuchjob`)).status).toBe(404)
      expect(await requestWithHost(`${server.url}api/jobs/${id}`, 'evil.example')).toBe(403)
    } finally {
      await server.stop()
    }
  }, 120_000)
})

describe('docmend worker', () => {
  it('finishes on SIGTERM and exits 0', async () => {
    const w = await startWorker()
    w.child.kill('SIGTERM')
    expect(await w.exited).toBe(0)
    expect(w.lines.at(-1)).toBe('docmend worker: stopped')
  }, 60_000)
})
