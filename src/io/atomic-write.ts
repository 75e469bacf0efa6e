/**
 * Write files so that a failed or interrupted run leaves nothing half-written:
 * every output goes to a temporary file beside its target, and only when all
 * of them are complete are they renamed into place.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const pending = new Set<string>()

/** Remove temporary files left by an interrupted run (called on SIGINT/SIGTERM). */
export function removePendingSync(rmSync: (path: string) => void): void {
  for (const path of pending) {
    try {
      rmSync(path)
    } catch {
      // already gone
    }
  }
  pending.clear()
}

export interface PlannedFile {
  path: string
  data: string | Uint8Array
}

/** Write all files atomically as a group: all temporaries first, then the renames. */
export async function writeFilesAtomic(files: PlannedFile[]): Promise<void> {
  const staged: { temp: string; path: string }[] = []
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true })
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
      pending.add(temp)
      staged.push({ temp, path: file.path })
      await writeFile(temp, file.data, { flag: 'wx' })
    }
    for (const { temp, path } of staged) {
      await rename(temp, path)
      pending.delete(temp)
    }
  } catch (error) {
    for (const { temp } of staged) {
      await rm(temp, { force: true })
      pending.delete(temp)
    }
    throw error
  }
}
