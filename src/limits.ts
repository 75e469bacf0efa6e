/** Limits shared by the pipeline and the CLI (kept apart so the CLI can know them without loading the pipeline). */

/** Largest input accepted by default: 256 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024
