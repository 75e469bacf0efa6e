/**
 * A conversion worker (worker_threads). It runs one job at a time for the
 * pool, which terminates it when a job runs past the time cap, so a runaway
 * conversion never blocks the server's own thread.
 */
import { parentPort } from 'node:worker_threads'
import { convert, preloadStages } from '../convert.js'
import { ConversionError } from '../errors.js'
import type { ConversionJob, JobOutcome } from './jobs.js'
import { previewDocument } from './preview.js'

async function run(job: ConversionJob): Promise<JobOutcome> {
  const read = { name: job.name, ...(job.from ? { from: job.from } : {}) }
  try {
    if (job.to === 'preview') return { ok: true, data: await previewDocument(job.bytes, read) }
    const result = await convert(job.bytes, { to: job.to, ...read, ...job.write })
    return { ok: true, data: result.outputs[job.to]! }
  } catch (error) {
    if (error instanceof ConversionError) return { ok: false, error: error.message, code: error.code }
    return { ok: false, error: `could not convert: ${(error as Error)?.message ?? String(error)}`, code: 'internal' }
  }
}

const port = parentPort
if (!port) throw new Error('convert-worker.js runs only as a worker thread')
port.on('message', (job: ConversionJob) => {
  void run(job).then((outcome) => port.postMessage(outcome))
})
// Load every stage first: the pool starts a job's clock only after 'ready'.
await preloadStages()
port.postMessage('ready')
