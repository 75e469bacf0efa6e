/** `docmend serve`'s HTTP API, called as a script would: the built CLI serves, fetch asks. */
import { execFile } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { connect, createServer, type Socket } from 'node:net'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  it('answers an oversized upload with 413 every time, to curl with and without Expect: 100-continue', async () => {
    const bigDir = mkdtempSync(join(tmpdir(), 'docmend-big-'))
    const big = join(bigDir, 'big.bin')
    writeFileSync(big, new Uint8Array(48 * 1024 * 1024).fill(0x61))
    const endpoint = new URL('/api/convert?to=txt', server.url).href
    for (const expectHeader of [[], ['-H', 'Expect:']]) {
      for (let run = 0; run < 4; run++) {
        const { code, stdout, stderr } = await curl(['-sS', '-o', '-', '-w', '\n%{http_code}', '--data-binary', `@${big}`, '-H', 'Content-Type: application/octet-stream', ...expectHeader, endpoint])
        expect(stderr, `curl ${expectHeader.join(' ')} run ${run}`).toBe('')
        expect(code).toBe(0)
        const [body, status] = stdout.split('\n')
        expect(status).toBe('413')
        expect(JSON.parse(body!).error).toMatch(/larger than this server's 40 MiB limit/)
      }
    }
    rmSync(bigDir, { recursive: true, force: true })
  })

  it('answers an oversized upload with 413 to node:http, which keeps sending without a declared length', async () => {
    for (let run = 0; run < 3; run++) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(new URL('/api/convert?to=txt', server.url), { method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        const chunk = Buffer.alloc(1024 * 1024, 0x61)
        let sent = 0
        const pump = () => {
          while (sent < 48) {
            sent++
            if (!req.write(chunk)) return void req.once('drain', pump)
          }
          req.end()
        }
        pump()
      })
      expect(status).toBe(413)
    }
    expect((await post(server, 'to=txt', 'small enough')).status).toBe(200)
  })

  it('writes only inside its own temp folder, and removes it when stopped', async () => {
    const during = readdirSync(tempRoot)
    expect(during).toHaveLength(1)
    expect(during[0]).toMatch(/^docmend-serve-/)
    expect(await server.stop()).toBe(143)
    expect(readdirSync(tempRoot)).toEqual([])
  })
})

function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('curl', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

describe('docmend serve: memory budget', () => {
  it('holds uploads within --max-buffered: one that does not fit gets 503 with Retry-After, and fits again once the first is answered', async () => {
    const server = await startServe(['--max-size', '1', '--max-buffered', '1.5'])
    const endpoint = new URL('/api/convert?to=txt', server.url)
    const body = Buffer.from(`Region | Sales |\nNorth | 10 |\n${'x'.repeat(1024 * 1024 - 40)}\n`)
    expect(body.length).toBeLessThanOrEqual(1024 * 1024)
    try {
      // The first upload declares its length and waits for 100 Continue: once it comes, the server holds its bytes.
      let answerFirst!: (status: number) => void
      const first = new Promise<number>((resolve) => (answerFirst = resolve))
      const held = httpRequest(endpoint, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Content-Length': String(body.length), Expect: '100-continue' } }, (res) => {
        res.resume()
        answerFirst(res.statusCode ?? 0)
      })
      held.on('error', () => answerFirst(-1))
      await new Promise<void>((resolve) => held.once('continue', () => resolve()))
      const refused = await fetch(endpoint, { method: 'POST', body })
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('5')
      expect(((await refused.json()) as { error: string }).error).toMatch(/memory budget.*--max-buffered/)
      // A body of undeclared length is refused as soon as it stops fitting.
      const streamed = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(endpoint, { method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end(body)
      })
      expect(streamed).toBe(503)
      held.end(body)
      expect(await first).toBe(200)
      // Answered and sent: the budget is free again (the server may see the close a moment later, so ask a bounded number of times).
      let status = 0
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        const again = await fetch(endpoint, { method: 'POST', body })
        status = again.status
        await again.arrayBuffer()
      }
      expect(status).toBe(200)
    } finally {
      await server.stop()
    }
  })

  it('refuses a --max-buffered smaller than --max-size as a usage error', async () => {
    const run = await runCli(['serve', '--max-size', '10', '--max-buffered', '5', '--port', '0'], { timeoutMs: 20_000 })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--max-buffered wants a size in MiB from --max-size \(10\)/)
  })
})

describe('docmend serve: uploads', () => {
  let server: ServeRun
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'docmend-upload-'))
    server = await startServe()
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('takes the file part of a multipart form (curl -F), never its envelope, and names the download after it', async () => {
    const file = join(dir, 'quarterly report.txt')
    writeFileSync(file, 'Region | Sales |\nNorth | 10 |\nSouth | 20 |\n')
    const { code, stdout } = await curl(['-sS', '-D', '-', '-F', `file=@${file}`, '-F', 'note=ignored', new URL('/api/convert?to=txt', server.url).href])
    expect(code).toBe(0)
    const [head, body] = stdout.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 200/)
    expect(head).toMatch(/filename="quarterly report\.txt"/)
    expect(body).toContain('North')
    expect(body).not.toMatch(/Content-Disposition|Content-Type|form-data|ignored|-{20,}[0-9a-f]{6,}/i)
    // The same form from fetch's FormData.
    const form = new FormData()
    form.set('file', new Blob(['<table><tr><th>A</th></tr><tr><td>1</td></tr></table>'], { type: 'text/html' }), 'page.html')
    const response = await fetch(new URL('/api/convert?to=md', server.url), { method: 'POST', body: form })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/^\| A +\|/)
  })

  it('says 400 for a form without a file, and 415 for a body type it does not understand', async () => {
    const form = new FormData()
    form.set('text', 'no file here')
    const noFile = await fetch(new URL('/api/convert?to=txt', server.url), { method: 'POST', body: form })
    expect(noFile.status).toBe(400)
    expect(((await noFile.json()) as { error: string }).error).toMatch(/no file/)
    for (const type of ['application/x-www-form-urlencoded', 'application/json', 'image/png']) {
      const response = await fetch(new URL('/api/convert?to=txt', server.url), { method: 'POST', body: 'a=1', headers: { 'Content-Type': type } })
      expect(response.status, type).toBe(415)
      expect(((await response.json()) as { error: string }).error).toContain(type)
    }
  })
})

describe('docmend serve: beyond this machine', () => {
  it('refuses to listen on a non-loopback address without an API key', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { timeoutMs: 20_000 })
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/needs an API key/)
  })

  it('asks every API request for the key in X-Api-Key, from --api-key or DOCMEND_API_KEY', async () => {
    const key = 'k3y-for-the-tests-0123456789'
    const server = await startServe(['--host', '0.0.0.0'], { env: { ...process.env, DOCMEND_API_KEY: key } })
    try {
      const endpoint = new URL('/api/convert?to=txt', server.url)
      expect((await fetch(endpoint, { method: 'POST', body: 'x' })).status).toBe(401)
      expect((await fetch(endpoint, { method: 'POST', body: 'x', headers: { 'X-Api-Key': 'wrong-key-0123456789' } })).status).toBe(401)
      const ok = await fetch(endpoint, { method: 'POST', body: 'with the key', headers: { 'X-Api-Key': key } })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toContain('with the key')
    } finally {
      await server.stop()
    }
  })

  it('closes connections beyond --max-connections, and serves again once one is free', async () => {
    const server = await startServe(['--max-connections', '2'])
    const { hostname, port } = new URL(server.url)
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => resolve(socket))
        socket.on('error', reject)
      })
    try {
      const held = [await open(), await open()]
      // Each held connection has started a request the server is waiting to finish reading.
      for (const socket of held) socket.write('POST /api/convert?to=txt HTTP/1.1\r\nHost: ' + new URL(server.url).host + '\r\nContent-Length: 10\r\n\r\n')
      const third = await open()
      const closed = await new Promise<boolean>((resolve) => {
        third.on('close', () => resolve(true))
        third.on('data', () => resolve(false))
        third.write('GET / HTTP/1.1\r\nHost: ' + new URL(server.url).host + '\r\n\r\n')
      })
      expect(closed).toBe(true)
      held[0]!.destroy()
      // The server sees the close in its own time: ask until it answers (bounded).
      let status = 0
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        status = await fetch(server.url).then((r) => r.status, () => 0)
      }
      expect(status).toBe(200)
      held[1]!.destroy()
    } finally {
      await server.stop()
    }
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
