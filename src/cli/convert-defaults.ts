/** The limits every conversion runs under by default, apart from `convert` so the CLI's help can show them without loading it. */
import { DEFAULT_WORKER_HEAP_MB } from '../limits.js'

export const DEFAULT_TIMEOUT_SECONDS = 120
export const DEFAULT_MAX_MEMORY_MB = DEFAULT_WORKER_HEAP_MB
