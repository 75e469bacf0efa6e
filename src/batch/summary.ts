/** The lines a batch ends with. Pure: the caller prints them. */

export interface FailedInput {
  label: string
  reason: string
}

/** Any message squeezed onto one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim() || 'unknown error'
}

/** The one line a failed input gets: `docmend: <file>: <reason>`. */
export function failureLine(failure: FailedInput): string {
  return `docmend: ${failure.label}: ${failure.reason}`
}

export interface SummaryInput {
  /** Inputs in the batch, counting arguments that matched nothing. */
  total: number
  failures: FailedInput[]
  elapsedMs: number
  /** Whether a progress bar was shown (and so failures were held back until now). */
  live: boolean
}

/**
 * With a progress bar, failures were held back: list them now, then a count.
 * Without one, each failure was printed when it happened: add only the count,
 * and nothing at all when every file converted (quiet when piped).
 * A single input never gets a summary: its one line says it all.
 */
export function summaryLines(summary: SummaryInput): string[] {
  const { total, failures, live } = summary
  if (total <= 1) return live ? failures.map(failureLine) : []
  const lines = live ? failures.map(failureLine) : []
  const seconds = (summary.elapsedMs / 1000).toFixed(1)
  if (failures.length > 0) lines.push(`docmend: ${failures.length} of ${total} files failed (${total - failures.length} converted in ${seconds} s)`)
  else if (live) lines.push(`docmend: converted ${total} files in ${seconds} s`)
  return lines
}
