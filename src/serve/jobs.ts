/**
 * What the server asks a conversion worker to do, and what comes back.
 * Plain data only: it crosses a worker_threads message port.
 */
import type { Format, WriteOptions } from '../emit/types.js'
import type { InputKind } from '../sniff.js'

/** `preview`: the page's view (sanitized HTML fragment + table reports), as JSON. */
export type Target = Format | 'preview'

export interface ConversionJob {
  bytes: Uint8Array
  to: Target
  /** Input kind; sniffed from the bytes when absent. */
  from?: InputKind
  /** Display name of the input, for messages. */
  name: string
  write: WriteOptions
}

