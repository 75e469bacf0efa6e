/**
 * The sandbox's worker thread (run by src/sandbox/pool.ts): reads one input,
 * runs the pipeline, and hands the result back as plain data. It never writes
 * files: the caller does, atomically, so a worker stopped mid-way leaves nothing.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ConvertTask, TaskFailure, TaskResult, TaskSource } from '../batch/task.js'
import { oneLine } from '../batch/summary.js'
import { explainTables } from '../ast/explain-tables.js'
import { readInputFile } from '../io/read-input.js'
import { convert, preloadStages, readDocument } from '../convert.js'
import { ConversionError } from '../errors.js'
import { ALWAYS_SHOWN, type Message } from '../messages.js'
import type { TaskStarted } from './pool.js'
import type { CheckTask, PreviewTask, SandboxRequest } from './requests.js'

/** Anything thrown, as the one line the CLI prints. */
export function failureOf(error: unknown): TaskFailure {
  const failure: TaskFailure =
    error instanceof ConversionError
      ? { ok: false, reason: oneLine(error.message), code: error.code }
      : { ok: false, reason: oneLine(`could not convert: ${(error as Error)?.message ?? String(error)}`), code: 'internal' }
  if (error instanceof Error && error.stack) failure.stack = error.stack
  return failure
}

function messageLine(m: Message): string {
  return oneLine(`${m.type}: ${m.text}${m.line ? ` (line ${m.line})` : ''}`)
}

function bytesOf(source: TaskSource, max: number): Promise<Uint8Array> | Uint8Array {
  return 'path' in source ? readInputFile(source.path, max) : source.bytes
}

async function runConvert(task: ConvertTask): Promise<TaskResult> {
  const result = await convert(await bytesOf(task.source, task.maxInputBytes), {
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
  for (const m of result.messages) if (task.verbose || ALWAYS_SHOWN.has(m.code)) notes.push(messageLine(m))
  return {
    ok: true,
    outputs: result.outputs,
    resources: result.doc.resources.map((r) => ({ path: r.path, bytes: r.bytes })),
    notes
  }
}

async function runCheck(task: CheckTask) {
  const read = await readDocument(await bytesOf(task.source, task.maxInputBytes), {
    name: task.label,
    maxInputBytes: task.maxInputBytes,
    ...(task.from ? { from: task.from } : {}),
    ...(task.password !== undefined ? { password: task.password } : {}),
    ...(task.pages ? { pages: task.pages } : {})
  })
  const { checkDocument } = await import('../check/check-document.js')
  const check = checkDocument(read.doc.tree, { tolerance: task.tolerance })
  return { ok: true as const, check, notes: task.verbose ? read.messages.map(messageLine) : [] }
}

async function runPreview(task: PreviewTask) {
  const { previewDocument } = await import('../preview.js')
  return { ok: true as const, preview: await previewDocument(task.bytes, { name: task.name, ...(task.from ? { from: task.from } : {}) }) }
}

const warm: Promise<void> | undefined = (workerData as { warm?: boolean } | undefined)?.warm ? preloadStages() : undefined

export default async function runRequest({ id, request }: { id: number; request: SandboxRequest }) {
  await warm
  parentPort?.postMessage({ docmendTaskStarted: id } satisfies TaskStarted)
  try {
    switch (request.kind) {
      case 'convert':
        return await runConvert(request.task)
      case 'check':
        return await runCheck(request.task)
      case 'preview':
        return await runPreview(request.task)
    }
  } catch (error) {
    return failureOf(error)
  }
}
