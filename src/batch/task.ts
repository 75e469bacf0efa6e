/**
 * What crosses the thread boundary between the CLI and a conversion worker.
 * Plain data only: errors come back as a reason string, never as an Error
 * (its class would not survive structured cloning).
 */
import type { CheckOptions } from '../check/check-table.js'
import type { Format, WriteOptions } from '../emit/types.js'
import type { ConversionErrorCode } from '../errors.js'
import type { InputKind } from '../sniff.js'

/** Where a worker gets its input: a file it reads itself, or bytes the CLI already read (stdin). */
export type TaskSource = { path: string } | { bytes: Uint8Array }

export interface ConvertTask {
    source: TaskSource
  /** How the input is named in messages (`stdin` for `-`). */
  label: string
  formats: Format[]
  from?: InputKind
  password?: string
  pages?: { from: number; to: number }
  write: WriteOptions
  /** Check table totals (`--check`); mismatches always come back as notes. */
  check?: CheckOptions
  /** Also return `--explain` lines. */
  explain: boolean
  /** Also return reader and writer warnings. */
  verbose: boolean
  /** Largest input accepted, in bytes. */
  maxInputBytes: number
}

export interface TaskResource {
  path: string
  bytes: Uint8Array
}

export interface TaskSuccess {
  ok: true
  outputs: Partial<Record<Format, string | Uint8Array>>
  resources: TaskResource[]
  /** Lines for stderr (`--explain`, `--verbose`), without the `docmend: <file>: ` prefix. */
  notes: string[]
}

export interface TaskFailure {
  ok: false
  /** One-line reason, as printed after `docmend: <file>: `. */
  reason: string
  /**
   * Why, for machines: the input's fault (a `ConversionError` code, `timeout`
   * and `limit` included), or `internal` (a bug, or a worker that died).
   */
  code: ConversionErrorCode | 'internal'
  /** Stack trace, for `--debug`. */
  stack?: string
}

export type TaskResult = TaskSuccess | TaskFailure
