/**
 * Queue mode over a Redis with a password (requirepass) and over TLS
 * (--tls-port, certificates made by openssl here: a CA, Redis's certificate
 * for 127.0.0.1, and a client certificate, which this Redis asks for). The
 * client trusts the CA only when told to (DOCMEND_REDIS_CA): verification is
 * never turned off. Real redis-server and `docmend worker` processes.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ROOT } from './helpers/cli.js'
import { type RedisRun, type Watched, freePort, startDocmendWorker, startRedis, watch } from './helpers/redis.js'

const work = mkdtempSync(join(tmpdir(), 'docmend-queue-secure-'))
const PASSWORD = `pw-${process.pid}-s3cret`
const started: (RedisRun | Watched)[] = []
const input = join(work, 'sales.md')
writeFileSync(input, `| Region | Sales |\n|---|---|\n| North | ${process.pid} |\n| Total | ${process.pid} |\n`)

/** `docmend convert` of the one input with --queue, as a watched child (its lines, its exit). */
function convert(url: string, out: string, env: NodeJS.ProcessEnv = process.env): Watched {
  const run = watch(spawn(process.execPath, [CLI, 'convert', input, '--to', 'html', '--out-dir', join(work, out), '--queue', url], { cwd: ROOT, env }))
  started.push(run)
  return run
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: work, stdio: 'ignore' })
}

afterAll(async () => {
  for (const run of started) run.child.kill('SIGKILL')
  await Promise.all(started.map((run) => run.exited))
  rmSync(work, { recursive: true, force: true })
})

describe('a Redis with a password', () => {
  let redis: RedisRun
  beforeAll(async () => {
    const port = await freePort()
    redis = await startRedis({ port, args: ['--port', String(port), '--requirepass', PASSWORD], url: (p) => `redis://:${PASSWORD}@127.0.0.1:${p}/0`, cwd: work })
    started.push(redis)
  }, 30_000)

  it('works with the password in the URL, which is never printed', async () => {
    const worker = await startDocmendWorker(redis.url)
    started.push(worker)
    const client = convert(redis.url, 'with-password')
    expect(await client.exited).toBe(0)
    expect(readFileSync(join(work, 'with-password/sales.html'), 'utf8')).toMatch(/<td[^>]*>North<\/td>/)
    expect(worker.lines.some((l) => /sales\.md: converted/.test(l))).toBe(true)
    expect(worker.lines.join('\n')).toContain(`redis://127.0.0.1:${redis.port}/0`)
    expect([...worker.lines, ...client.lines].join('\n')).not.toContain(PASSWORD)
  }, 60_000)

  it('says that a wrong password is wrong, without printing it', async () => {
    const client = convert(`redis://:not-${PASSWORD}@127.0.0.1:${redis.port}/0`, 'wrong-password')
    const line = await client.waitFor(/cannot reach Redis/)
    expect(line).toBe(`docmend: cannot reach Redis at redis://127.0.0.1:${redis.port}/0 (WRONGPASS invalid username-password pair or user is disabled: check the password in the URL); retrying until it is back`)
    client.child.kill('SIGTERM')
    await client.exited
    expect(client.lines.join('\n')).not.toContain(PASSWORD)
  }, 30_000)
})

describe('a Redis over TLS (rediss://)', () => {
  let redis: RedisRun
  let tlsEnv: NodeJS.ProcessEnv
  beforeAll(async () => {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=docmend test CA')
    writeFileSync(join(work, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n')
    for (const [name, subject, ext] of [['server', '/CN=localhost', ['-extfile', 'server.ext']], ['client', '/CN=docmend client', []]] as const) {
      openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject)
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', ...ext)
    }
    const port = await freePort()
    const tls = ['--tls-cert-file', 'server.pem', '--tls-key-file', 'server.key', '--tls-ca-cert-file', 'ca.pem', '--tls-auth-clients', 'yes']
    redis = await startRedis({ port, args: ['--port', '0', '--tls-port', String(port), ...tls], url: (p) => `rediss://127.0.0.1:${p}/0`, cwd: work })
    started.push(redis)
    tlsEnv = { ...process.env, DOCMEND_REDIS_CA: join(work, 'ca.pem'), DOCMEND_REDIS_CERT: join(work, 'client.pem'), DOCMEND_REDIS_KEY: join(work, 'client.key') }
  }, 60_000)

  it('converts through it when given the CA and the client certificate', async () => {
    const worker = await startDocmendWorker(redis.url, { env: tlsEnv })
    started.push(worker)
    const client = convert(redis.url, 'over-tls', tlsEnv)
    expect(await client.exited).toBe(0)
    expect(client.lines).toEqual([])
    expect(readFileSync(join(work, 'over-tls/sales.html'), 'utf8')).toMatch(/<td[^>]*>North<\/td>/)
    expect(worker.lines.some((l) => /sales\.md: converted/.test(l))).toBe(true)
  }, 60_000)

  it('does not trust a certificate its CA is not given for, and says what to set', async () => {
    const { DOCMEND_REDIS_CA: _, ...withoutCa } = tlsEnv
    const client = convert(redis.url, 'untrusted', withoutCa)
    expect(await client.waitFor(/cannot reach Redis/)).toMatch(/\(SELF_SIGNED_CERT_IN_CHAIN: Redis's certificate is not trusted; set DOCMEND_REDIS_CA to the file of the CA that signed it\)/)
    client.child.kill('SIGTERM')
    await client.exited
  }, 30_000)

  it('refuses a CA file it cannot read with exit 2 and one line', async () => {
    const client = convert(redis.url, 'no-ca-file', { ...tlsEnv, DOCMEND_REDIS_CA: join(work, 'missing.pem') })
    expect(await client.exited).toBe(2)
    expect(client.lines).toEqual([`docmend: DOCMEND_REDIS_CA: cannot read '${join(work, 'missing.pem')}' (ENOENT)`])
  })
})
