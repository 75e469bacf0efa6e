/** Warnings travel with values as data, never printed from inside a stage. */

export type MessageCode =
  | 'table-repaired'
  | 'table-ragged-row'
  | 'span-clamped'
  | 'span-overlap'
  | 'encoding-detected'
  | 'docx-warning'
  | 'pdf-warning'
  | 'pdf-warning-glyph'
  | 'image-skipped'
  | 'image-left-out'
  | 'unsafe-url-dropped'
  | 'unknown-node'
  | 'check-total-mismatch'
  | 'nesting-flattened'

/**
 * Warnings about what a user will see wrong in the output itself (totals that
 * do not add up, characters drawn as empty boxes, a picture left out of a
 * standalone page): printed without `-v`.
 */
export const ALWAYS_SHOWN: ReadonlySet<MessageCode> = new Set<MessageCode>(['check-total-mismatch', 'pdf-warning-glyph', 'image-left-out'])

export interface Message {
  type: 'warning' | 'info'
  code: MessageCode
  text: string
  /** 1-based line in the source, when known. */
  line?: number
}

export interface Result<T> {
  value: T
  messages: Message[]
}

export function warning(code: MessageCode, text: string, line?: number): Message {
  return line === undefined ? { type: 'warning', code, text } : { type: 'warning', code, text, line }
}

export function info(code: MessageCode, text: string, line?: number): Message {
  return line === undefined ? { type: 'info', code, text } : { type: 'info', code, text, line }
}

/** Concatenate message lists, dropping exact duplicates. */
export function combineMessages(...lists: Message[][]): Message[] {
  const seen = new Set<string>()
  const out: Message[] = []
  for (const list of lists) {
    for (const m of list) {
      const key = `${m.type}\u0000${m.code}\u0000${m.text}\u0000${m.line ?? ''}`
      if (!seen.has(key)) {
        seen.add(key)
        out.push(m)
      }
    }
  }
  return out
}
