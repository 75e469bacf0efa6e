/** The shared corpus of real documents (../shared/corpus; see its SOURCES.md). */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export const CORPUS_DIR = process.env.DOCMEND_CORPUS ?? '/work/shared/corpus'

/** Files under `corpus/<sub>` ending in `ext`, sorted, as paths relative to the corpus. */
export function corpusFiles(sub: string, ext: string): string[] {
  const root = join(CORPUS_DIR, sub)
  if (!existsSync(root)) throw new Error(`corpus not found at ${root} (set DOCMEND_CORPUS)`)
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith(ext)) out.push(relative(CORPUS_DIR, path))
    }
  }
  walk(root)
  return out
}
