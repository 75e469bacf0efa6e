/** The sample inputs in `samples/`. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SEEDS_DIR } from './cli.js'

/** The five seed reports (pasted text with mangled tables). */
export const seedFiles: string[] = readdirSync(SEEDS_DIR)
  .filter((f) => /^seed-\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((f) => join(SEEDS_DIR, f))

export function readSample(path: string): Buffer {
  return readFileSync(path)
}

/** Every sample input: the seeds, any other file in `samples/`, and the hand-made fixture with the seeds' table structures. */
export const sampleFiles: string[] = [
  ...readdirSync(SEEDS_DIR)
    .filter((f) => !f.startsWith('.') && !f.endsWith('.md'))
    .sort()
    .map((f) => join(SEEDS_DIR, f)),
  join(SEEDS_DIR, '../test/fixtures/seed-tables.html')
]
