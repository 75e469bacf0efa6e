/** Queue defaults, apart from the queue code so the CLI's help can show them without loading it. */

export const QUEUE_DEFAULTS = {
  /** BullMQ queue name. */
  name: 'docmend',
  /** Largest input sent through Redis, in MiB (its results travel the same way). */
  maxPayloadMiB: 64,
  /** How long results (and failures) stay in Redis, in hours. */
  keepHours: 24,
  /** Tries per job when a failure is not the input's fault (a worker thread died, Redis went away). */
  attempts: 3,
  /** First retry delay in ms, doubled for each further try. */
  backoffMs: 2_000,
  /** A job whose worker stops renewing its lock for this long is handed to another worker (BullMQ's stall check). */
  stallSeconds: 30
} as const
