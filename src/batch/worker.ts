/**
 * A conversion worker (run by the pool in src/batch/pool.ts): reads one input,
 * runs the whole pipeline, and hands the outputs back. It never writes files:
 * the CLI does, atomically, so a worker that is stopped mid-way leaves nothing.
 */
import { parentPort } from 'node:worker_threads'
import { explainTables } from '../ast/explain-tables.js'
import { readInputFile } from '../io/read-input.js'
import { convert } from '../convert.js'
import { ConversionError } from '../errors.js'
import type { TaskStarted } from './pool.js'
import { oneLine } from './summary.js'
import type { ConvertTask, TaskFailure, TaskResult } from './task.js'

/** Anything thrown, as the one line the CLI prints. */
export function failureOf(error: unknown): TaskFailure {
  const reason =
    error instanceof ConversionError ? error.message : `could not convert: ${(error as Error)?.message ?? String(error)}`
  const failure: TaskFailure = { ok: false, reason: oneLine(reason) }
  if (error instanceof Error && error.stack) failure.stack = error.stack
  return failure
}

export default async function convertTask(task: ConvertTask): Promise<TaskResult> {
  if (task.id !== undefined) parentPort?.postMessage({ docmendTaskStarted: task.id } satisfies TaskStarted)
  try {
    const bytes = 'path' in task.source ? await readInputFile(task.source.path, task.maxInputBytes) : task.source.bytes
    const result = await convert(bytes, {
      to: task.formats,
      name: task.label,
      maxInputBytes: task.maxInputBytes,
      ...(task.from ? { from: task.from } : {}),
      ...(task.password !== undefined ? { password: task.password } : {}),
      ...(task.pages ? { pages: task.pages } : {}),
      ...(task.check ? { check: task.check } : {}),
      ...task.write
    })
    const notes: string[] = []
    if (task.explain) notes.push(...explainTables(result.doc.tree))
    for (const m of result.messages) {
      // Totals that do not add up are what --check asks for: always shown.
      if (task.verbose || m.code === 'check-total-mismatch') notes.push(oneLine(`${m.type}: ${m.text}${m.line ? ` (line ${m.line})` : ''}`))
    }
    return {
      ok: true,
      outputs: result.outputs,
      resources: result.doc.resources.map((r) => ({ path: r.path, bytes: r.bytes })),
      notes
    }
  } catch (error) {
    return failureOf(error)
  }
}
