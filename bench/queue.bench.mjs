// Queue mode over a real Redis (redis-server on a free port, started and
// stopped here): files per second over the DOCX corpus with 1 and with 2
// `docmend worker` processes (one conversion at a time each), and the queue's
// overhead per job against a local batch on one thread (`--jobs 1`), which
// does the same conversions without Redis. Workers are started (and warm)
// before the clock starts; each run uses a fresh queue name, so no result is
// reused. Median of 3 runs each.
import { spawn } from 'node:child_process'
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ROUNDS = 3

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Spawn and resolve once a line matches. */
function startUntil(command, args, pattern, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  return new Promise((resolve, reject) => {
    let out = ''
    const take = (d) => {
      out += d.toString()
      if (pattern.test(out)) resolve(child)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready: ${out}`)))
  })
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export default async function bench({ root, tmp }) {
  const cli = join(root, 'dist/cli.js')
  const corpus = join(root, 'test/corpus/docx')
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
  const port = await freePort()
  const redis = await startUntil('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept/)
  const url = `redis://127.0.0.1:${port}/0`
  let files = 0
  let round = 0
  /** Seconds for one `convert` of the corpus, with extra flags. */
  const convert = async (extra) => {
    const out = join(tmp, `queue-out-${round++}`)
    const started = process.hrtime.bigint()
    const result = await run(process.execPath, [cli, 'convert', corpus, '--to', 'html', '--out-dir', out, ...extra], { env, maxBuffer: 1 << 26 }).catch((e) => e)
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    if (result instanceof Error && result.code !== 1) throw result
    const { stdout } = await run('find', [corpus, '-name', '*.docx'])
    files = stdout.split('\n').filter(Boolean).length
    return seconds
  }
  const workers = []
  try {
    const local = []
    for (let i = 0; i < ROUNDS; i++) local.push(await convert(['--jobs', '1']))
    const withWorkers = async (n) => {
      const name = `bench-${n}`
      for (let i = workers.length; i < n; i++) {
        workers.push(await startUntil(process.execPath, [cli, 'worker', '--queue', url, '--queue-name', `${name}-0`, '--concurrency', '1'], /taking jobs/, { env }))
      }
      const times = []
      for (let r = 0; r < ROUNDS; r++) {
        // A fresh queue per round (workers restarted on it), so nothing is reused.
        for (const w of workers.splice(0)) w.kill('SIGKILL')
        for (let i = 0; i < n; i++) {
          workers.push(await startUntil(process.execPath, [cli, 'worker', '--queue', url, '--queue-name', `${name}-${r}`, '--concurrency', '1'], /taking jobs/, { env }))
        }
        times.push(await convert(['--queue', url, '--queue-name', `${name}-${r}`]))
      }
      return median(times)
    }
    const one = await withWorkers(1)
    const two = await withWorkers(2)
    const localS = median(local)
    const rate = (s) => (files / s).toFixed(2)
    const overheadMs = ((one - localS) / files) * 1000
    const markdown = `${files} DOCX files (test/corpus/docx) to HTML; median of ${ROUNDS} runs; workers warm before the clock starts.

| run | seconds | files/s | vs 1 worker |
|---|---|---|---|
| local batch, \`--jobs 1\` | ${localS.toFixed(2)} | ${rate(localS)} | |
| \`--queue\`, 1 worker process | ${one.toFixed(2)} | ${rate(one)} | 1.00× |
| \`--queue\`, 2 worker processes | ${two.toFixed(2)} | ${rate(two)} | ${(one / two).toFixed(2)}× |

Queue overhead per job against the local batch on one thread: ${overheadMs.toFixed(1)} ms (goal ≤ 10 ms; negative when the warm worker saves more than Redis costs).`
    return { title: 'Queue (BullMQ over Redis)', markdown }
  } finally {
    for (const w of workers) w.kill('SIGKILL')
    redis.kill('SIGTERM')
  }
}
