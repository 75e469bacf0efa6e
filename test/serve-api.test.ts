/** `docmend serve`'s HTTP API, called as a script would: the built CLI serves, fetch asks. */
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'
import { seedFiles } from './helpers/samples.js'
import { type ServeRun, startServe } from './helpers/serve.js'

const seed = readFileSync(seedFiles[0]!)
const MERGED_TABLE = `<h1>Sales</h1>
<table><tr><th rowspan="2">Region</th><th colspan="2">Sales</th></tr>
<tr><th>2023</th><th>2024</th></tr><tr><td>North</td><td>1</td><td>2</td></tr></table>
<script>alert(1)</script><p onclick="alert(2)">end</p>`

function post(server: ServeRun, query: string, body: string | Uint8Array): Promise<Response> {
  return fetch(new URL(`/api/convert?${query}`, server.url), { method: 'POST', body })
}

/** A raw request, for headers fetch will not let us set (Host, Origin). */
function rawRequest(url: string, options: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

function fileNameOf(response: Response): string | undefined {
  const match = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')
  return match ? decodeURIComponent(match[1]!) : undefined
}

describe('docmend serve: POST /api/convert', () => {
  let server: ServeRun
  beforeAll(async () => {
    server = await startServe()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('prints a loopback URL by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('returns each format with its content type, as a download named after the input', async () => {
    const expected = { html: 'text/html', txt: 'text/plain', md: 'text/markdown', json: 'application/json' }
    for (const [format, type] of Object.entries(expected)) {
      const response = await post(server, `to=${format}&name=${encodeURIComponent('年度报告.txt')}`, seed)
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-type')).toContain(type)
      expect(fileNameOf(response)).toBe(`年度报告.${format}`)
      expect(await response.text()).toContain('柞水县医疗保障局')
    }
  })

  it('writes a whole HTML page, or with fragment=1 the body only', async () => {
    const page = await (await post(server, 'to=html', MERGED_TABLE)).text()
    const fragment = await (await post(server, 'to=html&fragment=1', MERGED_TABLE)).text()
    expect(page).toMatch(/^<!doctype html>/i)
    expect(fragment).not.toMatch(/<html|<head/i)
    expect(fragment).toContain('rowspan="2"')
  })

  it('answers to=preview with a sanitized fragment and, per table, the --explain report', async () => {
    const response = await post(server, 'to=preview&from=html', MERGED_TABLE)
    expect(response.headers.get('content-type')).toContain('application/json')
    const view = (await response.json()) as { kind: string; title: string; html: string; tables: { layout: string; rows: number; columns: number; summary: string }[] }
    expect(view.kind).toBe('html')
    expect(view.title).toBe('Sales')
    expect(view.html).toContain('<th rowspan="2"')
    expect(view.html).toContain('colspan="2"')
    expect(view.html).not.toMatch(/<script|onclick|alert/)
    expect(view.tables).toHaveLength(1)
    expect(view.tables[0]).toMatchObject({ layout: 'html', rows: 3, columns: 3 })
    const cli = await runCli(['convert', '-', '--from', 'html', '--to', 'txt', '--explain'], { input: MERGED_TABLE })
    expect(cli.stderr).toContain(view.tables[0]!.summary)
  })

  it('reports, for pasted text, the same tables the CLI --explain finds', async () => {
    const view = (await (await post(server, 'to=preview', seed)).json()) as { tables: { summary: string }[] }
    const cli = await runCli(['convert', '-', '--to', 'txt', '--explain'], { input: seed })
    const explained = cli.stderr.split('\n').filter((line) => /: table \d+/.test(line)).map((line) => line.replace(/^docmend: stdin: /, ''))
    expect(explained.length).toBeGreaterThan(0)
    expect(view.tables.map((t) => t.summary)).toEqual(explained)
  })

  it('explains a document no reader can take with 422 and a one-line reason, and keeps serving', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const refused = await post(server, 'to=html', png)
    expect(refused.status).toBe(422)
    const { error } = (await refused.json()) as { error: string }
    expect(error).toMatch(/image/)
    expect(error).not.toContain('\n')
    expect((await post(server, 'to=txt', 'still here')).status).toBe(200)
  })

  it('says what is wrong with a request it cannot follow', async () => {
    const cases: [string, string | undefined, number, RegExp][] = [
      ['/api/convert?to=docx', 'POST', 400, /to must be one of/],
      ['/api/convert', 'POST', 400, /say which format/],
      ['/api/convert?to=txt&colour=red', 'POST', 400, /unknown parameter 'colour'/],
      ['/api/convert?to=txt&width=5', 'POST', 400, /width/],
      ['/api/convert?to=txt', 'GET', 405, /use POST/],
      ['/nothing-here', 'GET', 404, /the page is at \//]
    ]
    for (const [path, method, status, reason] of cases) {
      const response = await fetch(new URL(path, server.url), method === 'POST' ? { method, body: 'x' } : {})
      expect(response.status, path).toBe(status)
      expect(((await response.json()) as { error: string }).error).toMatch(reason)
    }
  })

  it('serves the page and its own script and style, under a policy that forbids inline script', async () => {
    for (const path of ['/', '/app.js', '/app.css']) {
      const response = await fetch(new URL(path, server.url))
      expect(response.status, path).toBe(200)
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy).toContain("script-src 'self'")
      expect(policy).not.toContain('unsafe-inline')
    }
    const page = await (await fetch(server.url)).text()
    expect(page).toContain('<script type="module" src="/app.js"></script>')
    expect(page).not.toMatch(/<script>|<script [^>]*>[^<]/)
    expect(page).not.toMatch(/https?:\/\//) // no CDN: everything comes from this server
    const download = await post(server, 'to=html', MERGED_TABLE)
    expect(download.headers.get('content-security-policy')).toContain('sandbox')
  })

  it('refuses requests that name another host (DNS rebinding) or come from another web site', async () => {
    const rebound = await rawRequest(server.url, { method: 'GET', headers: { Host: 'evil.example' } })
    expect(rebound.status).toBe(403)
    const crossSite = await rawRequest(new URL('/api/convert?to=txt', server.url).href, { method: 'POST', headers: { Origin: 'http://evil.example' }, body: 'x' })
    expect(crossSite.status).toBe(403)
    expect(crossSite.body).toMatch(/other web sites/)
    const sameSite = await rawRequest(new URL('/api/convert?to=txt', server.url).href, { method: 'POST', headers: { Origin: server.url.replace(/\/$/, '') }, body: 'x' })
    expect(sameSite.status).toBe(200)
  })
})

describe('docmend serve: limits', () => {
  let server: ServeRun
  let tempRoot: string
  beforeAll(async () => {
    tempRoot = mkdtempSync(join(tmpdir(), 'docmend-serve-test-'))
    server = await startServe(['--max-size', '40', '--timeout', '0.5'], { env: { ...process.env, TMPDIR: tempRoot } })
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(tempRoot, { recursive: true, force: true })
  })

  it('refuses a document over --max-size with 413 and a message naming the limit', async () => {
    const response = await post(server, 'to=txt', new Uint8Array(41 * 1024 * 1024).fill(0x61))
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than this server's 40 MiB limit/)
    expect((await post(server, 'to=txt', 'small enough')).status).toBe(200)
  })

  it('stops a conversion that runs past --timeout, says so, and keeps serving', async () => {
    // ~30 MB of pasted report text: far more than half a second of work, even at the 20 MB/s repair target.
    const lines = seed.toString('utf8').split('\n')
    const slow = Array.from({ length: Math.ceil((30 * 1024 * 1024) / seed.length) }, () => lines.join('\n')).join('\n')
    const started = Date.now()
    const response = await post(server, 'to=txt', slow)
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ code: 'timeout', error: expect.stringMatching(/longer than 0\.5 s/) })
    expect(Date.now() - started).toBeLessThan(15_000)
    const next = await post(server, 'to=txt', 'the server still answers')
    expect(next.status).toBe(200)
    expect(await next.text()).toContain('the server still answers')
  })

  it('writes only inside its own temp folder, and removes it when stopped', async () => {
    const during = readdirSync(tempRoot)
    expect(during).toHaveLength(1)
    expect(during[0]).toMatch(/^docmend-serve-/)
    expect(await server.stop()).toBe(143)
    expect(readdirSync(tempRoot)).toEqual([])
  })
})

describe('docmend serve: command line', () => {
  it('rejects a bad --port with a usage error', async () => {
    const run = await runCli(['serve', '--port', 'eighty'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--port wants a port from 0 to 65535, not 'eighty'/)
  })

  it('says so when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const run = await runCli(['serve', '--port', String(port)])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(new RegExp(`docmend: serve: port ${port} on 127.0.0.1 is already in use`))
    } finally {
      blocker.close()
    }
  })
})
