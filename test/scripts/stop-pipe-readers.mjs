// Rounds of worker threads reading a named pipe that never ends through
// docmend's input reader (built, dist/io/read-input.js), each round terminated
// while the next one starts, as the time limit does. Prints "survived" if the
// process lives through every round. Usage: node stop-pipe-readers.mjs FIFO ROUNDS
import { Worker } from 'node:worker_threads'
import { execFileSync } from 'node:child_process'
import { openSync, writeSync } from 'node:fs'

const [fifo, rounds] = process.argv.slice(2)
const reader = new URL('../../dist/io/read-input.js', import.meta.url).href
execFileSync('mkfifo', [fifo])
const pipe = openSync(fifo, 'r+')
const feeder = setInterval(() => writeSync(pipe, 'more text\n'), 2)
const code = `
const { parentPort, workerData } = require('node:worker_threads')
import(workerData.reader).then(async ({ readInputFile }) => {
  parentPort.postMessage('reading')
  await readInputFile(workerData.path, 1e8)
})`
let round = []
for (let i = 0; i < Number(rounds); i++) {
  const next = Array.from({ length: 4 }, () => new Worker(code, { eval: true, workerData: { reader, path: fifo } }))
  for (const worker of round) void worker.terminate()
  await Promise.all(next.map((worker) => new Promise((resolve) => worker.once('message', resolve))))
  round = next
}
await Promise.all(round.map((worker) => worker.terminate()))
clearInterval(feeder)
console.log('survived')
