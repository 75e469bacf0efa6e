/**
 * `docmend convert`: inputs (files, folders, globs, stdin) → outputs on disk
 * or stdout. Conversions run on a pool of worker threads (src/batch/), each
 * bounded in time and memory; outputs are written here, atomically.
 */
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { expandInputs, type ExpandedInput } from '../batch/expand-inputs.js'
import { findOutputOverInput } from '../batch/output-guard.js'
import { type OutputTarget, findCollisions, outputsFor, plannedFiles } from '../batch/output-plan.js'
import { isUpToDate } from '../batch/up-to-date.js'
import { type BatchItem, type Converter, runBatch } from '../batch/run-batch.js'
import type { FailedInput } from '../batch/summary.js'
import type { ConvertTask, TaskResource } from '../batch/task.js'
import { FORMATS, type Format, type WriteOptions } from '../emit/types.js'
import { ConversionError, UsageError } from '../errors.js'
import { imageTypeOf } from '../image-types.js'
import { writeFilesAtomic } from '../io/atomic-write.js'
import { onInterrupt } from '../io/interrupt.js'
import { DEFAULT_MAX_INPUT_BYTES } from '../limits.js'
import { type Sandbox, createSandbox, timeLimitReason } from '../sandbox/pool.js'
import type { InputKind } from '../sniff.js'
import { parseTolerance } from './tolerance.js'
import { readInputFile, readStdin } from '../io/read-input.js'

export interface ConvertFlags {
  to: string
  output?: string
  outDir?: string
  from?: InputKind
  fragment?: boolean
  template?: string
  embedImages?: boolean
  mdTables: 'gfm' | 'html'
  width: string
  tables: 'auto' | 'grid' | 'linear'
  pageSize: 'a4' | 'letter'
  margin?: string
  font?: string
  password?: string
  pages?: string
  explain?: boolean
  check?: boolean
  tolerance: string
  verbose?: boolean
  debug?: boolean
  /** Conversions at once (default: the number of cores). */
  jobs?: string
  /** Per-file time limit in seconds; 0 for none. */
  timeout: string
  /** Per-conversion heap limit in MiB. */
  maxMemory: string
  /** Skip inputs whose outputs are all newer than the input. */
  skipExisting?: boolean
  /** Send the conversions to this Redis queue instead of converting here. */
  queue?: string
  queueName: string
  /** Largest input sent through the queue, in MiB. */
  maxPayload: string
  /** Hours the queue keeps results. */
  keep: string
}

export { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS } from './convert-defaults.js'

/** Check flag combinations; throws UsageError (exit 2). */
export function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean)
  if (formats.length === 0) throw new UsageError('--to needs at least one format (md,html,pdf,txt,json)')
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}' (use md, html, pdf, txt or json)`)
  }
  return [...new Set(formats)] as Format[]
}

export function parsePages(range: string | undefined): { from: number; to: number } | undefined {
  if (range === undefined) return undefined
  const m = /^(\d+)(?:-(\d+))?$/.exec(range.trim())
  if (!m) throw new UsageError(`--pages wants a page or a range like 3-7, not '${range}'`)
  const from = Number(m[1])
  const to = m[2] === undefined ? from : Number(m[2])
  if (from < 1 || to < from) throw new UsageError(`--pages range '${range}' is empty`)
  return { from, to }
}

function validate(inputs: string[], flags: ConvertFlags, formats: Format[]): void {
  if (flags.output && flags.outDir) throw new UsageError('use either -o/--output or --out-dir, not both')
  if (flags.output && formats.length > 1) throw new UsageError('-o/--output takes one format; use --out-dir for several')
  if (inputs.length > 1 && !flags.outDir) throw new UsageError('several inputs need --out-dir')
  if (!flags.output && !flags.outDir && formats.length > 1) throw new UsageError('several formats need --out-dir (or one format to stdout)')
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('stdin (-) can be read only once')
  if (!flags.check && flags.tolerance !== 'auto') throw new UsageError('--tolerance applies only with --check')
  const width = Number(flags.width)
  if (!Number.isInteger(width) || width < 20 || width > 1000) throw new UsageError(`--width wants a whole number from 20 to 1000, not '${flags.width}'`)
}

function wholeNumber(value: string, option: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) throw new UsageError(`${option} wants a whole number from ${min} to ${max}, not '${value}'`)
  return n
}

/** The batch limits from the flags; throws UsageError (exit 2). */
export function parseLimits(flags: Pick<ConvertFlags, 'timeout' | 'maxMemory' | 'jobs'>): { jobs: number; timeoutMs: number; maxMemoryMb: number } {
  const timeout = Number(flags.timeout)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(flags.timeout) || timeout > 86_400) {
    throw new UsageError(`--timeout wants seconds (0 for no limit), not '${flags.timeout}'`)
  }
  return {
    jobs: flags.jobs === undefined ? availableParallelism() : wholeNumber(flags.jobs, '--jobs', 1, 256),
    timeoutMs: Math.round(timeout * 1000),
    maxMemoryMb: wholeNumber(flags.maxMemory, '--max-memory', 64, 65_536)
  }
}

/** Convert every input; returns the exit code. */
export async function runConvert(inputs: string[], flags: ConvertFlags): Promise<number> {
  const formats = parseFormats(flags.to)
  validate(inputs, flags, formats)
  const pages = parsePages(flags.pages)
  const tolerance = parseTolerance(flags.tolerance)
  const limits = parseLimits(flags)
  const sandboxOptions = { timeoutMs: limits.timeoutMs, maxMemoryMb: limits.maxMemoryMb }
  // One input is usually one file: its worker thread boots while the rest is prepared here.
  let early: Sandbox | undefined = flags.queue === undefined && inputs.length === 1 ? createSandbox({ threads: 1, ...sandboxOptions }) : undefined
  try {
    return await convertAll(inputs, flags, formats, limits, pages, tolerance, (threads) => {
      if (threads === 1 && early) {
        const sandbox = early
        early = undefined
        return sandbox
      }
      // A folder or a pattern: the batch gets a pool, and the early thread goes.
      void early?.close()
      early = undefined
      return createSandbox({ threads, ...sandboxOptions })
    })
  } finally {
    await early?.close()
  }
}

async function convertAll(
  inputs: string[],
  flags: ConvertFlags,
  formats: Format[],
  limits: { jobs: number; timeoutMs: number },
  pages: { from: number; to: number } | undefined,
  tolerance: number | undefined,
  openSandbox: (threads: number) => Sandbox
): Promise<number> {
  const pdf = await pdfOptions(flags)
  const template = await readTemplate(flags.template)

  const expansion = await expandInputs(inputs, flags.outDir === undefined ? {} : { exclude: flags.outDir })
  if ((expansion.expanded || expansion.inputs.length > 1) && !flags.outDir) {
    throw new UsageError('folders, patterns and several inputs need --out-dir')
  }
  const target: OutputTarget = flags.outDir
    ? { kind: 'dir', dir: flags.outDir }
    : flags.output
      ? { kind: 'file', path: flags.output }
      : { kind: 'stdout' }
  const write: WriteOptions = {
    mdTables: flags.mdTables,
    width: Number(flags.width),
    tables: flags.tables,
    ...(flags.fragment ? { fragment: true } : {}),
    ...(template !== undefined ? { template } : {}),
    ...(flags.embedImages ? { embedImages: true } : {}),
    ...(target.kind === 'stdout' ? { standalone: 'stdout' } : {}),
    ...pdf
  }
  const linksAllMedia = formats.some((f) => f === 'md' || f === 'json' || (f === 'html' && !write.embedImages))
  // With --embed-images, HTML still links the images a browser cannot show inline (EMF, WMF): write those.
  // A standalone output (stdout) links no file, so nothing is written beside it.
  const needsMedia = (resource: TaskResource) =>
    !write.standalone && (linksAllMedia || (formats.includes('html') && !imageTypeOf(resource.bytes)?.embeddable))

  const failedEarly: FailedInput[] = [...expansion.problems]
  const planned = expansion.inputs.map((input) => ({ input, label: input.label, outputs: outputsFor(input, formats, target) }))
  const overwritten = await findOutputOverInput(
    expansion.inputs.map((i) => i.path),
    planned.flatMap((p) => Object.values(p.outputs.files))
  )
  if (overwritten) throw new UsageError(`the output ${overwritten.output} would replace the input ${overwritten.input}; write it somewhere else`)
  const clashes = findCollisions(planned)
  const items: BatchItem[] = []
  let skipped = 0
  for (const [index, { input, outputs }] of planned.entries()) {
    if (flags.skipExisting && (await isUpToDate(input.path, Object.values(outputs.files)))) {
      skipped++
      continue
    }
    const clash = clashes.get(index)
    if (clash !== undefined) {
      failedEarly.push({ label: input.label, reason: clash })
      continue
    }
    const task = await taskFor(input, flags, formats, { ...write, mediaBase: `${outputs.stem}_media` }, pages, tolerance, limits.timeoutMs)
    if ('reason' in task) {
      failedEarly.push({ label: input.label, reason: task.reason })
      continue
    }
    items.push({
      label: input.label,
      task,
      deliver: async (result) => {
        if (target.kind === 'stdout') {
          const data = result.outputs[formats[0]!]!
          process.stdout.write(typeof data === 'string' ? data : Buffer.from(data))
          return
        }
        await writeFilesAtomic(plannedFiles(outputs, result.outputs, result.resources, needsMedia))
      }
    })
  }

  const queued = flags.queue === undefined ? undefined : await openQueue(flags, flags.queue)
  const outcome = await runBatch(items, {
    // A queue's conversions run elsewhere: here we only read, send and wait.
    jobs: queued ? QUEUE_LANES : limits.jobs,
    open: (threads) => {
      if (queued) return queued
      const sandbox = openSandbox(threads)
      return { run: (task) => sandbox.run({ kind: 'convert', task }), close: () => sandbox.close() }
    },
    stderr: process.stderr,
    failedEarly,
    skipped,
    ...(flags.debug ? { debug: true } : {})
  })
  await queued?.close()
  return outcome.failures.length > 0 ? 1 : 0
}

/** Inputs read, sent and waited for at once in queue mode. */
const QUEUE_LANES = 64

/** The queue's settings from the flags; throws UsageError (exit 2). */
export function parseQueueFlags(flags: Pick<ConvertFlags, 'maxPayload' | 'keep'>): { maxPayloadBytes: number; keepSeconds: number } {
  const maxPayload = Number(flags.maxPayload)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(flags.maxPayload) || maxPayload <= 0 || maxPayload > 512) {
    throw new UsageError(`--max-payload wants MiB from 0 to 512, not '${flags.maxPayload}'`)
  }
  const keep = Number(flags.keep)
  if (!/^\s*\d+(\.\d+)?\s*$/.test(flags.keep) || keep <= 0 || keep > 24 * 365) throw new UsageError(`--keep wants hours (more than 0), not '${flags.keep}'`)
  return { maxPayloadBytes: Math.round(maxPayload * 1024 * 1024), keepSeconds: Math.round(keep * 3600) }
}

/**
 * The batch's converter for `--queue`: jobs on Redis, results waited for here.
 * Ctrl-C stops waiting and says how to collect the results later.
 */
async function openQueue(flags: ConvertFlags, url: string): Promise<Converter> {
  const { parseQueueUrl } = await import('../queue/connection.js')
  const queue = parseQueueUrl(url)
  const settings = parseQueueFlags(flags)
  const { openJobQueue, queueConverter } = await import('../queue/submit.js')
  const say = (line: string) => process.stderr.write(`docmend: ${line}\n`)
  const jobs = await openJobQueue({ queue, queueName: flags.queueName, ...settings, say })
  const submitted = new Set<string>()
  const undo = onInterrupt(() => {
    const hours = Number((settings.keepSeconds / 3600).toFixed(2))
    say(`stopped waiting; the ${submitted.size} jobs sent stay on queue '${flags.queueName}' at ${queue.shown}, their results kept for ${hours} h: run the same command again to collect them`)
    return false
  })
  let closed = false
  const converter = queueConverter(jobs, { maxPayloadBytes: settings.maxPayloadBytes, read: readInputFile, onSubmitted: (id) => submitted.add(id) })
  return {
    run: converter.run,
    async close() {
      if (closed) return
      closed = true
      undo()
      await converter.close()
    }
  }
}

/** PDF page size, margin and font from the flags; a font that cannot be read is a usage error. */
async function pdfOptions(flags: ConvertFlags): Promise<WriteOptions> {
  const options: WriteOptions = { pageSize: flags.pageSize }
  if (flags.margin !== undefined) {
    const mm = Number(flags.margin)
    if (!Number.isFinite(mm) || mm < 0 || mm > 80) throw new UsageError(`--margin wants millimetres from 0 to 80, not '${flags.margin}'`)
    options.marginMm = mm
  }
  if (flags.font !== undefined) {
    const [, path, name] = /^(.*?)(?:#([^#/\\]+))?$/.exec(flags.font) ?? []
    try {
      options.font = new Uint8Array(await readFile(path))
    } catch {
      throw new UsageError(`cannot read font '${path}'`)
    }
    if (name) options.fontName = name
  }
  return options
}

async function readTemplate(path: string | undefined): Promise<string | undefined> {
  if (!path) return undefined
  let template: string
  try {
    template = await readFile(path, 'utf8')
  } catch {
    throw new UsageError(`cannot read template '${path}'`)
  }
  if (!template.includes('{{body}}')) throw new UsageError(`template '${path}' has no {{body}} placeholder`)
  return template
}

/** The worker's task for one input; stdin is read here, since workers cannot. */
async function taskFor(
  input: ExpandedInput,
  flags: ConvertFlags,
  formats: Format[],
  write: WriteOptions,
  pages: { from: number; to: number } | undefined,
  tolerance: number | undefined,
  timeoutMs: number
): Promise<ConvertTask | FailedInput> {
  let source: ConvertTask['source'] = { path: input.path }
  if (input.path === '-') {
    try {
      // Reading stdin counts against the time limit, as reading a file does in the worker.
      source = { bytes: await readStdin(DEFAULT_MAX_INPUT_BYTES, { ms: timeoutMs, reason: timeLimitReason({ timeoutMs }) }) }
    } catch (error) {
      const reason = error instanceof ConversionError ? error.message : `cannot read stdin: ${(error as Error).message}`
      return { label: input.label, reason }
    }
  }
  return {
    source,
    label: input.label,
    formats,
    write,
    explain: Boolean(flags.explain),
    verbose: Boolean(flags.verbose),
    maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.password !== undefined ? { password: flags.password } : {}),
    ...(pages ? { pages } : {}),
    ...(flags.check ? { check: tolerance === undefined ? {} : { tolerance } } : {})
  }
}
