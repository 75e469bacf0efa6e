/** Limits shared by the pipeline and the CLI (kept apart so the CLI can know them without loading the pipeline). */

/** Largest input accepted by default: 256 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024

/**
 * Heap cap of a conversion worker, in MiB. V8 sizes a heap from its cap: a
 * 1,000-page DOCX (about 300 MiB live) peaked at 990 MiB of process memory
 * under a 2048 MiB cap and at about 480 MiB under this one, no slower
 * (bench/memory.bench.mjs), while leaving room for documents that really need it.
 */
export const DEFAULT_WORKER_HEAP_MB = 1536
