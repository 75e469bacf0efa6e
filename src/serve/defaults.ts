/** The server's defaults, apart from the server so the CLI's help can show them without loading it. */
export const SERVE_DEFAULTS = { port: 8080, host: '127.0.0.1', maxInputBytes: 50 * 1024 * 1024, timeoutMs: 60_000, maxConnections: 64 } as const

/** The same defaults as `docmend serve` flag values. */
export const SERVE_FLAG_DEFAULTS = {
  port: String(SERVE_DEFAULTS.port),
  host: SERVE_DEFAULTS.host,
  maxSize: String(SERVE_DEFAULTS.maxInputBytes / (1024 * 1024)),
  timeout: String(SERVE_DEFAULTS.timeoutMs / 1000),
  maxConnections: String(SERVE_DEFAULTS.maxConnections)
} as const

/** The environment variable `docmend serve` takes its API key from when --api-key is not given. */
export const API_KEY_ENV = 'DOCMEND_API_KEY'
