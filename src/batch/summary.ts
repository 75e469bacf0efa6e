/** The lines a batch ends with. Pure: the caller prints them. */
import { printable } from '../text/printable.js'

export interface FailedInput {
  label: string
  reason: string
}

/** Any message squeezed onto one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim() || 'unknown error'
}

/** One message line about one input, `docmend: <file>: <text>`, whatever the name or the text holds. */
export function inputLine(label: string, text: string): string {
  return `docmend: ${printable(label)}: ${printable(oneLine(text))}`
}

/** The one line a failed input gets: `docmend: <file>: <reason>`. */
export function failureLine(failure: FailedInput): string {
  return inputLine(failure.label, failure.reason)
}

export interface SummaryInput {
  /** Inputs in the batch, counting arguments that matched nothing. */
  total: number
  failures: FailedInput[]
  elapsedMs: number
  /** Whether a progress bar was shown (and so failures were held back until now). */
  live: boolean
  /** Inputs left alone because their outputs were up to date (`--skip-existing`). */
  skipped?: number
}

/**
 * With a progress bar (a terminal), failures were held back: list them now,
 * then a count. Without one (piped, logged), each failure was printed when it
 * happened and nothing is added: stderr holds exactly one line per failed
 * file, which scripts rely on.
 */
export function summaryLines(summary: SummaryInput): string[] {
  const { total, failures, live } = summary
  const skipped = summary.skipped ?? 0
  const skippedLine = `docmend: skipped ${skipped} file${skipped === 1 ? '' : 's'} whose outputs are up to date`
  if (!live) return skipped > 0 ? [skippedLine] : []
  const lines = failures.map(failureLine)
  const seconds = (summary.elapsedMs / 1000).toFixed(1)
  if (failures.length > 0) lines.push(`docmend: ${failures.length} of ${total} files failed (${total - failures.length} converted in ${seconds} s)`)
  else lines.push(`docmend: converted ${total} files in ${seconds} s`)
  if (skipped > 0) lines.push(skippedLine)
  return lines
}
