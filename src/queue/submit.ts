/**
 * `docmend convert --queue`: each input becomes a job on the queue, and this
 * process waits for the results, which the batch writes as a local run does.
 * The job id comes from the input and options, so a job already done (kept
 * for `keepHours`) is not converted again, and a run stopped with Ctrl-C is
 * collected later by running the same command.
 */
import { stat } from 'node:fs/promises'
import { type Job, Queue, QueueEvents } from 'bullmq'
import type { Converter } from '../batch/run-batch.js'
import type { ConvertTask, TaskFailure, TaskResult } from '../batch/task.js'
import { ConversionError } from '../errors.js'
import { type QueueUrl, connect } from './connection.js'
import type { JobData } from './consume.js'
import { QUEUE_DEFAULTS } from './defaults.js'
import { type QueuedTask, failureFrom, jobIdFor, resultFromWire, toWire } from './payload.js'

export interface SubmitOptions {
  queue: QueueUrl
  queueName: string
  /** Largest input sent, in bytes. */
  maxPayloadBytes: number
  /** How long results stay in Redis, in seconds. */
  keepSeconds: number
  /** Connection lines (lost, back). */
  say(line: string): void
}

export interface JobQueue {
  /** Add a job for this task (or find the one already there); its id. */
  submit(task: QueuedTask): Promise<string>
  /** The job's outcome once it has one. */
  result(id: string): Promise<TaskResult>
  /** The job now, for status pages; null when unknown (never submitted, or expired). */
  status(id: string): Promise<JobStatus | null>
  close(): Promise<void>
}

export interface JobStatus {
  id: string
  state: string
  progress: unknown
  error?: string
  label: string
  /** The outputs the job makes (its result's formats). */
  formats: string[]
}

const MIB = 1024 * 1024

/** Payloads larger than the cap are refused before they reach Redis. */
export function payloadCheck(size: number, max: number): void {
  if (size > max) {
    const mib = (n: number) => `${Number((n / MIB).toFixed(1))} MiB`
    throw new ConversionError(`is ${mib(size)}, over the queue's ${mib(max)} payload cap (--max-payload)`, 'too-large')
  }
}

/**
 * How often waiting jobs are looked at besides the events: a safety net for
 * events missed, not the way results normally arrive, so seldom (each look is
 * a round trip per waiting job). Events can go missing only across a lost
 * connection (trimmed from the stream meanwhile, or a Redis restarted empty),
 * so every waiting job is also looked at as soon as the connection is back.
 */
const POLL_MS = 30_000

export async function openJobQueue(options: SubmitOptions): Promise<JobQueue> {
  const clients = [connect(options.queue, options.say), connect(options.queue, () => {})]
  const queue = new Queue<JobData>(options.queueName, { connection: clients[0]! })
  queue.on('error', () => {})
  const events = new QueueEvents(options.queueName, { connection: clients[1]! })
  events.on('error', () => {})
  // Everyone waiting for a job (the same result may be asked for twice at once: two downloads).
  const waiting = new Map<string, { resolvers: ((result: TaskResult) => void)[]; busy: boolean }>()
  const settle = (id: string, outcome: TaskResult) => {
    const waiter = waiting.get(id)
    waiting.delete(id)
    for (const resolve of waiter?.resolvers ?? []) resolve(outcome)
  }

  /** Settle a job's waiters when it has finished. */
  const look = async (id: string) => {
    const waiter = waiting.get(id)
    if (!waiter || waiter.busy) return
    waiter.busy = true
    try {
      // The state alone first: fetching the job would bring its input payload along on every poll.
      const state = await queue.getJobState(id)
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return
      const job = await queue.getJob(id)
      const outcome = job ? await finished(job) : failureFrom('the job is no longer in the queue (expired or removed); submit it again')
      if (outcome && waiting.get(id) === waiter) settle(id, outcome)
    } catch {
      // Redis away: the next poll tries again.
    } finally {
      waiter.busy = false
    }
  }
  // A completed event carries the result: take it from there, with no round trip for the job.
  events.on('completed', ({ jobId, returnvalue }) => {
    if (waiting.has(jobId)) settle(jobId, resultFromWire(returnvalue)) // else another client's job
  })
  // A failed event may precede a retry: the stored state says whether the failure is final.
  events.on('failed', ({ jobId }) => void look(jobId))
  const lookAll = () => {
    for (const id of waiting.keys()) void look(id)
  }
  const poll = setInterval(lookAll, POLL_MS)
  clients[1]!.on('ready', lookAll)
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()])

  return {
    async submit(task) {
      payloadCheck(task.source.bytes.length, options.maxPayloadBytes)
      const id = jobIdFor(task)
      await queue.add('convert', { task: toWire(task) }, {
        jobId: id,
        attempts: QUEUE_DEFAULTS.attempts,
        backoff: { type: 'exponential', delay: QUEUE_DEFAULTS.backoffMs },
        removeOnComplete: { age: options.keepSeconds },
        removeOnFail: { age: options.keepSeconds }
      })
      // A job kept from before that failed for no fault of the input's gets another go
      // (`add` answers with the new job's fields even when it found an old one: read the stored one).
      if ((await queue.getJobState(id)) === 'failed') {
        const stored = await queue.getJob(id)
        if (stored && failureFrom(stored.failedReason).code === 'internal') await stored.retry('failed')
      }
      return id
    },
    result(id) {
      return new Promise((resolve) => {
        const waiter = waiting.get(id)
        if (waiter) waiter.resolvers.push(resolve)
        else waiting.set(id, { resolvers: [resolve], busy: false })
        void look(id)
      })
    },
    async status(id) {
      // The state before the job: a job read while active and failed just after would show no reason.
      const state = await queue.getJobState(id)
      const job = await queue.getJob(id)
      if (!job) return null
      const task = (job.data.task ?? {}) as { label?: unknown; formats?: unknown }
      const label = String(task.label ?? id)
      const formats = Array.isArray(task.formats) ? task.formats.map(String) : []
      return { id, state, progress: job.progress, label, formats, ...(state === 'failed' ? { error: failureFrom(job.failedReason).reason } : {}) }
    },
    async close() {
      clearInterval(poll)
      await Promise.allSettled([events.close(), queue.close()])
      // BullMQ leaves connections it was given open.
      for (const client of clients) client.disconnect()
    }
  }
}

/** A finished job's outcome; null while it is not finished. */
async function finished(job: Job<JobData>): Promise<TaskResult | null> {
  const state = await job.getState()
  if (state === 'completed') return resultFromWire(job.returnvalue)
  if (state === 'failed') return failureFrom(job.failedReason)
  return null
}

/** The batch's converter over a queue: read, submit, wait. */
export function queueConverter(
  jobs: JobQueue,
  options: {
    maxPayloadBytes: number
    /** Read an input file, failing with a one-line ConversionError (the CLI's reader). */
    read(path: string, max: number): Promise<Uint8Array>
    onSubmitted(id: string): void
  }
): Converter {
  return {
    async run(task: ConvertTask): Promise<TaskResult> {
      let bytes: Uint8Array
      try {
        if ('path' in task.source) {
          // Refuse by size before reading: the cap is the point.
          payloadCheck((await stat(task.source.path).catch(() => ({ size: 0 }))).size, options.maxPayloadBytes)
          bytes = await options.read(task.source.path, options.maxPayloadBytes)
        } else bytes = task.source.bytes
        payloadCheck(bytes.length, options.maxPayloadBytes)
      } catch (error) {
        return failureOf(error)
      }
      let id: string
      try {
        id = await jobs.submit({ ...task, source: { bytes } })
      } catch (error) {
        return failureOf(error)
      }
      options.onSubmitted(id)
      return jobs.result(id)
    },
    close: () => jobs.close()
  }
}

function failureOf(error: unknown): TaskFailure {
  if (error instanceof ConversionError) return { ok: false, code: error.code, reason: error.message }
  return { ok: false, code: 'internal', reason: `cannot queue: ${(error as Error)?.message ?? String(error)}` }
}
