/** Reading CLI inputs: files or stdin, with clear errors and a size cap. */
import { readFile, stat } from 'node:fs/promises'
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

/** Read a file, turning file-system failures into one-line reasons. */
export async function readInputFile(path: string, max: number): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new ConversionError('is a directory', 'unsupported')
    if (info.size > max) throw new ConversionError(`file is ${info.size} bytes, over the ${max}-byte limit`, 'too-large')
    return await readFile(path)
  } catch (error) {
    if (error instanceof ConversionError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ConversionError('no such file', 'unsupported')
    if (code === 'EACCES' || code === 'EPERM') throw new ConversionError('permission denied', 'unsupported')
    if (code === 'EISDIR') throw new ConversionError('is a directory', 'unsupported')
    throw new ConversionError(`cannot read: ${(error as Error).message}`, 'unsupported')
  }
}
