/**
 * What Ctrl-C (SIGINT) and SIGTERM do. By default the CLI removes its
 * half-written files and exits at once; a command may say something first
 * (`convert --queue`: how to collect the results later) or take the signal
 * over entirely (`worker`: finish the jobs it holds).
 */
type Handler = (signal: 'SIGINT' | 'SIGTERM') => boolean

const handlers = new Set<Handler>()

/** Run `handler` on a signal; when it returns true the CLI does not exit. Returns the undo. */
export function onInterrupt(handler: Handler): () => void {
  handlers.add(handler)
  return () => handlers.delete(handler)
}

/** Called by the CLI's signal handler: true when a handler took the signal over. */
export function runInterruptHandlers(signal: 'SIGINT' | 'SIGTERM'): boolean {
  let kept = false
  for (const handler of handlers) kept = handler(signal) || kept
  return kept
}
