/**
 * A pool of conversion workers (piscina over worker threads). Each conversion
 * is bounded: past its time limit the worker running it is terminated, and a
 * worker whose heap outgrows its memory limit dies alone, so one hostile file
 * can neither hang nor take down the whole run. Both come back as failures.
 */
import { Piscina } from 'piscina'
import type { ConvertTask, TaskResult } from './task.js'

export interface PoolOptions {
  /** Worker threads (and so conversions at once). */
  threads: number
  /** Per-conversion time limit in milliseconds; 0 for none. */
  timeoutMs: number
  /** Per-worker heap limit in MiB. */
  maxMemoryMb: number
}

export interface ConversionPool {
  /** Convert one input. Never rejects: every problem is a `TaskFailure`. */
  run(task: ConvertTask): Promise<TaskResult>
  destroy(): Promise<void>
}

const WORKER = new URL('./worker.js', import.meta.url).href

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** Why the pool gave up on a conversion, in one line. */
export function describePoolError(error: unknown, options: PoolOptions): string {
  const e = error as { name?: string; code?: string; message?: string }
  if (e?.name === 'AbortError') return `stopped after ${seconds(options.timeoutMs)} (the --timeout limit)`
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return `stopped: needed more than ${options.maxMemoryMb} MiB of memory (the --max-memory limit)`
  return `could not convert: the conversion worker stopped (${e?.message ?? String(error)})`.replace(/\s*\n\s*/g, ' ')
}

/** What a worker posts when it takes a task: the clock starts then, not while the worker boots. */
export interface TaskStarted {
  docmendTaskStarted: number
}

function isTaskStarted(message: unknown): message is TaskStarted {
  return typeof (message as TaskStarted | null)?.docmendTaskStarted === 'number'
}

/** Start up to `threads` workers. */
export function createConversionPool(options: PoolOptions): ConversionPool {
  const piscina = new Piscina({
    filename: WORKER,
    minThreads: options.threads,
    maxThreads: options.threads,
    concurrentTasksPerWorker: 1,
    idleTimeout: Number.MAX_SAFE_INTEGER,
    resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb }
  })
  // Errors from idle workers would otherwise be thrown as unhandled 'error' events.
  piscina.on('error', () => {})
  const startClock = new Map<number, () => void>()
  piscina.on('message', (message: unknown) => {
    if (isTaskStarted(message)) startClock.get(message.docmendTaskStarted)?.()
  })
  let lastId = 0

  return {
    async run(task) {
      const id = ++lastId
      const controller = new AbortController()
      let timer: NodeJS.Timeout | undefined
      if (options.timeoutMs > 0) {
        startClock.set(id, () => {
          timer = setTimeout(() => controller.abort(), options.timeoutMs)
        })
      }
      try {
        return (await piscina.run({ ...task, id }, { signal: controller.signal })) as TaskResult
      } catch (error) {
        return { ok: false, reason: describePoolError(error, options) }
      } finally {
        startClock.delete(id)
        clearTimeout(timer)
      }
    },
    destroy: () => piscina.destroy()
  }
}
