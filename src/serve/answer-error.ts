/**
 * Answering with an error while the client may still be sending its body (a
 * 413 for an oversized upload, a 415, a 401): closing the connection at once
 * would leave unread bytes, the kernel would reset the connection, and the
 * client would often lose the answer ("broken pipe"). So, as servers do:
 * stop reading into memory, send the answer with `Connection: close`,
 * half-close (FIN after the answer), and keep draining what still arrives for
 * a bounded time before the socket is closed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HttpError } from './http-error.js'
import { securityHeaders } from './security.js'

/** Longest the server keeps reading (and discarding) a refused body after answering. */
export const DRAIN_MS = 5_000

export function sendError(request: IncomingMessage, response: ServerResponse, error: HttpError): void {
  if (response.headersSent) {
    response.destroy()
    return
  }
  const body = JSON.stringify({ error: error.message, code: error.code })
  const unread = !request.complete
  response.writeHead(error.status, {
    ...securityHeaders('data'),
    ...error.headers,
    ...(unread ? { Connection: 'close' } : {}),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body))
  })
  const socket = response.socket
  if (!unread || !socket) {
    response.end(body)
    return
  }
  response.write(body)
  // FIN goes out after the answer; reading goes on, and what arrives is dropped.
  socket.end()
  request.resume()
  const close = () => {
    clearTimeout(timer)
    socket.destroy()
  }
  const timer = setTimeout(close, DRAIN_MS)
  timer.unref()
  socket.once('end', close)
  socket.once('close', () => clearTimeout(timer))
}
