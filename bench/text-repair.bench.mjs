// Text table repair throughput on one core. Five measures:
// - detection + repair, as issue 3 defines its goal (≥ 20 MB/s): the decoded
//   text split into lines, every table found and its grid rebuilt
//   (findTables), over the sample reports (samples/seed-*.txt) concatenated
//   to ~8 MB;
// - the same over ~8 MB of tables never seen before (generated, see
//   lib/unseen-tables.mjs): the samples repeat one national form, and the
//   repair memoizes per distinct text (cell kinds, header forests), so this
//   is the figure for varied input;
// - the same over the real development set (test/tables-dev, every table in
//   the six layouts, see lib/dev-tables.mjs), each run meeting it afresh;
// - the slowest single table under 100 KB (issue 13's goal: under 100 ms);
// - the whole text reader on the samples: bytes decoded, tables repaired,
//   the rest read as headings and paragraphs, the tree built, normalized and
//   annotated (readDocument).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { devTables } from './lib/dev-tables.mjs'
import { singleTables, unseenTablesText } from './lib/unseen-tables.mjs'

const TARGET_BYTES = 8 * 2 ** 20
const RUNS = 5
const GOAL_MB_S = 20

/** Wall and CPU seconds of one call. */
function timed(fn) {
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  fn()
  const used = process.cpuUsage(cpu)
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (used.user + used.system) / 1e6 }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Median wall and CPU seconds of RUNS calls, after one warm-up call (steady
 * state, not the JIT compiling). With `flush`, it runs before each call,
 * untimed: the repair's memos (cell kinds, header forests) then hold other
 * tables' texts, so every timed call meets its input for the first time.
 */
async function measure(fn, flush) {
  await fn()
  const runs = []
  for (let run = 0; run < RUNS; run++) {
    flush?.()
    const started = process.hrtime.bigint()
    const cpu = process.cpuUsage()
    await fn()
    const used = process.cpuUsage(cpu)
    runs.push({ wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (used.user + used.system) / 1e6 })
  }
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) }
}

export default async function bench({ root, dist }) {
  const { readDocument, findTables } = await import(pathToFileURL(join(dist, 'index.js')).href)
  const { splitLines } = await import(pathToFileURL(join(dist, 'ingest', 'text', 'index.js')).href)
  const seeds = readdirSync(join(root, 'samples'))
    .filter((f) => /^seed-\d+.*\.txt$/.test(f))
    .sort()
    .map((f) => readFileSync(join(root, 'samples', f)))
  const parts = []
  let built = 0
  for (let i = 0; built < TARGET_BYTES; i++) {
    const seed = seeds[i % seeds.length]
    parts.push(seed, Buffer.from('\n\n'))
    built += seed.length + 2
  }
  const input = Buffer.concat(parts)
  const text = input.toString('utf8')
  const size = input.length / 2 ** 20

  let found = 0
  const repair = await measure(() => {
    found = findTables(splitLines(text)).length
  })
  const unseen = await unseenTablesText(root, TARGET_BYTES)
  const unseenSize = Buffer.byteLength(unseen.text) / 2 ** 20
  let unseenFound = 0
  const varied = await measure(() => {
    unseenFound = findTables(splitLines(unseen.text)).length
  })
  // Other generated tables (seeds far from the measured ones) whose repair fills the memos with texts
  // no measured table has: run before a timed call, it makes that call meet its input afresh.
  const flushText = splitLines((await unseenTablesText(root, 2 ** 20, 1_000_000)).text)
  const flush = () => findTables(flushText)

  // The real development set, every table in the six layouts, one findTables call per pasted table.
  const dev = await devTables(root)
  const devSize = dev.cases.reduce((s, c) => s + c.bytes, 0) / 2 ** 20
  let devFound = 0
  const real = await measure(() => {
    devFound = 0
    for (const c of dev.cases) devFound += findTables(c.lines).length
  }, flush)

  // The slowest single table under 100 KB (issue 13: any such table repaired in under 100 ms): every
  // table is timed warm (median of 3), then the 5 slowest again afresh (after a flush; median of 3).
  const singles = [...(await singleTables(root, 600, 100_000)), ...dev.cases.filter((c) => c.bytes < 100_000)]
  const warm = singles.map((table) => {
    findTables(table.lines)
    return { table, wall: median([0, 1, 2].map(() => timed(() => findTables(table.lines)).wall)) }
  })
  const afresh = warm
    .sort((a, b) => b.wall - a.wall)
    .slice(0, 5)
    .map(({ table }) => {
      const runs = [0, 1, 2].map(() => {
        flush()
        return timed(() => findTables(table.lines))
      })
      return { name: table.name, bytes: Buffer.byteLength(table.lines.join('\n')), wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) }
    })
  const slowest = afresh.reduce((a, b) => (b.cpu > a.cpu ? b : a))
  let tables = 0
  const reader = await measure(async () => {
    const { doc } = await readDocument(input, { from: 'text' })
    tables = doc.tree.children.filter((n) => n.type === 'table').length
  })
  if (found !== tables) throw new Error(`findTables found ${found} tables but the reader built ${tables}`)

  // CPU time counts every thread of the process (the garbage collector's too); wall time counts other processes.
  const row = (what, t, goal, mb = size) =>
    `| ${what} | ${(mb / t.wall).toFixed(2)} MB/s | **${(mb / t.cpu).toFixed(2)} MB/s** | ${t.wall.toFixed(2)} s / ${t.cpu.toFixed(2)} s | ${goal}`
  const verdict = (t, mb = size) => `≥ ${GOAL_MB_S} MB/s on one core: ${mb / t.cpu >= GOAL_MB_S ? 'met' : 'not met'} |`
  const markdown = `
Inputs: ${dev.cases.length} dev-set cases (${devSize.toFixed(1)} MiB; ${devFound} tables found); ${seeds.length} sample reports × ${Math.round(parts.length / 2 / seeds.length)} (${size.toFixed(1)} MiB, ${tables} tables: one national form, so its headers and labels recur); ${unseen.tables} generated tables never seen before, each different, in the six mangled layouts in turn, with a caption line before each (${unseenSize.toFixed(1)} MiB; ${unseenFound} found). One thread, in process.

| stage, input | throughput (wall) | throughput (CPU) | median wall / CPU time (${RUNS} runs) | goal |
|---|---:|---:|---:|---|
${row('detection + repair (`findTables(splitLines(text))`: decoded text → repaired grids), sample reports', repair, verdict(repair))}
${row('detection + repair, unseen generated tables', varied, verdict(varied, unseenSize), unseenSize)}
${row(`detection + repair, the real development set (${dev.tables} tables × ${dev.layouts} layouts, one call per table, each run afresh)`, real, verdict(real, devSize), devSize)}
| slowest single table under 100 KB (${singles.length} tables: 600 unseen generated ones, one large table per layout, and every dev-set case under 100 KB) | | | ${(slowest.wall * 1000).toFixed(1)} ms wall / **${(slowest.cpu * 1000).toFixed(1)} ms CPU**: ${slowest.name}, ${(slowest.bytes / 1024).toFixed(1)} KB | < 100 ms: ${slowest.cpu < 0.1 && slowest.wall < 0.1 ? 'met' : 'not met'} |
${row('whole text reader (`readDocument(bytes, { from: \'text\' })`: bytes → annotated canonical tree), sample reports', reader, '|')}

Each measure runs once to warm up, then ${RUNS} times; the median is shown. Before each timed run over the development set, untimed, the repair reads 1 MiB of other generated tables, so its memos hold none of the dev set's texts: every run meets the tables afresh, as a user's paste would. The slowest table is found by timing each one warm (median of 3), then timing the 5 slowest afresh the same way (median of 3); the row shows the one with the most CPU time. CPU time is the process's user + system time (process.cpuUsage); it is steadier than wall time on a shared machine. The goal is issue 3's, for detection and repair. The repair remembers what it worked out per distinct text (a cell's kind, a header row's forest), which pays off on reports of one form and not on the generated tables, which are also small (about ${Math.round((unseenSize * 2 ** 20) / unseen.tables)} bytes each), so that per-table costs dominate. The reader row adds decoding, the prose around the tables, building the mdast tree and detecting the language. No peer does this repair; the goal is the yardstick.
`
  return { title: 'Text table repair', markdown }
}
