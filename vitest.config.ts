import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

/**
 * The files that keep a worker busy longest (measured on 2 cores: the fuzz
 * sample alone about 145 s, the others about 40–65 s each, counting their
 * beforeAll), longest first. Vitest orders files by the durations it cached
 * from the last run, or, with no cache (a fresh `npm ci`, as in CI), by size,
 * largest first: that started the small fuzz file last, and the whole run
 * then waited over a minute for it on one worker while the other sat idle.
 */
const LONGEST_FIRST = [
  'test/fuzz.test.ts',
  'test/serve-api.test.ts',
  'test/batch.test.ts',
  'test/pdf-reader-corpus.test.ts',
  'test/browser.test.ts',
  'test/serve-page.test.ts'
]

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const key = (file: TestSpecification) => relative(this.ctx.config.root, file.moduleId)
    // With every file's duration cached, vitest's own order is already longest first.
    if (sorted.every((file) => this.ctx.cache.getFileTestResults(`${file.project.name}:${key(file)}`))) return sorted
    const rank = (file: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(key(file))
      return i === -1 ? LONGEST_FIRST.length : i
    }
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file)
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst }
  }
})
