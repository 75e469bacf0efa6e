/** `docmend check`: report every table total that disagrees with its parts. */
import { readDocument, DEFAULT_MAX_INPUT_BYTES } from '../convert.js'
import { type DocumentCheck, checkDocument } from '../check/check-document.js'
import { formatCheck } from '../check/report.js'
import { ConversionError, UsageError } from '../errors.js'
import type { InputKind } from '../sniff.js'
import { parsePages } from './convert-command.js'
import { readInputFile, readStdin } from '../io/read-input.js'
import { parseTolerance } from './tolerance.js'

export interface CheckFlags {
  from?: InputKind
  tolerance: string
  format: 'text' | 'json'
  password?: string
  pages?: string
  explain?: boolean
  verbose?: boolean
  debug?: boolean
}

/** Exit codes of `docmend check` (1 and 2 keep their meaning for every command). */
export const CHECK_EXIT = { ok: 0, unreadable: 1, findings: 3 } as const

interface InputResult {
  input: string
  check?: DocumentCheck
  error?: string
}

export async function runCheck(inputs: string[], flags: CheckFlags): Promise<number> {
  const tolerance = parseTolerance(flags.tolerance)
  const pages = parsePages(flags.pages)
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('stdin (-) can be read only once')
  const results: InputResult[] = []
  for (const input of inputs) {
    const label = input === '-' ? 'stdin' : input
    try {
      const bytes = input === '-' ? await readStdin(DEFAULT_MAX_INPUT_BYTES) : await readInputFile(input, DEFAULT_MAX_INPUT_BYTES)
      const read = await readDocument(bytes, {
        name: label,
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.password !== undefined ? { password: flags.password } : {}),
        ...(pages ? { pages } : {})
      })
      if (flags.verbose) for (const m of read.messages) process.stderr.write(`docmend: ${label}: ${m.type}: ${m.text}${m.line ? ` (line ${m.line})` : ''}\n`)
      const check = checkDocument(read.doc.tree, { tolerance })
      results.push({ input: label, check })
      if (flags.format === 'text') process.stdout.write(formatCheck(label, check, { explain: Boolean(flags.explain || flags.verbose) }))
    } catch (error) {
      const reason = error instanceof ConversionError ? error.message : `could not read: ${(error as Error)?.message ?? String(error)}`
      process.stderr.write(`docmend: ${label}: ${reason.replace(/\s*\n\s*/g, ' ')}\n`)
      if (flags.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
      results.push({ input: label, error: reason })
    }
  }
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  if (results.some((r) => r.error !== undefined)) return CHECK_EXIT.unreadable
  return results.some((r) => (r.check?.findings.length ?? 0) > 0) ? CHECK_EXIT.findings : CHECK_EXIT.ok
}
