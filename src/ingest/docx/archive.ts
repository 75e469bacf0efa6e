/**
 * Open a DOCX zip safely, before any parser sees it: the central directory
 * must be readable, the entry count and the bytes that really come out of
 * decompression are capped (declared sizes can lie), and the main document
 * part must be there. Everything is decompressed here, once, into memory
 * bounded by the caps; mammoth then reads from that map.
 */
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { ConversionError } from '../../errors.js'

export interface ArchiveLimits {
  /** Most entries (files and folders) a DOCX may hold. */
  maxEntries: number
  /** Most bytes all entries may decompress to, together. */
  maxTotalBytes: number
}

/**
 * Generous for real documents (Word files hold tens of parts, a few hundred
 * with many images; their media is already compressed), small enough that a
 * zip bomb stops early.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 512 * 1024 * 1024
}

/** The decompressed entries of a zip, by name. */
export type Entries = Map<string, Uint8Array>

const MIB = 1024 * 1024

/** One line a user can act on, from whatever yauzl or zlib threw. */
function corrupt(error: unknown): ConversionError {
  const reason = error instanceof Error ? error.message : String(error)
  return new ConversionError(`not a valid zip archive (${reason.replace(/\s*\n\s*/g, ' ')})`, 'corrupt', { cause: error })
}

function tooBig(limits: ArchiveLimits): ConversionError {
  return new ConversionError(
    `the zip decompresses to more than ${Math.round(limits.maxTotalBytes / MIB)} MiB (a zip bomb?); refused`,
    'limit'
  )
}

function tooMany(limits: ArchiveLimits): ConversionError {
  return new ConversionError(`the zip holds more than ${limits.maxEntries} entries; refused`, 'limit')
}

/**
 * Read one entry's stream to the end, counting real output bytes against
 * the shared budget and stopping as soon as it is spent.
 */
function drain(stream: Readable, budget: { left: number }, limits: ArchiveLimits): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => {
      budget.left -= chunk.length
      if (budget.left < 0) {
        stream.destroy()
        reject(tooBig(limits))
        return
      }
      chunks.push(chunk)
    })
    stream.on('error', (error) => reject(corrupt(error)))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** Decompress every entry of a zip held in memory, within `limits`. */
export async function readZipEntries(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<Entries> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true })
  } catch (error) {
    throw corrupt(error)
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close()
    throw tooMany(limits)
  }
  const entries: Entries = new Map()
  const budget = { left: limits.maxTotalBytes }
  let seen = 0
  try {
    for (;;) {
      const entry = await nextEntry(zip)
      if (!entry) break
      // The declared count can lie too: count what is really listed.
      if (++seen > limits.maxEntries) throw tooMany(limits)
      if (entry.fileName.endsWith('/')) continue
      // Declared sizes are only a first check; `drain` counts the real bytes.
      if (entry.uncompressedSize > budget.left) throw tooBig(limits)
      let stream: Readable
      try {
        stream = await zip.openReadStreamPromise(entry)
      } catch (error) {
        throw corrupt(error)
      }
      const data = await drain(stream, budget, limits)
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, data)
    }
  } finally {
    zip.close()
  }
  return entries
}

/** The next central-directory entry, or null at the end. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry)
      zip.off('end', onEnd)
      zip.off('error', onError)
    }
    const onEntry = (entry: yauzl.Entry) => {
      cleanup()
      resolve(entry)
    }
    const onEnd = () => {
      cleanup()
      resolve(null)
    }
    const onError = (error: Error) => {
      cleanup()
      reject(corrupt(error))
    }
    zip.on('entry', onEntry)
    zip.on('end', onEnd)
    zip.on('error', onError)
    zip.readEntry()
  })
}
