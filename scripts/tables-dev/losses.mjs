// List the development-set cases where docmend does worse than the naive
// split (lower TEDS, fewer values under their true headers, or not exact
// where the naive split is), per layout, from the scorer's per-case results.
// Usage: node scripts/tables-dev/losses.mjs [cases.jsonl] [--layout tab-row] [--all-splits]
//   Without a file, runs the full scorer (npm run score:tables, which also
//   rewrites bench/tables-dev.md) and reads the results it writes.
// Held-out sources are left out unless --all-splits: they are for reporting, not for tuning.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const args = process.argv.slice(2)
const flag = (name) => {
  const i = args.indexOf(name)
  return i === -1 ? undefined : args.splice(i, 2)[1]
}
const onlyLayout = flag('--layout')
const allSplits = args.includes('--all-splits')
let file = args.find((a) => !a.startsWith('--'))
if (!file) {
  file = join(tmpdir(), `tables-dev-cases-${process.pid}.jsonl`)
  const run = spawnSync('node', [new URL('./score.mjs', import.meta.url).pathname], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TABLES_DEV_CASES: file } })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

const cases = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  .filter((c) => (allSplits || c.split === 'dev') && (!onlyLayout || c.layout === onlyLayout))
const EPS = 1e-9
const loses = (c) => c.docmend.teds < c.naive.teds - EPS || c.docmend.underHeaders < c.naive.underHeaders - EPS || (c.naive.exact && !c.docmend.exact)
const f = (x) => x.toFixed(3)

const byLayout = new Map()
for (const c of cases) byLayout.set(c.layout, [...(byLayout.get(c.layout) ?? []), c])
for (const [layout, list] of byLayout) {
  const mean = (pick) => list.reduce((s, c) => s + pick(c), 0) / list.length
  const lost = list.filter(loses)
  console.log(`\n## ${layout}: ${list.length} cases, ${lost.length} lost to the naive split`)
  console.log(`TEDS ${f(mean((c) => c.docmend.teds))} vs ${f(mean((c) => c.naive.teds))}; under headers ${f(mean((c) => c.docmend.underHeaders))} vs ${f(mean((c) => c.naive.underHeaders))}; exact ${list.filter((c) => c.docmend.exact).length} vs ${list.filter((c) => c.naive.exact).length}`)
  for (const c of lost.sort((a, b) => (b.naive.teds - b.docmend.teds) - (a.naive.teds - a.docmend.teds))) {
    const found = c.docmend.found ? '' : ' (not found as one table)'
    console.log(`${c.id}  TEDS ${f(c.docmend.teds)} vs ${f(c.naive.teds)}  under ${f(c.docmend.underHeaders)} vs ${f(c.naive.underHeaders)}  exact ${c.docmend.exact} vs ${c.naive.exact}${found}`)
  }
}
