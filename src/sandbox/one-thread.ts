/**
 * One worker thread for a sandbox that converts one thing at a time (a
 * single-file CLI run, `--jobs 1`, `check`): a plain `Worker` with the same
 * heap cap and the same worker code as the pool, without loading piscina in
 * either thread. Requests wait their turn; a worker that was stopped (time
 * limit) or died (memory limit, crash) is replaced for the next one.
 */
import { Worker } from 'node:worker_threads'
import type { SandboxRequest } from './requests.js'

/** The worker entry for a thread of its own (one file, so a bundler can build it on its own). */
const DIRECT_WORKER = new URL('./direct-worker.js', import.meta.url)

export interface OneThreadOptions {
  maxMemoryMb: number
  workerData: unknown
  env?: NodeJS.ProcessEnv
}

/** What a request's run hears from its worker besides the result. */
export type OnMessage = (message: unknown) => void

/** Thrown (as piscina does) when a request's signal stops it. */
function aborted(): Error {
  const error = new Error('The task has been aborted')
  error.name = 'AbortError'
  return error
}

export class OneThread {
  private worker: Worker | undefined
  private turn: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: OneThreadOptions) {
    // Start now, so the thread boots while the caller still prepares its first request.
    this.worker = this.spawn()
  }

  private spawn(): Worker {
    const worker = new Worker(DIRECT_WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
      workerData: this.options.workerData,
      ...(this.options.env ? { env: this.options.env } : {})
    })
    // An idle worker's death is heard by the next request (as its exit); never as an unhandled 'error'.
    worker.on('error', () => {})
    worker.unref()
    return worker
  }

  /** Run one request after those before it; rejects as piscina would (AbortError, the worker's error). */
  run(message: { id: number; request: SandboxRequest }, signal: AbortSignal, onMessage: OnMessage): Promise<unknown> {
    const result = this.turn.then(() => this.runNow(message, signal, onMessage))
    this.turn = result.catch(() => {})
    return result
  }

  private runNow(message: { id: number; request: SandboxRequest }, signal: AbortSignal, onMessage: OnMessage): Promise<unknown> {
    const worker = (this.worker ??= this.spawn())
    worker.ref()
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void, dead: boolean) => {
        worker.off('message', heard)
        worker.off('error', failed)
        worker.off('exit', exited)
        signal.removeEventListener('abort', stop)
        if (dead) {
          if (this.worker === worker) this.worker = undefined
          void worker.terminate()
        } else {
          worker.unref()
        }
        settle()
      }
      const heard = (data: unknown) => {
        const answer = data as { docmendResult?: unknown } | null
        if (answer && typeof answer === 'object' && 'docmendResult' in answer) finish(() => resolve(answer.docmendResult), false)
        else onMessage(data)
      }
      const failed = (error: unknown) => finish(() => reject(error), true)
      const exited = (code: number) => finish(() => reject(new Error(`worker exited with code ${code}`)), true)
      const stop = () => finish(() => reject(aborted()), true)
      if (signal.aborted) return stop()
      worker.on('message', heard)
      worker.on('error', failed)
      worker.on('exit', exited)
      signal.addEventListener('abort', stop)
      worker.postMessage(message)
    })
  }

  async destroy(): Promise<void> {
    await this.turn
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }
}
