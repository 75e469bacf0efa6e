/** Reading CLI inputs: files or stdin, with clear errors and a size cap. */
import { close, constants, fstat, open, read, readFile } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { ConversionError } from '../errors.js'

/**
 * Read all of stdin, refusing more than `max` bytes. With a time limit, a
 * producer that never finishes (`sleep 1d | docmend convert -`) is given up
 * after `limit.ms`, with `limit.reason`, and stdin is let go so the run can end.
 */
export async function readStdin(max: number, limit?: { ms: number; reason: string }): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  let timer: NodeJS.Timeout | undefined
  let timedOut = false
  if (limit && limit.ms > 0) {
    timer = setTimeout(() => {
      timedOut = true
      process.stdin.destroy()
    }, limit.ms)
  }
  try {
    for await (const chunk of process.stdin) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > max) throw new ConversionError(`input is over the ${max}-byte limit`, 'too-large')
      chunks.push(buffer)
    }
  } catch (error) {
    if (!timedOut) throw error
  } finally {
    clearTimeout(timer)
  }
  if (timedOut) throw new ConversionError(limit!.reason, 'timeout')
  return Buffer.concat(chunks)
}

/**
 * Read a file, turning file-system failures into one-line reasons. The file is
 * opened without blocking: a named pipe nobody writes to would otherwise hold a
 * libuv thread in open() for ever, and Node waits for that thread on exit, so
 * not even Ctrl-C could end the run. Pipes and devices are then polled (below).
 */
export async function readInputFile(path: string, max: number): Promise<Uint8Array> {
  let fd: number | undefined
  try {
    fd = await promisify(open)(path, constants.O_RDONLY | constants.O_NONBLOCK)
    const info = await promisify(fstat)(fd)
    if (info.isDirectory()) throw new ConversionError('is a directory', 'unsupported')
    if (info.isFile()) {
      if (info.size > max) throw new ConversionError(`file is ${info.size} bytes, over the ${max}-byte limit`, 'too-large')
      return await promisify(readFile)(fd)
    }
    return await pollCapped(fd, max)
  } catch (error) {
    if (error instanceof ConversionError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ConversionError('no such file', 'unsupported')
    if (code === 'EACCES' || code === 'EPERM') throw new ConversionError('permission denied', 'unsupported')
    if (code === 'EISDIR') throw new ConversionError('is a directory', 'unsupported')
    throw new ConversionError(`cannot read: ${(error as Error).message}`, 'unsupported')
  } finally {
    if (fd !== undefined) close(fd, () => {})
  }
}

const readAt = promisify(read)

/**
 * Read a pipe or device to its end with non-blocking reads, waiting a little
 * whenever it has nothing yet. Not a `net.Socket` over the descriptor: Node
 * closes such a descriptor twice when the worker thread holding it is
 * terminated (the time limit), and the second close can hit a descriptor the
 * next worker has just opened, which aborts the whole process (seen under load:
 * libuv's epoll_ctl assertion). Plain reads leave nothing for teardown to close.
 */
async function pollCapped(fd: number, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  let wait = 1
  const buffer = Buffer.allocUnsafe(64 * 1024)
  for (;;) {
    let got: number
    try {
      got = (await readAt(fd, buffer, 0, buffer.length, null)).bytesRead
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
      await sleep(wait)
      wait = Math.min(wait * 2, 50)
      continue
    }
    if (got === 0) return Buffer.concat(chunks)
    wait = 1
    size += got
    if (size > max) throw new ConversionError(`input is over the ${max}-byte limit`, 'too-large')
    chunks.push(Buffer.from(buffer.subarray(0, got))) // a copy: a trickle of small reads must not pin 64 KiB each
  }
}
