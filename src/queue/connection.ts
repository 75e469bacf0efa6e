/**
 * Redis connections for the queue: URLs checked up front (redis://, rediss://
 * for TLS, with or without a password and a database number), shown without
 * the password, and clients that keep retrying while Redis is away, saying so
 * once per outage rather than failing every command.
 */
import { readFileSync } from 'node:fs'
import type { ConnectionOptions as TlsOptions } from 'node:tls'
import { Redis } from 'ioredis'
import { UsageError } from '../errors.js'

export interface QueueUrl {
  /** The URL as given (with its password: never print it). */
  url: string
  /** For messages: scheme, host, port and database, no credentials. */
  shown: string
  /** For rediss://: the certificates to trust and to show (from the environment); the server's certificate is always verified. */
  tls?: TlsOptions
}

/** Environment variables naming PEM files for rediss://: the CA that signed Redis's certificate, and a client certificate and key when Redis asks for one. */
export const TLS_ENV = { ca: 'DOCMEND_REDIS_CA', cert: 'DOCMEND_REDIS_CERT', key: 'DOCMEND_REDIS_KEY' } as const

/** TLS options from the environment (files read now, so a wrong path is a usage error, not an endless reconnect). */
export function tlsFromEnv(env: NodeJS.ProcessEnv): TlsOptions {
  const options: TlsOptions = {}
  for (const [field, name] of Object.entries(TLS_ENV) as [keyof typeof TLS_ENV, string][]) {
    const path = env[name]
    if (!path) continue
    try {
      options[field] = readFileSync(path)
    } catch (error) {
      throw new UsageError(`${name}: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  }
  if (Boolean(options.cert) !== Boolean(options.key)) throw new UsageError(`${TLS_ENV.cert} and ${TLS_ENV.key} go together: a client certificate needs its key`)
  return options
}

/** Check a `--queue` URL; throws UsageError (exit 2). `env` gives rediss:// its certificates. */
export function parseQueueUrl(text: string, env: NodeJS.ProcessEnv = process.env): QueueUrl {
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
  if (url.protocol === 'rediss:') return { url: text, shown, tls: tlsFromEnv(env) }
  return { url: text, shown }
}

/** Why a connection failed, for the one line said about it. */
function reasonOf(error: NodeJS.ErrnoException, tls: boolean): string {
  const code = error.code ?? ''
  // Redis with TLS resets a client that shows no certificate when it asks for one (tls-auth-clients).
  if (tls && code === 'ECONNRESET') return `${code}: if this Redis asks clients for a certificate, set ${TLS_ENV.cert} and ${TLS_ENV.key}`
  if (/CERT|SIGNATURE|SELF_SIGNED|ISSUER/.test(code)) return `${code}: Redis's certificate is not trusted; set ${TLS_ENV.ca} to the file of the CA that signed it`
  if (/^(WRONGPASS|NOAUTH)/.test(error.message)) return `${error.message.split(/[.\n]/)[0]}: check the password in the URL`
  return code || error.message
}

/**
 * A client that waits out an outage: commands queue until Redis is back
 * (BullMQ needs `maxRetriesPerRequest: null`), reconnecting with backoff.
 * `say` gets one line when the connection is lost and one when it is back.
 */
export function connect(queue: QueueUrl, say: (line: string) => void): Redis {
  const client = new Redis(queue.url, {
    ...(queue.tls ? { tls: queue.tls } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(250 * attempt, 5_000),
    // Reconnect after READONLY (a replica promoted away from under us).
    reconnectOnError: (error) => error.message.startsWith('READONLY')
  })
  let away = false
  client.on('error', (error: NodeJS.ErrnoException) => {
    if (away) return
    away = true
    say(`cannot reach Redis at ${queue.shown} (${reasonOf(error, queue.tls !== undefined)}); retrying until it is back`)
  })
  client.on('ready', () => {
    if (!away) return
    away = false
    say(`Redis at ${queue.shown} is back`)
  })
  return client
}
