/** Reading CLI inputs: files or stdin, with clear errors and a size cap. */
import { close, constants, createReadStream, fstat, open, readFile } from 'node:fs'
import { Socket } from 'node:net'
import { promisify } from 'node:util'
import { ConversionError } from '../errors.js'

/** Read all of stdin, refusing more than `max` bytes. */
export async function readStdin(max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > max) throw new ConversionError(`input is over the ${max}-byte limit`, 'too-large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * Read a file, turning file-system failures into one-line reasons. The file is
 * opened without blocking: a named pipe nobody writes to would otherwise hold a
 * libuv thread in open() for ever, and Node waits for that thread on exit, so
 * not even Ctrl-C could end the run. Pipes and devices are read as streams.
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
    const stream = info.isFIFO() || info.isSocket() ? new Socket({ fd, readable: true, writable: false }) : createReadStream('', { fd })
    fd = undefined // the stream owns it now
    return await readCapped(stream, max)
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

async function readCapped(stream: NodeJS.ReadableStream & { destroy(): void }, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > max) throw new ConversionError(`input is over the ${max}-byte limit`, 'too-large')
      chunks.push(buffer)
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks)
}
