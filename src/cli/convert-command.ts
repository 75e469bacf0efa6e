/**
 * `docmend convert`: inputs (files, folders, globs, stdin) → outputs on disk
 * or stdout. Conversions run on a pool of worker threads (src/batch/), each
 * bounded in time and memory; outputs are written here, atomically.
 */
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { expandInputs, type ExpandedInput } from '../batch/expand-inputs.js'
import { type OutputTarget, findCollisions, outputsFor, plannedFiles } from '../batch/output-plan.js'
import { type BatchItem, runBatch } from '../batch/run-batch.js'
import type { FailedInput } from '../batch/summary.js'
import type { ConvertTask } from '../batch/task.js'
import { FORMATS, type Format, type WriteOptions } from '../emit/types.js'
import { ConversionError, UsageError } from '../errors.js'
import { writeFilesAtomic } from '../io/atomic-write.js'
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_WORKER_HEAP_MB } from '../limits.js'
import type { InputKind } from '../sniff.js'
import { parseTolerance } from './tolerance.js'
import { readStdin } from '../io/read-input.js'

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
}

/** Defaults for the limits every conversion runs under. */
export const DEFAULT_TIMEOUT_SECONDS = 120
export const DEFAULT_MAX_MEMORY_MB = DEFAULT_WORKER_HEAP_MB

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
export function parseLimits(flags: ConvertFlags): { jobs: number; timeoutMs: number; maxMemoryMb: number } {
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
    ...(flags.embedImages || target.kind === 'stdout' ? { embedImages: true } : {}),
    ...pdf
  }
  const needsMedia = formats.some((f) => f === 'md' || f === 'json' || (f === 'html' && !write.embedImages))

  const failedEarly: FailedInput[] = [...expansion.problems]
  const planned = expansion.inputs.map((input) => ({ input, label: input.label, outputs: outputsFor(input, formats, target) }))
  const clashes = findCollisions(planned)
  const items: BatchItem[] = []
  for (const [index, { input, outputs }] of planned.entries()) {
    const clash = clashes.get(index)
    if (clash !== undefined) {
      failedEarly.push({ label: input.label, reason: clash })
      continue
    }
    const task = await taskFor(input, flags, formats, { ...write, mediaBase: `${outputs.stem}_media` }, pages, tolerance)
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

  const outcome = await runBatch(items, {
    ...limits,
    stderr: process.stderr,
    failedEarly,
    ...(flags.debug ? { debug: true } : {})
  })
  return outcome.failures.length > 0 ? 1 : 0
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
  tolerance: number | undefined
): Promise<ConvertTask | FailedInput> {
  let source: ConvertTask['source'] = { path: input.path }
  if (input.path === '-') {
    try {
      source = { bytes: await readStdin(DEFAULT_MAX_INPUT_BYTES) }
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
