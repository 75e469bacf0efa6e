/**
 * What the sandbox can be asked to do, and what comes back. Plain data only:
 * it crosses a worker_threads port (and, in queue mode, Redis), so errors come
 * back as a one-line reason and a code, never as an Error.
 */
import type { DocumentCheck } from '../check/check-document.js'
import type { ConvertTask, TaskFailure, TaskSource, TaskSuccess } from '../batch/task.js'
import type { InputKind } from '../sniff.js'
import type { Preview } from '../preview.js'

/** `docmend check`: read one input and check its table totals. */
export interface CheckTask {
  source: TaskSource
  label: string
  from?: InputKind
  password?: string
  pages?: { from: number; to: number }
  tolerance: number | undefined
  /** Also return reader warnings. */
  verbose: boolean
  maxInputBytes: number
}

/** The web page's view of a document. */
export interface PreviewTask {
  bytes: Uint8Array
  name: string
  from?: InputKind
}

export type SandboxRequest =
  | { kind: 'convert'; task: ConvertTask }
  | { kind: 'check'; task: CheckTask }
  | { kind: 'preview'; task: PreviewTask }

export interface CheckSuccess {
  ok: true
  check: DocumentCheck
  /** Reader warnings (with `verbose`), without the `docmend: <file>: ` prefix. */
  notes: string[]
}

export interface PreviewSuccess {
  ok: true
  preview: Preview
}

/** What each kind of request gives back; every failure is a `TaskFailure`. */
export type SandboxResult<R extends SandboxRequest> = (R extends { kind: 'convert' }
  ? TaskSuccess
  : R extends { kind: 'check' }
    ? CheckSuccess
    : PreviewSuccess) | TaskFailure
