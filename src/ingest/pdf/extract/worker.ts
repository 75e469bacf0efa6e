/**
 * Entry point of the extraction worker thread. pdf.js in Node parses on the
 * thread that calls it, and a broken cross-reference table can keep it busy
 * without ever yielding; in a worker thread the caller can still stop it.
 * A worker reads one document at a time and may be given another after it.
 */
import { parentPort } from 'node:worker_threads'
import { type ExtractEvent, type ExtractRequest, extractDocument, toFailure } from './extract.js'

export type WorkerMessage = (ExtractEvent | { type: 'failed'; error: ReturnType<typeof toFailure> }) & { job: number }

export interface WorkerJob {
  job: number
  request: ExtractRequest
}

const port = parentPort
if (port) {
  // pdf.js reports recoverable problems on the console; they must not reach the user's terminal.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => {}
  port.on('message', ({ job, request }: WorkerJob) => {
    const send = (event: ExtractEvent | { type: 'failed'; error: ReturnType<typeof toFailure> }) => port.postMessage({ ...event, job })
    extractDocument(request, send).catch((error: unknown) => send({ type: 'failed', error: toFailure(error) }))
  })
}
