// Peak memory of one stage, for finding where a conversion's peak comes from:
//   /usr/bin/time -f %M node scripts/memory-stages.mjs FILE none|txt|md|html|json
// reads FILE with readDocument, then (unless `none`) writes one format.
// With `node --expose-gc`, it also prints, after each stage, the live heap
// (after a full collection) and the process's peak RSS so far:
//   node --expose-gc scripts/memory-stages.mjs FILE html
import { readFileSync } from 'node:fs'
import { readDocument, writeDocument } from '../dist/index.js'

const [file, format = 'none'] = process.argv.slice(2)
const mib = (bytes) => Math.round(bytes / 2 ** 20)
const peakRss = () => mib(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024)
const stage = (name) => {
  if (typeof globalThis.gc !== 'function') return
  globalThis.gc()
  process.stderr.write(`${name.padEnd(8)} live heap ${mib(process.memoryUsage().heapUsed)} MiB, peak RSS so far ${peakRss()} MiB\n`)
}

stage('loaded')
const bytes = readFileSync(file)
const { doc } = await readDocument(bytes)
stage('read')
if (format !== 'none') {
  const written = await writeDocument(doc, format)
  stage(`${format}`)
  process.stderr.write(typeof globalThis.gc === 'function' ? `output ${mib(written.data.length)} MiB\n` : '')
}
