// Text table repair throughput: pasted text through sniffing, decoding, table
// detection and repair into the canonical tree (readDocument), on one core.
// Input: the sample reports (samples/seed-*.txt), concatenated to ~8 MB.
// Goal: at least 20 MB/s.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const TARGET_BYTES = 8 * 2 ** 20
const RUNS = 5

export default async function bench({ root, dist }) {
  const { readDocument } = await import(pathToFileURL(join(dist, 'index.js')).href)
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

  // Warm up on the whole input once: the runs then measure steady state, not the JIT compiling the repair.
  await readDocument(input, { from: 'text' })
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  const runs = []
  let tables = 0
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint()
    const cpu = process.cpuUsage()
    const { doc } = await readDocument(input, { from: 'text' })
    const used = process.cpuUsage(cpu)
    runs.push({ wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (used.user + used.system) / 1e6 })
    tables = doc.tree.children.filter((n) => n.type === 'table').length
  }
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]
  const size = input.length / 2 ** 20
  const perCpu = size / median('cpu')
  const perWall = size / median('wall')
  const markdown = `
| input | size | tables found | median wall / CPU time (${RUNS} runs) | throughput (wall) | throughput (CPU) | goal |
|---|---:|---:|---:|---:|---:|---|
| ${seeds.length} sample reports × ${Math.round(parts.length / 2 / seeds.length)} | ${size.toFixed(1)} MiB | ${tables} | ${median('wall').toFixed(2)} s / ${median('cpu').toFixed(2)} s | ${perWall.toFixed(2)} MB/s | **${perCpu.toFixed(2)} MB/s** | ≥ 20 MB/s on one core ${perCpu >= 20 ? '(met)' : '(not met)'} |

One thread, in process: \`readDocument(bytes, { from: 'text' })\` (decode, find and repair tables, build the tree, normalize and annotate it), after one warm-up pass over the same input. No peer does this repair; the goal is the yardstick.
`
  return { title: 'Text table repair', markdown }
}
