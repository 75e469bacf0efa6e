/**
 * The bytes `serve` holds on its main thread at once: request bodies while
 * they are read and converted, and the answers while they are sent. Without
 * a bound, 64 connections × 50 MiB uploads could all sit in memory before a
 * worker takes any of them; with it, an upload that does not fit gets a 503
 * with Retry-After before its body is read (or as soon as it stops fitting,
 * for a body of undeclared length).
 */
import { HttpError } from './http-error.js'

export interface Budget {
  /** A claim for one request, released when its answer has been sent (or it failed). */
  claim(): Claim
}

export interface Claim {
  /** Make this claim hold at least `size` bytes in all, if the budget has room; false (nothing more held) if it does not. */
  cover(size: number): boolean
  /** Hold n more bytes whether or not they fit: an answer already made must still be sent. New uploads wait until it is. */
  hold(n: number): void
  /** Give everything back; later calls do nothing. */
  release(): void
}

export function createBudget(limit: number): Budget {
  let held = 0
  return {
    claim() {
      let mine = 0
      let open = true
      return {
        cover(size) {
          if (!open) return false
          if (size <= mine) return true
          if (held + size - mine > limit) return false
          held += size - mine
          mine = size
          return true
        },
        hold(n) {
          if (!open) return
          held += n
          mine += n
        },
        release() {
          if (!open) return
          open = false
          held -= mine
          mine = 0
        }
      }
    }
  }
}

/** The 503 for an upload that does not fit now. */
export function busyWithUploads(): HttpError {
  return new HttpError(
    503,
    'the server is holding as many uploads as its memory budget allows (docmend serve --max-buffered raises it); try again shortly',
    'busy',
    { 'Retry-After': '5' }
  )
}
