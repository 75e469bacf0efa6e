/**
 * `POST /api/convert?to=…`: the request body is the document; the answer is
 * the converted file, or with `to=preview` the page's JSON view of it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { create as contentDisposition } from 'content-disposition'
import { extensionFor, safeStem } from '../io/output-names.js'
import { FORMATS, type Format, type WriteOptions } from '../emit/types.js'
import { INPUT_KINDS, type InputKind } from '../sniff.js'
import { HttpError } from './http-error.js'
import { type Sandbox, SandboxBusyError } from '../sandbox/pool.js'
import type { ConvertTask, TaskFailure } from '../batch/task.js'
import type { ConversionJob, Target } from './jobs.js'
import { securityHeaders } from './security.js'
import { receiveDocument } from './upload.js'
import type { Claim } from './memory-budget.js'

export const CONTENT_TYPES: Record<Format | 'preview', string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  preview: 'application/json; charset=utf-8'
}

const TARGETS: readonly Target[] = [...FORMATS, 'preview']
const PARAMETERS = new Set(['to', 'from', 'name', 'fragment', 'width', 'tables', 'md-tables'])

function badRequest(message: string): HttpError {
  return new HttpError(400, message, 'bad-request')
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], key: string): T | undefined {
  if (value === null) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw badRequest(`${key} must be one of ${allowed.join(', ')}, not '${value}'`)
  return value as T
}

/** The job a query string asks for (minus the body); throws 400 for anything unclear. */
export function parseConvertQuery(query: URLSearchParams): Omit<ConversionJob, 'bytes'> {
  for (const key of query.keys()) if (!PARAMETERS.has(key)) throw badRequest(`unknown parameter '${key}' (use ${[...PARAMETERS].join(', ')})`)
  const to = oneOf(query.get('to'), TARGETS, 'to')
  if (!to) throw badRequest(`say which format to return: to=${TARGETS.join('|')}`)
  const from = oneOf<InputKind>(query.get('from'), INPUT_KINDS, 'from')
  const name = (query.get('name') ?? 'document').slice(0, 255)
  const write: WriteOptions = { embedImages: true, standalone: 'the response' }
  const fragment = oneOf(query.get('fragment'), ['0', '1', 'false', 'true'], 'fragment')
  if (fragment === '1' || fragment === 'true') write.fragment = true
  const width = query.get('width')
  if (width !== null) {
    const n = Number(width)
    if (!Number.isInteger(n) || n < 20 || n > 1000) throw badRequest(`width must be a whole number from 20 to 1000, not '${width}'`)
    write.width = n
  }
  const tables = oneOf(query.get('tables'), ['auto', 'grid', 'linear'] as const, 'tables')
  if (tables) write.tables = tables
  const mdTables = oneOf(query.get('md-tables'), ['gfm', 'html'] as const, 'md-tables')
  if (mdTables) write.mdTables = mdTables
  return { to, name, write, ...(from ? { from } : {}) }
}

/** The file name a download of `name` in `format` gets. */
export function downloadName(name: string, format: Format): string {
  return `${safeStem(name)}.${extensionFor(format)}`
}

/** A failure as the HTTP error the client sees: the input's fault is 422, a bug 500. */
export function failureToHttp(failure: TaskFailure): HttpError {
  return new HttpError(failure.code === 'internal' ? 500 : 422, failure.reason, failure.code)
}

/** Run a job in the sandbox; conversion failures become HttpErrors with a readable reason. */
async function runJob(sandbox: Sandbox, job: ConversionJob): Promise<string | Uint8Array | object> {
  const read = { name: job.name, ...(job.from ? { from: job.from } : {}) }
  try {
    if (job.to === 'preview') {
      const outcome = await sandbox.run({ kind: 'preview', task: { bytes: job.bytes, ...read } })
      if (!outcome.ok) throw failureToHttp(outcome)
      return outcome.preview
    }
    const outcome = await sandbox.run({ kind: 'convert', task: serveTask(job, job.to) })
    if (!outcome.ok) throw failureToHttp(outcome)
    return outcome.outputs[job.to]!
  } catch (error) {
    if (error instanceof SandboxBusyError) throw new HttpError(503, `the server is ${error.message}`, 'busy', { 'Retry-After': '5' })
    if (error instanceof HttpError) throw error
    throw new HttpError(500, (error as Error).message, 'internal')
  }
}

/** The sandbox task for one format of a posted document. */
export function serveTask(job: Omit<ConversionJob, 'to'>, to: Format): ConvertTask {
  return {
    source: { bytes: job.bytes },
    label: job.name,
    formats: [to],
    write: job.write,
    explain: false,
    verbose: false,
    maxInputBytes: job.bytes.length,
    ...(job.from ? { from: job.from } : {})
  }
}

export async function convertRoute(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: { pool: Sandbox; maxInputBytes: number },
  claim: Claim
): Promise<void> {
  const query = parseConvertQuery(url.searchParams)
  const { bytes, name } = await receiveDocument(request, response, url, query.name, context.maxInputBytes, claim)
  const data = await runJob(context.pool, { ...query, name, bytes })
  const headers: Record<string, string> = { ...securityHeaders('data'), 'Content-Type': CONTENT_TYPES[query.to] }
  if (query.to !== 'preview') headers['Content-Disposition'] = contentDisposition(`${safeStem(name)}.${extensionFor(query.to)}`)
  const body = query.to === 'preview' ? JSON.stringify(data) : typeof data === 'string' ? data : Buffer.from(data as Uint8Array)
  const length = Buffer.byteLength(body)
  claim.hold(length)
  response.writeHead(200, { ...headers, 'Content-Length': String(length) })
  response.end(body)
}
