// Score docmend's table repair on every table of the real-table development
// set (test/tables-dev), in all six layouts, beside a naive split; prints the
// Markdown report and writes bench/tables-dev.md.
// Usage: node scripts/tables-dev/score.mjs   (or npm run score:tables)
// The scoring lives in test/support/tables-dev.ts (TypeScript, shared with
// test/tables-dev.test.ts), so this runs that test file in full mode.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const run = spawnSync('npx', ['vitest', 'run', 'test/tables-dev.test.ts', '--reporter=dot', '--silent'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, TABLES_DEV_FULL: '1' }
})
if (run.status !== 0) process.exit(run.status ?? 1)
process.stdout.write(readFileSync(new URL('../../bench/tables-dev.md', import.meta.url), 'utf8'))
