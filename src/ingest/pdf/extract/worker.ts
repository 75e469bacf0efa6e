/**
 * Entry point of the extraction worker thread. pdf.js in Node parses on the
 * thread that calls it, and a broken cross-reference table can keep it busy
 * without ever yielding; in a worker thread the caller can still stop it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type ExtractEvent, type ExtractRequest, extractDocument, toFailure } from './extract.js'

export type WorkerMessage = ExtractEvent | { type: 'failed'; error: ReturnType<typeof toFailure> }

const port = parentPort
if (port) {
  const send = (message: WorkerMessage) => port.postMessage(message)
  extractDocument(workerData as ExtractRequest, send).catch((error: unknown) => send({ type: 'failed', error: toFailure(error) }))
}
