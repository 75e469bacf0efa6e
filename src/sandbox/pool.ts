/**
 * The sandbox every conversion runs in, whoever asked for it (`convert`,
 * `check`, `serve`, the queue worker): a pool of worker threads (piscina),
 * or for one thread a plain worker (one-thread.ts, which spares loading
 * piscina), each conversion bounded in time and memory. Past its time limit the worker
 * running it is terminated; a worker whose heap outgrows its cap dies alone.
 * So one hostile file can neither hang nor take down the process, and both
 * come back as a one-line failure like any other.
 */
import type { Piscina } from 'piscina'
import { oneLine } from '../batch/summary.js'
import type { TaskFailure } from '../batch/task.js'
import { OneThread } from './one-thread.js'
import type { SandboxRequest, SandboxResult } from './requests.js'

export interface SandboxOptions {
  /** Worker threads (and so conversions at once). */
  threads: number
  /** Per-conversion time limit in milliseconds; 0 for none. */
  timeoutMs: number
  /** Per-worker heap cap in MiB. */
  maxMemoryMb: number
  /** Most requests waiting for a thread; more are refused with `SandboxBusyError` (default: no limit). */
  maxQueue?: number
  /** The workers' environment (default: this process's). */
  env?: NodeJS.ProcessEnv
  /**
   * Load every reader and writer before a thread takes its first request, so
   * a long-lived process (server, queue worker) never counts loading against
   * the time limit. One-shot commands skip it: they load only what they use.
   */
  warm?: boolean
  /** How the limits are named in reasons (default: the CLI's `--timeout` and `--max-memory`). */
  limitNames?: { time: string; memory: string }
}

export interface Sandbox {
  /**
   * Run one request. Never rejects for the input's sake: every problem is a `TaskFailure`.
   * `onStart` is called when a thread takes it (a request may wait for a free thread first).
   */
  run<R extends SandboxRequest>(request: R, hooks?: { onStart?: () => void }): Promise<SandboxResult<R>>
  close(): Promise<void>
}

/** Every thread is busy and the queue is full: try again later. */
export class SandboxBusyError extends Error {
  override readonly name = 'SandboxBusyError'
}

/** The single worker entry (one file, so a bundler can build it on its own). */
const WORKER = new URL('./worker.js', import.meta.url).href

const DEFAULT_NAMES = { time: 'the --timeout limit', memory: 'the --max-memory limit' }

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** The reason given when a conversion outlives its time limit (also for stdin read by the caller). */
export function timeLimitReason(options: Pick<SandboxOptions, 'timeoutMs' | 'limitNames'>): string {
  return `stopped: took longer than ${seconds(options.timeoutMs)} (${(options.limitNames ?? DEFAULT_NAMES).time})`
}

/** Why the sandbox gave up on a request, in one line. */
export function describeSandboxError(error: unknown, options: SandboxOptions): TaskFailure {
  const names = options.limitNames ?? DEFAULT_NAMES
  const e = error as { name?: string; code?: string; message?: string }
  if (e?.name === 'AbortError') return { ok: false, code: 'timeout', reason: timeLimitReason(options) }
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { ok: false, code: 'limit', reason: `stopped: needed more than ${options.maxMemoryMb} MiB of memory (${names.memory})` }
  }
  return { ok: false, code: 'internal', reason: oneLine(`could not convert: the conversion worker stopped (${e?.message ?? String(error)})`) }
}

/** What a worker posts when it takes a request: the clock starts then, not while the worker boots. */
export interface TaskStarted {
  docmendTaskStarted: number
}

function isTaskStarted(message: unknown): message is TaskStarted {
  return typeof (message as TaskStarted | null)?.docmendTaskStarted === 'number'
}

/** Where requests run: piscina's pool, or one plain worker. */
interface Threads {
  run(message: { id: number; request: SandboxRequest }, signal: AbortSignal): Promise<unknown>
  destroy(): Promise<void>
}

async function startPiscina(options: SandboxOptions, workerData: unknown, onMessage: (message: unknown) => void): Promise<Piscina> {
  const { Piscina } = await import('piscina')
  const piscina = new Piscina({
    filename: WORKER,
    minThreads: options.threads,
    maxThreads: options.threads,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.MAX_SAFE_INTEGER,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    workerData,
    ...(options.env ? { env: options.env } : {})
  })
  // Errors from idle workers would otherwise be thrown as unhandled 'error' events.
  piscina.on('error', () => {})
  piscina.on('message', onMessage)
  return piscina
}

function startThreads(options: SandboxOptions, onMessage: (message: unknown) => void): Threads {
  const workerData = { warm: Boolean(options.warm) }
  if (options.threads === 1) {
    const thread = new OneThread({ maxMemoryMb: options.maxMemoryMb, workerData, ...(options.env ? { env: options.env } : {}) })
    return { run: (message, signal) => thread.run(message, signal, onMessage), destroy: () => thread.destroy() }
  }
  const piscina = startPiscina(options, workerData, onMessage)
  return {
    run: async (message, signal) => (await piscina).run(message, { signal }),
    destroy: async () => (await piscina).destroy()
  }
}

/** Start `threads` workers. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const startClock = new Map<number, () => void>()
  const threads = startThreads(options, (message: unknown) => {
    if (isTaskStarted(message)) startClock.get(message.docmendTaskStarted)?.()
  })
  let lastId = 0
  let inFlight = 0
  let closed = false

  return {
    async run(request, hooks) {
      if (closed) throw new Error('shutting down')
      if (options.maxQueue !== undefined && inFlight >= options.threads + options.maxQueue) {
        throw new SandboxBusyError(`busy with ${inFlight} conversions; try again shortly`)
      }
      const id = ++lastId
      const controller = new AbortController()
      let timer: NodeJS.Timeout | undefined
      if (options.timeoutMs > 0 || hooks?.onStart) {
        startClock.set(id, () => {
          hooks?.onStart?.()
          if (options.timeoutMs > 0) timer = setTimeout(() => controller.abort(), options.timeoutMs)
        })
      }
      inFlight++
      try {
        return (await threads.run({ id, request }, controller.signal)) as SandboxResult<typeof request>
      } catch (error) {
        return describeSandboxError(error, options)
      } finally {
        inFlight--
        startClock.delete(id)
        clearTimeout(timer)
      }
    },
    async close() {
      closed = true
      await threads.destroy()
    }
  }
}
