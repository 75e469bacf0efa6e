/** An HTTP failure with a status and a one-line reason the page shows as it is. */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    message: string,
    /** A stable word for scripts, e.g. `too-large`. */
    readonly code: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}
