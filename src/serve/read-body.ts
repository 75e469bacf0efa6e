/** A request body read into memory, refusing anything over a size cap. */
import type { IncomingMessage } from 'node:http'
import { HttpError } from './http-error.js'
import { type Claim, busyWithUploads } from './memory-budget.js'

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024)
  return `${mib >= 10 || Number.isInteger(mib) ? Math.round(mib) : mib.toFixed(1)} MiB`
}

export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    `the document is larger than this server's ${formatMiB(maxBytes)} limit (docmend serve --max-size raises it)`,
    'too-large'
  )
}

/**
 * Read the body, or throw a 413 HttpError as soon as it is too large (or a
 * 503 when it no longer fits the server's memory budget). A declared length
 * was already checked (upload.ts). What is left of the body is then the
 * answer's business (answer-error.ts: answered at once, the rest drained for
 * a bounded time).
 */
export function readBody(request: IncomingMessage, maxBytes: number, claim: Claim): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes && claim.cover(size)) {
        chunks.push(chunk)
        return
      }
      request.off('data', onData)
      chunks.length = 0
      reject(size > maxBytes ? tooLarge(maxBytes) : busyWithUploads())
    }
    request.on('data', onData)
    request.once('end', () => resolve(Buffer.concat(chunks)))
    request.once('error', reject)
  })
}
