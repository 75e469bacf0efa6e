/**
 * Redis connections for the queue: URLs checked up front (redis://, rediss://
 * for TLS, with or without a password and a database number), shown without
 * the password, and clients that keep retrying while Redis is away, saying so
 * once per outage rather than failing every command.
 */
import { Redis } from 'ioredis'
import { UsageError } from '../errors.js'

export interface QueueUrl {
  /** The URL as given (with its password: never print it). */
  url: string
  /** For messages: scheme, host, port and database, no credentials. */
  shown: string
}

/** Check a `--queue` URL; throws UsageError (exit 2). */
export function parseQueueUrl(text: string): QueueUrl {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`--queue wants a Redis URL such as redis://127.0.0.1:6379, not '${text.replace(/\/\/[^@/]*@/, '//…@')}'`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new UsageError(`--queue wants a redis:// or rediss:// URL, not ${url.protocol}//…`)
  const db = url.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d{1,2}$/.test(db)) throw new UsageError(`--queue: the database in the URL must be a number, not '${db}'`)
  const shown = `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}${db ? `/${db}` : ''}`
  return { url: text, shown }
}

/**
 * A client that waits out an outage: commands queue until Redis is back
 * (BullMQ needs `maxRetriesPerRequest: null`), reconnecting with backoff.
 * `say` gets one line when the connection is lost and one when it is back.
 */
export function connect(queue: QueueUrl, say: (line: string) => void): Redis {
  const client = new Redis(queue.url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(250 * attempt, 5_000),
    // Reconnect after READONLY (a replica promoted away from under us).
    reconnectOnError: (error) => error.message.startsWith('READONLY')
  })
  let away = false
  client.on('error', (error: NodeJS.ErrnoException) => {
    if (away) return
    away = true
    say(`cannot reach Redis at ${queue.shown} (${error.code ?? error.message}); retrying until it is back`)
  })
  client.on('ready', () => {
    if (!away) return
    away = false
    say(`Redis at ${queue.shown} is back`)
  })
  return client
}
