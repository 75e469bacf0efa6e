import type { Doc } from '../ast/types.js'
import type { Message } from '../messages.js'

export interface ReadOptions {
  /** Display name of the input, for messages. */
  name?: string
  /** Password for encrypted PDFs. */
  password?: string
  /** 1-based inclusive page range, for paged inputs. */
  pages?: { from: number; to: number }
}

export interface ReadResult {
  doc: Doc
  messages: Message[]
}

/** Every reader: bytes in, canonical mdast (and resources, messages) out. */
export type Reader = (bytes: Uint8Array, options?: ReadOptions) => Promise<ReadResult>
