/**
 * `docmend worker --queue redis://…`: convert jobs from the queue until told
 * to stop. SIGTERM or Ctrl-C: finish the jobs held, take no new ones, exit 0;
 * a second signal stops at once (the jobs held are then handed on by BullMQ's
 * stall check, nothing is lost).
 */
import { UsageError } from '../errors.js'
import { onInterrupt } from '../io/interrupt.js'
import { parseLimits } from './convert-command.js'

export interface WorkerFlags {
  queue: string
  queueName: string
  concurrency?: string
  timeout: string
  maxMemory: string
  stallSeconds: string
}

export async function runWorker(flags: WorkerFlags): Promise<number> {
  const { parseQueueUrl } = await import('../queue/connection.js')
  const queue = parseQueueUrl(flags.queue)
  const { jobs: concurrency, timeoutMs, maxMemoryMb } = parseLimits({ ...(flags.concurrency === undefined ? {} : { jobs: flags.concurrency }), timeout: flags.timeout, maxMemory: flags.maxMemory })
  const stallSeconds = Number(flags.stallSeconds)
  if (!/^\s*\d+\s*$/.test(flags.stallSeconds) || stallSeconds < 1 || stallSeconds > 3600) {
    throw new UsageError(`--stall-seconds wants a whole number from 1 to 3600, not '${flags.stallSeconds}'`)
  }
  const { startWorker } = await import('../queue/consume.js')
  const log = (line: string) => process.stdout.write(`${line}\n`)
  const worker = await startWorker({ queue, queueName: flags.queueName, concurrency, timeoutMs, maxMemoryMb, stallSeconds, log })
  return new Promise<number>((resolve) => {
    let stopping = false
    onInterrupt((signal) => {
      if (stopping) return false // the second signal: the CLI exits now
      stopping = true
      log(`docmend worker: ${signal}: finishing the ${worker.held()} jobs held, taking no new ones (send it again to stop now)`)
      void worker.close().then(() => {
        log('docmend worker: stopped')
        resolve(0)
      })
      return true
    })
  })
}
