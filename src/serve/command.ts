/** `docmend serve`: start the web page's server and keep it running until Ctrl+C. */
import { UsageError } from '../errors.js'
import { API_KEY_ENV } from './defaults.js'
import { isLoopback } from './security.js'
import { startServer } from './server.js'

export interface ServeFlags {
  port: string
  host: string
  maxSize: string
  timeout: string
  apiKey?: string
  maxConnections: string
  maxBuffered?: string
  queue?: string
  queueName: string
  maxPayload: string
  keep: string
}

function number(value: string, flag: string, ok: (n: number) => boolean, want: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || !ok(n)) throw new UsageError(`${flag} wants ${want}, not '${value}'`)
  return n
}

/** The queue's payload cap and retention from the flags (as `convert --queue`). */
function parseQueueSettings(flags: ServeFlags): { maxPayloadBytes: number; keepSeconds: number } {
  const maxPayload = number(flags.maxPayload, '--max-payload', (n) => n > 0 && n <= 512, 'MiB from 0 to 512')
  const keep = number(flags.keep, '--keep', (n) => n > 0 && n <= 24 * 365, 'hours (more than 0)')
  return { maxPayloadBytes: Math.round(maxPayload * 1024 * 1024), keepSeconds: Math.round(keep * 3600) }
}

/** Returns the exit code; while the server runs it does not return. */
export async function runServe(flags: ServeFlags): Promise<number> {
  const port = number(flags.port, '--port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port from 0 to 65535')
  const maxSizeMiB = number(flags.maxSize, '--max-size', (n) => n > 0 && n <= 1024, 'a size in MiB from 0 to 1024')
  const timeout = number(flags.timeout, '--timeout', (n) => n > 0 && n <= 3600, 'a number of seconds from 0 to 3600')
  const maxConnections = number(flags.maxConnections, '--max-connections', (n) => Number.isInteger(n) && n >= 1 && n <= 10_000, 'a whole number from 1 to 10000')
  const maxBufferedMiB =
    flags.maxBuffered === undefined ? undefined : number(flags.maxBuffered, '--max-buffered', (n) => n >= maxSizeMiB && n <= 65_536, `a size in MiB from --max-size (${maxSizeMiB}) to 65536`)
  const host = flags.host.trim()
  if (!host) throw new UsageError('--host wants an address such as 127.0.0.1')
  const apiKey = flags.apiKey ?? (process.env[API_KEY_ENV] || undefined)
  if (apiKey !== undefined && apiKey.length < 16) throw new UsageError('--api-key wants at least 16 characters')
  if (!isLoopback(host) && apiKey === undefined) {
    throw new UsageError(`listening on ${host} needs an API key, so that only those you give it to can convert: --api-key or ${API_KEY_ENV}`)
  }
  let queue
  if (flags.queue !== undefined) {
    const { parseQueueUrl } = await import('../queue/connection.js')
    queue = { queue: parseQueueUrl(flags.queue), queueName: flags.queueName, ...parseQueueSettings(flags) }
  }
  let server
  try {
    server = await startServer({
      port,
      host,
      maxInputBytes: Math.round(maxSizeMiB * 1024 * 1024),
      timeoutMs: Math.round(timeout * 1000),
      maxConnections,
      ...(maxBufferedMiB !== undefined ? { maxBufferedBytes: Math.round(maxBufferedMiB * 1024 * 1024) } : {}),
      ...(apiKey !== undefined ? { apiKey } : {}),
      ...(queue ? { queue } : {})
    })
  } catch (error) {
    process.stderr.write(`docmend: serve: ${(error as Error).message}\n`)
    return 1
  }
  if (!isLoopback(host)) {
    process.stderr.write(`docmend: warning: listening on ${host}: anyone who can reach this machine can load the page; the API asks for the key\n`)
  }
  process.stdout.write(`docmend serve: open ${server.url} in a browser (Ctrl+C stops)\n`)
  // Runs until a signal ends the process; the 'exit' hook removes the temp folder.
  return new Promise<number>(() => {})
}

