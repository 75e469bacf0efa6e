/**
 * Run a batch: conversions in the sandbox's worker threads (or, in queue
 * mode, on remote workers), outputs delivered (written) on this thread as
 * each finishes, a progress bar, and a summary at the end. A failed input
 * never stops the others.
 */
import { type Progress, createProgress } from './progress.js'
import { type FailedInput, failureLine, inputLine, oneLine, summaryLines } from './summary.js'
import type { ConvertTask, TaskResult, TaskSuccess } from './task.js'

/** Where the conversions run: the local sandbox, or a queue. */
export interface Converter {
  /** Convert one input. Never rejects: every problem is a `TaskFailure`. */
  run(task: ConvertTask): Promise<TaskResult>
  close(): Promise<void>
}

export interface BatchItem {
  label: string
  task: ConvertTask
  /** Write (or print) a finished conversion; a thrown error fails this input only. */
  deliver(result: TaskSuccess): Promise<void>
}

export interface BatchOptions {
  /** Conversions at once (never more than items). */
  jobs: number
  /** Open the converter for this many conversions at once. */
  open(lanes: number): Converter
  stderr: NodeJS.WriteStream
  /** Inputs that failed before converting (an argument that matched nothing). */
  failedEarly?: FailedInput[]
  /** Print stack traces of failures. */
  debug?: boolean
  /** Inputs not converted because their outputs were up to date, for the summary. */
  skipped?: number
}

export interface BatchOutcome {
  total: number
  failures: FailedInput[]
}

/** Run `worker` over items with at most `limit` in flight, in order of starting. */
async function eachLimited<T>(items: readonly T[], limit: number, worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await worker(items[next++]!)
  })
  await Promise.all(lanes)
}

async function convertItem(item: BatchItem, pool: Converter, progress: Progress, fail: (f: FailedInput, stack?: string) => void) {
  const result = await pool.run(item.task)
  if (!result.ok) {
    fail({ label: item.label, reason: result.reason }, result.stack)
    return
  }
  for (const note of result.notes) progress.log(inputLine(item.label, note))
  try {
    await item.deliver(result)
  } catch (error) {
    fail({ label: item.label, reason: oneLine(`cannot write the output: ${(error as Error)?.message ?? String(error)}`) })
    return
  }
  progress.tick(false)
}

export async function runBatch(items: readonly BatchItem[], options: BatchOptions): Promise<BatchOutcome> {
  const started = Date.now()
  const early = options.failedEarly ?? []
  const total = items.length + early.length
  const progress = createProgress({ total, stream: options.stderr, enabled: Boolean(options.stderr.isTTY) && total > 1 })
  const failures: FailedInput[] = []
  const fail = (failure: FailedInput, stack?: string) => {
    failures.push(failure)
    if (!progress.live) progress.log(failureLine(failure))
    if (options.debug && stack) progress.log(stack)
    progress.tick(true)
  }
  early.forEach((f) => fail(f))

  const threads = Math.max(1, Math.min(options.jobs, items.length))
  const pool = items.length > 0 ? options.open(threads) : null
  try {
    if (pool) await eachLimited(items, threads, (item) => convertItem(item, pool, progress, fail))
  } finally {
    progress.stop()
    await pool?.close()
  }
  for (const line of summaryLines({ total, failures, elapsedMs: Date.now() - started, live: progress.live, skipped: options.skipped ?? 0 })) {
    options.stderr.write(`${line}\n`)
  }
  return { total, failures }
}
