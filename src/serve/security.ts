/**
 * Response headers that keep the page and converted documents inert, and the
 * checks that keep other web sites from using a server on loopback.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { HttpError } from './http-error.js'

/** The page: its own script and style files only; no inline script, no plug-ins, no framing. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Anything else (converted files, errors): never run as a page even if opened directly. */
const DATA_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'"

export function securityHeaders(kind: 'page' | 'data'): Record<string, string> {
  return {
    'Content-Security-Policy': kind === 'page' ? PAGE_POLICY : DATA_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store'
  }
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  if (bare === 'localhost') return true
  if (isIP(bare) === 4) return bare.startsWith('127.')
  return bare === '::1'
}

/**
 * The Host values a loopback server answers to, or null when it listens on
 * another address (then the user chose to be reachable under other names).
 * Refusing other names defeats DNS rebinding: a web site whose name resolves
 * to 127.0.0.1 still sends its own name as Host.
 */
export function allowedHosts(host: string, port: number): Set<string> | null {
  if (!isLoopback(host)) return null
  const bracketed = isIP(host) === 6 ? `[${host}]` : host
  return new Set([`${bracketed}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
}

/** Throw 403 for a foreign Host, or for a POST sent by a page of another origin. */
export function checkRequestOrigin(request: IncomingMessage, allowed: Set<string> | null): void {
  const host = (request.headers.host ?? '').toLowerCase()
  if (allowed && !allowed.has(host)) {
    throw new HttpError(403, `this server answers only to ${[...allowed][0]}, not to '${host}'`, 'forbidden-host')
  }
  const origin = request.headers.origin
  if (request.method === 'POST' && origin !== undefined) {
    let originHost: string | undefined
    try {
      originHost = new URL(origin).host.toLowerCase()
    } catch {
      originHost = undefined
    }
    if (originHost !== host) throw new HttpError(403, 'requests from other web sites are refused', 'forbidden-origin')
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Throw 401 unless the request carries the server's key in `X-Api-Key` (compared in constant time). */
export function checkApiKey(request: IncomingMessage, key: string | undefined): void {
  if (key === undefined) return
  const given = request.headers['x-api-key']
  if (typeof given === 'string' && timingSafeEqual(digest(given), digest(key))) return
  throw new HttpError(401, given === undefined ? 'this server needs its API key in an X-Api-Key header' : 'wrong API key', 'unauthorized', {
    'WWW-Authenticate': 'X-Api-Key'
  })
}
