/**
 * `docmend check`: report every table total that disagrees with its parts.
 * Each input is read in the same sandbox as `convert` (a worker thread with
 * its time and memory limits), so a hostile input fails with one line.
 */
import { inputLine } from '../batch/summary.js'
import type { DocumentCheck } from '../check/check-document.js'
import { formatCheck } from '../check/report.js'
import { ConversionError, UsageError } from '../errors.js'
import { DEFAULT_MAX_INPUT_BYTES } from '../limits.js'
import { createSandbox, timeLimitReason } from '../sandbox/pool.js'
import type { CheckTask } from '../sandbox/requests.js'
import type { InputKind } from '../sniff.js'
import { parseLimits, parsePages } from './convert-command.js'
import { readStdin } from '../io/read-input.js'
import { parseTolerance } from './tolerance.js'

export interface CheckFlags {
  from?: InputKind
  tolerance: string
  format: 'text' | 'json'
  password?: string
  pages?: string
  explain?: boolean
  verbose?: boolean
  debug?: boolean
  /** Per-input time limit in seconds; 0 for none. */
  timeout: string
  /** Heap cap of the reading worker, in MiB. */
  maxMemory: string
}

/** Exit codes of `docmend check` (1 and 2 keep their meaning for every command). */
export const CHECK_EXIT = { ok: 0, unreadable: 1, findings: 3 } as const

interface InputResult {
  input: string
  check?: DocumentCheck
  error?: string
}

export async function runCheck(inputs: string[], flags: CheckFlags): Promise<number> {
  const tolerance = parseTolerance(flags.tolerance)
  const pages = parsePages(flags.pages)
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('stdin (-) can be read only once')
  const { timeoutMs, maxMemoryMb } = parseLimits({ timeout: flags.timeout, maxMemory: flags.maxMemory })
  const sandbox = createSandbox({ threads: 1, timeoutMs, maxMemoryMb })
  const results: InputResult[] = []
  try {
    for (const input of inputs) {
      const label = input === '-' ? 'stdin' : input
      const fail = (reason: string, stack?: string) => {
        process.stderr.write(`${inputLine(label, reason)}\n`)
        if (flags.debug && stack) process.stderr.write(`${stack}\n`)
        results.push({ input: label, error: reason })
      }
      let source: CheckTask['source'] = { path: input }
      if (input === '-') {
        try {
          source = { bytes: await readStdin(DEFAULT_MAX_INPUT_BYTES, { ms: timeoutMs, reason: timeLimitReason({ timeoutMs }) }) }
        } catch (error) {
          fail(error instanceof ConversionError ? error.message : `cannot read stdin: ${(error as Error).message}`)
          continue
        }
      }
      const task: CheckTask = {
        source,
        label,
        tolerance,
        verbose: Boolean(flags.verbose),
        maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.password !== undefined ? { password: flags.password } : {}),
        ...(pages ? { pages } : {})
      }
      const outcome = await sandbox.run({ kind: 'check', task })
      if (!outcome.ok) {
        fail(outcome.reason.replace(/^could not convert:/, 'could not read:'), outcome.stack)
        continue
      }
      for (const note of outcome.notes) process.stderr.write(`${inputLine(label, note)}\n`)
      results.push({ input: label, check: outcome.check })
      if (flags.format === 'text') process.stdout.write(formatCheck(label, outcome.check, { explain: Boolean(flags.explain || flags.verbose) }))
    }
  } finally {
    await sandbox.close()
  }
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  if (results.some((r) => r.error !== undefined)) return CHECK_EXIT.unreadable
  return results.some((r) => (r.check?.findings.length ?? 0) > 0) ? CHECK_EXIT.findings : CHECK_EXIT.ok
}
