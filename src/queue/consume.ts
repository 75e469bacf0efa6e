/**
 * `docmend worker`: take conversion jobs from the queue and run each in the
 * sandbox (worker threads with the time and memory limits of a local run).
 * A bad input fails once (UnrecoverableError); anything else (a worker thread
 * that died) is retried with backoff. A worker process killed mid-job loses
 * nothing: its lock lapses and BullMQ's stall check hands the job on.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq'
import { createSandbox } from '../sandbox/pool.js'
import { type QueueUrl, connect } from './connection.js'
import { type QueuedTask, failedReasonOf, fromWire, resultToWire } from './payload.js'

export interface ConsumeOptions {
  queue: QueueUrl
  queueName: string
  /** Jobs at once (sandbox threads). */
  concurrency: number
  timeoutMs: number
  maxMemoryMb: number
  /** Lock time: a worker silent this long is taken for dead and its jobs handed on. */
  stallSeconds: number
  /** One line per job, and the start, stop and connection lines. */
  log(line: string): void
}

export interface RunningWorker {
  /** Finish the jobs held, take no new ones, then let go of Redis and the threads. */
  close(): Promise<void>
  /** The jobs being converted now. */
  held(): number
}

/** Jobs taken beyond the threads: they wait in the sandbox's queue, their locks kept. */
const JOBS_AHEAD = 1

export interface JobData {
  task: unknown
}

export async function startWorker(options: ConsumeOptions): Promise<RunningWorker> {
  const sandbox = createSandbox({ threads: options.concurrency, timeoutMs: options.timeoutMs, maxMemoryMb: options.maxMemoryMb, warm: true })
  const say = (line: string) => options.log(`docmend worker: ${line}`)
  let held = 0
  const process = async (job: Job<JobData>) => {
    const task = fromWire<QueuedTask>(job.data.task)
    // The job held ahead waits for a thread: its time starts when a thread takes it.
    let started = Date.now()
    held++
    try {
      const result = await sandbox.run({ kind: 'convert', task }, { onStart: () => (started = Date.now()) })
      const ms = Date.now() - started
      if (result.ok) {
        say(`${job.id} ${task.label}: converted in ${ms} ms`)
        return resultToWire(result)
      }
      const internal = result.code === 'internal'
      const tries = `try ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1}`
      say(`${job.id} ${task.label}: failed in ${ms} ms${internal ? ` (${tries})` : ''}: ${result.reason}`)
      // The input's fault fails once; a worker thread that died may do better next time.
      if (internal) throw new Error(failedReasonOf(result))
      throw new UnrecoverableError(failedReasonOf(result))
    } finally {
      held--
    }
  }
  const client = connect(options.queue, say)
  const worker = new Worker<JobData>(options.queueName, process, {
    connection: client,
    // One job held ahead of the threads, so a thread that finishes starts the next
    // job at once instead of waiting for Redis's answer (the round trip is off the path).
    concurrency: options.concurrency + JOBS_AHEAD,
    lockDuration: options.stallSeconds * 1000,
    stalledInterval: options.stallSeconds * 1000,
    // A job whose worker died twice is handed on once more before it fails.
    maxStalledCount: 2,
    autorun: false
  })
  worker.on('error', () => {}) // connection trouble is said once by connect()
  void worker.run()
  await worker.waitUntilReady()
  say(`taking jobs from queue '${options.queueName}' at ${options.queue.shown}, ${options.concurrency} at a time`)
  return {
    held: () => held,
    async close() {
      await worker.close()
      await sandbox.close()
      client.disconnect() // BullMQ leaves a connection it was given open
    }
  }
}
