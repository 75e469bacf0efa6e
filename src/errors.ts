/**
 * An input that cannot be converted. The CLI prints its message on one line
 * (`docmend: <file>: <message>`) and exits 1; anything else is a bug.
 */
export class ConversionError extends Error {
  override readonly name = 'ConversionError'
  constructor(
    message: string,
    readonly code: ConversionErrorCode,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export type ConversionErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'corrupt'
  | 'encrypted'
  | 'unsupported'
  | 'timeout'
  | 'limit'

/** A mistake in how docmend was called (bad option value): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
