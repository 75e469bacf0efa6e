/**
 * The asynchronous API of `docmend serve --queue` (beside the synchronous
 * `/api/convert`): documents become jobs on the queue that `docmend worker`
 * processes run.
 *
 *   POST /api/jobs?to=…              → 202 { id }
 *   GET  /api/jobs?ids=a,b           → { jobs: [status…] } (the page's list; no ids: empty)
 *   GET  /api/jobs/:id               → { id, state, progress, error? }
 *   GET  /api/jobs/:id/result?format → the output (409 while not finished)
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { create as contentDisposition } from 'content-disposition'
import { FORMATS, type Format } from '../emit/types.js'
import type { JobQueue } from '../queue/submit.js'
import { CONTENT_TYPES, downloadName, failureToHttp, parseConvertQuery, serveTask } from './convert-route.js'
import { HttpError } from './http-error.js'
import { receiveDocument } from './upload.js'
import type { Claim } from './memory-budget.js'
import { securityHeaders } from './security.js'

export interface JobsContext {
  jobs: JobQueue
  /** Largest body accepted: the smaller of --max-size and the queue's payload cap. */
  maxInputBytes: number
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, { ...securityHeaders('data'), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) })
  response.end(body)
}

const JOB_ID = /^[A-Za-z0-9]{1,64}$/
const JOB_PATH = /^\/api\/jobs\/([A-Za-z0-9]{1,64})(\/result)?$/
/** Jobs one list request may ask about. */
const MAX_LISTED = 100

/** `GET /api/jobs?ids=a,b`: the state of several jobs in one request; an unknown or expired id is `state: 'unknown'`. */
async function listJobs(response: ServerResponse, url: URL, jobs: JobQueue): Promise<void> {
  for (const key of url.searchParams.keys()) if (key !== 'ids') throw new HttpError(400, `unknown parameter '${key}' (use ids)`, 'bad-request')
  const ids = (url.searchParams.get('ids') ?? '').split(',').filter((id) => id !== '')
  if (ids.length > MAX_LISTED) throw new HttpError(400, `ask about at most ${MAX_LISTED} jobs at once, not ${ids.length}`, 'bad-request')
  const bad = ids.find((id) => !JOB_ID.test(id))
  if (bad !== undefined) throw new HttpError(400, `'${bad.slice(0, 80)}' is not a job id`, 'bad-request')
  const statuses = await Promise.all(ids.map(async (id) => (await jobs.status(id)) ?? { id, state: 'unknown' }))
  sendJson(response, 200, { jobs: statuses })
}

export async function jobsRoute(request: IncomingMessage, response: ServerResponse, url: URL, context: JobsContext, claim: Claim): Promise<void> {
  const method = request.method ?? 'GET'
  if (url.pathname === '/api/jobs') {
    if (method === 'GET') return listJobs(response, url, context.jobs)
    if (method !== 'POST') throw new HttpError(405, 'use POST, with the document as the request body', 'method', { Allow: 'GET, POST' })
    const query = parseConvertQuery(url.searchParams)
    if (query.to === 'preview') throw new HttpError(400, `a job converts to one of ${FORMATS.join(', ')}, not preview`, 'bad-request')
    const { bytes, name } = await receiveDocument(request, response, url, query.name, context.maxInputBytes, claim)
    const { to, ...rest } = query
    const id = await context.jobs.submit(serveTask({ ...rest, name, bytes }, to) as Parameters<JobQueue['submit']>[0])
    sendJson(response, 202, { id })
    return
  }
  const m = JOB_PATH.exec(url.pathname)
  if (!m) throw new HttpError(404, `nothing at ${url.pathname}`, 'not-found')
  if (method !== 'GET') throw new HttpError(405, `use GET for ${url.pathname}`, 'method', { Allow: 'GET' })
  const status = await context.jobs.status(m[1]!)
  if (!status) throw new HttpError(404, `no job ${m[1]} (never submitted, or its result has expired)`, 'not-found')
  if (!m[2]) {
    sendJson(response, 200, status)
    return
  }
  const format = url.searchParams.get('format') as Format | null
  if (!format || !(FORMATS as readonly string[]).includes(format)) throw new HttpError(400, `say which output: format=${FORMATS.join('|')}`, 'bad-request')
  if (status.state !== 'completed' && status.state !== 'failed') throw new HttpError(409, `job ${status.id} is ${status.state}; ask again when it is completed`, 'not-finished')
  const outcome = await context.jobs.result(status.id)
  if (!outcome.ok) throw failureToHttp(outcome)
  const data = outcome.outputs[format]
  if (data === undefined) throw new HttpError(404, `job ${status.id} made ${Object.keys(outcome.outputs).join(', ')}, not ${format}`, 'not-found')
  const body = typeof data === 'string' ? data : Buffer.from(data)
  const length = Buffer.byteLength(body)
  claim.hold(length)
  response.writeHead(200, {
    ...securityHeaders('data'),
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': contentDisposition(downloadName(status.label, format)),
    'Content-Length': String(length)
  })
  response.end(body)
}
