/**
 * What travels through Redis: a conversion task with its input bytes, and
 * its result. BullMQ stores JSON, so bytes go as base64; failures go as
 * BullMQ's one-line `failedReason`, their code in front (`[corrupt] …`).
 */
import { createHash } from 'node:crypto'
import type { ConvertTask, TaskFailure, TaskSuccess } from '../batch/task.js'

type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire }

/** A value with every Uint8Array as `{ $b64 }`, ready for JSON. */
export function toWire(value: unknown): Wire {
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') }
  if (Array.isArray(value)) return value.map(toWire)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Wire> = {}
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = toWire(v)
    return out
  }
  return value as Wire
}

/** The inverse of `toWire`. */
export function fromWire<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((v) => fromWire(v)) as T
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.$b64 === 'string' && Object.keys(record).length === 1) return new Uint8Array(Buffer.from(record.$b64, 'base64')) as T
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(record)) out[key] = fromWire(v)
    return out as T
  }
  return value as T
}

/** A task whose input travels with it. */
export type QueuedTask = ConvertTask & { source: { bytes: Uint8Array } }

/**
 * The job id: a hash of the input bytes and everything that shapes the
 * output (formats, options, the name messages and titles use), so the same
 * submission finds the job, and the result, of the first.
 */
export function jobIdFor(task: QueuedTask): string {
  const { source, ...options } = task
  const hash = createHash('sha256').update(source.bytes).update('\0').update(JSON.stringify(toWire(options)))
  return `c${hash.digest('hex').slice(0, 40)}`
}

/** A failure as BullMQ's `failedReason`. */
export function failedReasonOf(failure: TaskFailure): string {
  return `[${failure.code}] ${failure.reason}`
}

/** BullMQ's `failedReason` as a failure (a reason without a code is BullMQ's own: internal). */
export function failureFrom(failedReason: string | undefined): TaskFailure {
  const m = /^\[([a-z-]+)\] ([^]*)$/.exec(failedReason ?? '')
  if (m) return { ok: false, code: m[1] as TaskFailure['code'], reason: m[2]! }
  return { ok: false, code: 'internal', reason: `could not convert: ${failedReason || 'the job failed'}` }
}

export type WireResult = Wire
export const resultToWire = (result: TaskSuccess): Wire => toWire(result)
export const resultFromWire = (wire: unknown): TaskSuccess => fromWire<TaskSuccess>(wire)
