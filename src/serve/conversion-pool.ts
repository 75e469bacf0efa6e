/**
 * A few conversion workers (worker_threads) with a time cap per job.
 *
 * A job's clock starts when a worker that has loaded every module takes it,
 * so a cold start never counts against the cap. A job that runs past the cap,
 * or a worker that dies (out of memory, crash), costs only that worker: it is
 * terminated and a fresh one takes the next job.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads'
import { ConversionError } from '../errors.js'
import type { ConversionJob, JobOutcome } from './jobs.js'

const WORKER_URL = new URL('./convert-worker.js', import.meta.url)

export interface PoolOptions {
  /** Most conversions running at once. */
  size: number
  /** Longest a conversion may run, in milliseconds. */
  timeoutMs: number
  /** Most jobs waiting for a worker; more are refused with `PoolBusyError`. */
  maxQueue: number
  /** The workers' environment (the server points TMPDIR at its own temp folder). */
  env: NodeJS.ProcessEnv
  resourceLimits?: ResourceLimits
}

/** Every worker is busy and the queue is full: try again later. */
export class PoolBusyError extends Error {
  override readonly name = 'PoolBusyError'
}

interface Pending {
  job: ConversionJob
  resolve: (outcome: JobOutcome) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  current?: { pending: Pending; timer: NodeJS.Timeout }
}

export class ConversionPool {
  readonly #options: PoolOptions
  readonly #slots: Slot[] = []
  readonly #queue: Pending[] = []
  #closed = false

  constructor(options: PoolOptions) {
    this.#options = options
    this.#spawn() // warm one up so the first conversion is quick
  }

  run(job: ConversionJob): Promise<JobOutcome> {
    if (this.#closed) return Promise.reject(new Error('the server is shutting down'))
    if (this.#queue.length >= this.#options.maxQueue) {
      return Promise.reject(new PoolBusyError(`the server is busy with ${this.#options.size + this.#queue.length} conversions; try again shortly`))
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject })
      this.#dispatch()
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    for (const pending of this.#queue.splice(0)) pending.reject(new Error('the server is shutting down'))
    const slots = this.#slots.splice(0)
    for (const slot of slots) {
      if (slot.current) {
        clearTimeout(slot.current.timer)
        slot.current.pending.reject(new Error('the server is shutting down'))
      }
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const slot = this.#slots.find((s) => s.ready && !s.current)
      if (!slot) break
      const pending = this.#queue.shift()!
      const timer = setTimeout(() => this.#timeOut(slot), this.#options.timeoutMs)
      slot.current = { pending, timer }
      slot.worker.postMessage(pending.job)
    }
    const starting = this.#slots.filter((s) => !s.ready).length
    if (this.#queue.length > starting && this.#slots.length < this.#options.size) this.#spawn()
  }

  #spawn(): void {
    const worker = new Worker(WORKER_URL, {
      env: this.#options.env,
      ...(this.#options.resourceLimits ? { resourceLimits: this.#options.resourceLimits } : {})
    })
    const slot: Slot = { worker, ready: false }
    this.#slots.push(slot)
    worker.unref()
    worker.on('message', (message: 'ready' | JobOutcome) => {
      if (message === 'ready') slot.ready = true
      else if (slot.current) {
        clearTimeout(slot.current.timer)
        slot.current.pending.resolve(message)
        delete slot.current
      }
      this.#dispatch()
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ConversionError('the conversion ran out of memory and was stopped', 'limit')
          : new Error(`the conversion worker failed: ${error.message}`)
      this.#lose(slot, reason)
    })
    worker.on('exit', () => this.#lose(slot, new Error('the conversion worker stopped unexpectedly')))
  }

  #timeOut(slot: Slot): void {
    const seconds = Math.round(this.#options.timeoutMs / 100) / 10
    this.#lose(slot, new ConversionError(`the conversion took longer than ${seconds} s and was stopped`, 'timeout'))
    void slot.worker.terminate()
  }

  /** Drop a worker that timed out or died, failing its job; a fresh one replaces it on demand. */
  #lose(slot: Slot, reason: Error): void {
    const at = this.#slots.indexOf(slot)
    if (at === -1) return
    this.#slots.splice(at, 1)
    if (slot.current) {
      clearTimeout(slot.current.timer)
      slot.current.pending.reject(reason)
      delete slot.current
    } else if (!slot.ready) {
      // It died while starting: respawning would fail the same way, so fail what waits.
      for (const pending of this.#queue.splice(0)) pending.reject(reason)
    }
    if (!this.#closed) this.#dispatch()
  }
}
