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
  /** Most bytes all entries may decompress to, together, whatever the input's size. */
  maxTotalBytes: number
  /** Most bytes all entries may decompress to per byte of input… */
  maxRatio: number
  /** …except that this much is always allowed. */
  ratioFloorBytes: number
}

const MIB = 1024 * 1024

/**
 * Generous for real documents (Word files hold tens of parts, a few hundred
 * with many images; XML compresses about 10:1 and media hardly at all), tight
 * enough that a zip bomb stops early: a 100 KB file may expand to 64 MiB, a
 * 3 MB one to 300 MiB, nothing to more than 512 MiB.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 512 * MIB,
  maxRatio: 100,
  ratioFloorBytes: 64 * MIB
}

/** Bytes an input of `size` bytes may decompress to. */
export function decompressionBudget(size: number, limits: ArchiveLimits): number {
  return Math.min(limits.maxTotalBytes, Math.max(limits.ratioFloorBytes, limits.maxRatio * size))
}

/** The decompressed entries of a zip, by name. */
export type Entries = Map<string, Uint8Array>

/** One line a user can act on, from whatever yauzl or zlib threw. */
function corrupt(error: unknown): ConversionError {
  const reason = error instanceof Error ? error.message : String(error)
  // yauzl's check that an entry inflates to exactly its declared size.
  if (/too many bytes in the stream/.test(reason)) {
    return new ConversionError('an entry of the zip decompresses to more bytes than it declares (a zip bomb?); refused', 'limit', { cause: error })
  }
  return new ConversionError(`not a valid zip archive: ${zipProblem(reason)}`, 'corrupt', { cause: error })
}

/** yauzl's messages name record signatures and offsets; a person needs to know what is wrong with the file. */
function zipProblem(internal: string): string {
  if (/end of central directory|truncated|unexpected eof|offset|out of range|too short/i.test(internal)) return 'it is cut short or its index is damaged'
  if (/encrypt/i.test(internal)) return 'it is encrypted'
  if (/compression method|unsupported/i.test(internal)) return 'it uses a compression method Word documents do not use'
  if (/invalid|signature|header|crc|checksum/i.test(internal)) return 'its contents are damaged'
  return 'it could not be read'
}

function tooBig(budget: number): ConversionError {
  return new ConversionError(`the zip decompresses to more than ${Math.round(budget / MIB)} MiB (a zip bomb?); refused`, 'limit')
}

function tooMany(limits: ArchiveLimits): ConversionError {
  return new ConversionError(`the zip holds more than ${limits.maxEntries} entries; refused`, 'limit')
}

/**
 * Read one entry's stream to the end, counting real output bytes against
 * the shared budget and stopping as soon as it is spent.
 */
function drain(stream: Readable, budget: { total: number; left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => {
      budget.left -= chunk.length
      if (budget.left < 0) {
        stream.destroy()
        reject(tooBig(budget.total))
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
  const total = decompressionBudget(bytes.length, limits)
  const budget = { total, left: total }
  let seen = 0
  try {
    for (;;) {
      const entry = await nextEntry(zip)
      if (!entry) break
      // The declared count can lie too: count what is really listed.
      if (++seen > limits.maxEntries) throw tooMany(limits)
      if (entry.fileName.endsWith('/')) continue
      // Declared sizes are only a first check; `drain` counts the real bytes.
      if (entry.uncompressedSize > budget.left) throw tooBig(total)
      let stream: Readable
      try {
        stream = await zip.openReadStreamPromise(entry)
      } catch (error) {
        throw corrupt(error)
      }
      const data = await drain(stream, budget)
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
