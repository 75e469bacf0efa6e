/**
 * `docmend serve`'s HTTP server (node:http): the page, its two asset files
 * and `POST /api/convert`. Conversions run in worker threads with a time cap;
 * the workers' TMPDIR is a private temp folder removed when the server stops.
 */
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_WORKER_HEAP_MB } from '../limits.js'
import { SERVE_DEFAULTS } from './defaults.js'
import { type Sandbox, createSandbox } from '../sandbox/pool.js'
import { convertRoute } from './convert-route.js'
import { type JobsContext, jobsRoute } from './jobs-route.js'
import type { SubmitOptions } from '../queue/submit.js'
import { HttpError } from './http-error.js'
import { sendError } from './answer-error.js'
import { type Budget, type Claim, createBudget } from './memory-budget.js'
import { allowedHosts, checkApiKey, checkRequestOrigin } from './security.js'
import { isAsset, sendAsset } from './static-assets.js'

export interface ServeOptions {
  /** Port to listen on; 0 picks a free one (default: `8080`). */
  port?: number
  /** Address to listen on (default: `'127.0.0.1'`, this machine only). */
  host?: string
  /** Largest request body accepted, in bytes (default: 50 MiB). */
  maxInputBytes?: number
  /** Longest one conversion may run, in milliseconds (default: 60 000). */
  timeoutMs?: number
  /** Conversions run at once (default: 2, or 1 on a single core). */
  workers?: number
  /** Key every API request must carry in `X-Api-Key` (none: no key asked). */
  apiKey?: string
  /** Open connections at most; further ones are closed at once (default: 64). */
  maxConnections?: number
  /** Bytes of uploads and answers held in memory at once; an upload beyond it gets 503 (default: 4 × maxInputBytes). */
  maxBufferedBytes?: number
  /** Also offer the asynchronous job API over this queue (`serve --queue`). */
  queue?: Omit<SubmitOptions, 'say'>
}

export interface RunningServer {
  /** The page's address, e.g. `http://127.0.0.1:8080/`. */
  url: string
  /** The workers' private temp folder (removed by `close`). */
  tempDir: string
  close(): Promise<void>
}


interface Context {
  pool: Sandbox
  maxInputBytes: number
  hosts: Set<string> | null
  apiKey: string | undefined
  jobs?: JobsContext
  budget: Budget
}

async function route(request: IncomingMessage, response: ServerResponse, context: Context, claim: Claim): Promise<void> {
  checkRequestOrigin(request, context.hosts)
  const url = new URL(request.url ?? '/', 'http://localhost')
  const method = request.method ?? 'GET'
  if (url.pathname.startsWith('/api/')) checkApiKey(request, context.apiKey)
  if (url.pathname === '/api/convert') {
    if (method !== 'POST') throw new HttpError(405, 'use POST, with the document as the request body', 'method', { Allow: 'POST' })
    return convertRoute(request, response, url, context, claim)
  }
  if (url.pathname === '/api/jobs' || url.pathname.startsWith('/api/jobs/')) {
    if (!context.jobs) throw new HttpError(404, 'the job API needs a queue: start the server with --queue redis://…', 'not-found')
    return jobsRoute(request, response, url, context.jobs, claim)
  }
  if (isAsset(url.pathname)) {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `use GET for ${url.pathname}`, 'method', { Allow: 'GET, HEAD' })
    return sendAsset(url.pathname, response)
  }
  throw new HttpError(404, `nothing at ${url.pathname}; the page is at /`, 'not-found')
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`port ${port} on ${host} is already in use (choose another with --port)`))
      else if (error.code === 'EACCES') reject(new Error(`not allowed to listen on port ${port} (choose one above 1023 with --port)`))
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new Error(`cannot listen on '${host}': no such address here`))
      else reject(error)
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve(server.address() as AddressInfo)
    })
  })
}

/** Start the server; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? SERVE_DEFAULTS.host
  const tempDir = await mkdtemp(join(tmpdir(), 'docmend-serve-'))
  // Last resort if the process exits without close(): leave no temp folder behind.
  const removeTempSync = () => rmSync(tempDir, { recursive: true, force: true })
  process.once('exit', removeTempSync)
  const pool = createSandbox({
    threads: options.workers ?? Math.min(2, availableParallelism()),
    timeoutMs: options.timeoutMs ?? SERVE_DEFAULTS.timeoutMs,
    maxMemoryMb: DEFAULT_WORKER_HEAP_MB,
    maxQueue: 32,
    warm: true,
    env: { ...process.env, TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir },
    limitNames: { time: "the server's --timeout", memory: "the server's memory cap per conversion" }
  })
  const context: Context = {
    pool,
    maxInputBytes: options.maxInputBytes ?? SERVE_DEFAULTS.maxInputBytes,
    hosts: null,
    apiKey: options.apiKey,
    budget: createBudget(options.maxBufferedBytes ?? 4 * (options.maxInputBytes ?? SERVE_DEFAULTS.maxInputBytes))
  }
  if (options.queue) {
    const { openJobQueue } = await import('../queue/submit.js')
    const jobs = await openJobQueue({ ...options.queue, say: (line) => process.stderr.write(`docmend: serve: ${line}\n`) })
    context.jobs = { jobs, maxInputBytes: Math.min(context.maxInputBytes, options.queue.maxPayloadBytes) }
  }
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    // The request's bytes stay on the budget until its answer is sent and its handler is done (a client that leaves mid-conversion does not free the body the worker still has).
    const claim = context.budget.claim()
    let pending = 2
    const settle = () => {
      if (--pending === 0) claim.release()
    }
    response.once('close', settle)
    route(request, response, context, claim)
      .catch((error: unknown) => {
        sendError(request, response, error instanceof HttpError ? error : new HttpError(500, `internal error: ${(error as Error)?.message ?? String(error)}`, 'internal'))
      })
      .finally(settle)
  }
  const server = createServer(handle)
  // `Expect: 100-continue`: the route sends 100 only once it will read the body, so a refused upload is never sent.
  server.on('checkContinue', handle)
  server.maxConnections = options.maxConnections ?? SERVE_DEFAULTS.maxConnections
  const release = async () => {
    await context.jobs?.jobs.close()
    await pool.close()
    await rm(tempDir, { recursive: true, force: true })
    process.off('exit', removeTempSync)
  }
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
    await release()
  }
  let address: AddressInfo
  try {
    address = await listen(server, options.port ?? SERVE_DEFAULTS.port, host)
  } catch (error) {
    await release()
    throw error
  }
  context.hosts = allowedHosts(host, address.port)
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return { url: `http://${host === 'localhost' ? 'localhost' : shown}:${address.port}/`, tempDir, close }
}
