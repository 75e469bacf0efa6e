/**
 * Refuse a run whose output would replace one of its inputs. "The same file"
 * is decided by what the file system says, not by how the paths are spelled:
 * an existing output is compared by device and inode (so a symbolic or hard
 * link to an input counts), one that does not exist yet by its real path.
 */
import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

interface Identity {
  /** `dev:ino` when the file exists. */
  inode?: string
  /** The path with every link in it resolved (as far as it exists). */
  real: string
}

async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    // Not there (yet): resolve the folder it would be created in.
    const parent = dirname(resolve(path))
    if (parent === resolve(path)) return parent
    return join(await realPathOf(parent), basename(path))
  }
}

async function identityOf(path: string): Promise<Identity> {
  const real = await realPathOf(path)
  try {
    const info = await stat(path)
    return { inode: `${info.dev}:${info.ino}`, real }
  } catch {
    return { real }
  }
}

function same(a: Identity, b: Identity): boolean {
  if (a.inode !== undefined && b.inode !== undefined) return a.inode === b.inode
  return a.real === b.real
}

/**
 * The first output that is one of the inputs, as `{ output, input }` (their
 * paths as given), or null. stdin (`-`) is never a file on disk here.
 */
export async function findOutputOverInput(
  inputs: readonly string[],
  outputs: readonly string[]
): Promise<{ output: string; input: string } | null> {
  const known = await Promise.all(inputs.filter((p) => p !== '-').map(async (path) => ({ path, id: await identityOf(path) })))
  for (const output of outputs) {
    const id = await identityOf(output)
    const input = known.find((k) => same(k.id, id))
    if (input) return { output, input: input.path }
  }
  return null
}
