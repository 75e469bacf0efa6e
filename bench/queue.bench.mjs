// Queue mode over a real Redis (redis-server on a free port, started and
// stopped here): files per second over the DOCX corpus with 1 and with 2
// `docmend worker` processes (one conversion at a time each), and the queue's
// overhead per job against a local batch on one thread (`--jobs 1`), which
// does the same conversions without Redis. Workers are started (and warm)
// before the clock starts; each run uses a fresh queue name, so no result is
// reused. Median of 3 runs each.
//
// The overhead is given three ways, because on a busy machine wall time
// mostly measures the other tenants: the whole run's extra time per file; the
// steady-state extra time per file (between the first and the last output
// written, from their mtimes, so each side's start-up is left out); and the
// extra CPU seconds per file of every process involved (client, workers,
// Redis), which the machine's load barely moves.
import { spawn } from 'node:child_process'
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ROUNDS = Number(process.env.QUEUE_BENCH_ROUNDS ?? 3)

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

const TICK = 100 // USER_HZ: /proc's clock ticks per second on Linux
/** CPU seconds of a running process, or (self: true) of this one's finished children. */
function cpuSeconds(pid, { children = false } = {}) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  const [utime, stime] = children ? [fields[13], fields[14]] : [fields[11], fields[12]]
  return (Number(utime) + Number(stime)) / TICK
}

/** Seconds between the first and the last output written, and how many there are. */
function outputSpan(dir) {
  const times = []
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.html')) times.push(statSync(path).mtimeMs)
    }
  }
  walk(dir)
  return { files: times.length, span: (Math.max(...times) - Math.min(...times)) / 1000 }
}

export default async function bench({ root, tmp }) {
  const cli = join(root, 'dist/cli.js')
  // The DOCX files only (the folder also holds Markdown), their folders kept so no two outputs clash.
  const corpus = join(root, 'test/corpus/docx/**/*.docx')
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' }
  const port = await freePort()
  const redis = await startUntil('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept/)
  const url = `redis://127.0.0.1:${port}/0`
  let files = 0
  let round = 0
  /** One `convert` of the corpus, with extra flags: wall seconds, CPU seconds (of it and of `others`), and the output span. */
  const convert = async (extra, others = []) => {
    const out = join(tmp, `queue-out-${round++}`)
    const cpuBefore = cpuSeconds(process.pid, { children: true }) + others.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
    const started = process.hrtime.bigint()
    const result = await run(process.execPath, [cli, 'convert', corpus, '--to', 'html', '--out-dir', out, ...extra], { env, maxBuffer: 1 << 26 }).catch((e) => e)
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const cpu = cpuSeconds(process.pid, { children: true }) + others.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore
    if (result instanceof Error && result.code !== 1) throw result
    const { files: n, span } = outputSpan(out)
    files = n
    return { seconds, cpu, span }
  }
  const workers = []
  const stopWorkers = () =>
    Promise.all(workers.splice(0).map((w) => {
      const exited = new Promise((resolve) => (w.exitCode !== null || w.signalCode !== null ? resolve() : w.once('exit', resolve)))
      w.kill('SIGKILL')
      return exited
    }))
  try {
    const local = []
    for (let i = 0; i < ROUNDS; i++) local.push(await convert(['--jobs', '1']))
    /** Each figure's median over the runs. */
    const pick = (runs) => ({ seconds: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpu)), span: median(runs.map((r) => r.span)) })
    const withWorkers = async (n) => {
      const name = `bench-${n}`
      const times = []
      for (let r = 0; r < ROUNDS; r++) {
        // A fresh queue per round (workers restarted on it), so nothing is reused; the old
        // workers are reaped first, so their CPU is not counted in the next run's.
        await stopWorkers()
        for (let i = 0; i < n; i++) {
          workers.push(await startUntil(process.execPath, [cli, 'worker', '--queue', url, '--queue-name', `${name}-${r}`, '--concurrency', '1'], /taking jobs/, { env }))
        }
        times.push(await convert(['--queue', url, '--queue-name', `${name}-${r}`], [redis.pid, ...workers.map((w) => w.pid)]))
      }
      return pick(times)
    }
    const one = await withWorkers(1)
    const two = await withWorkers(2)
    const localRun = pick(local)
    const rate = (s) => (files / s).toFixed(2)
    const perFile = (a, b) => (((a - b) / files) * 1000).toFixed(1)
    const steady = (a, b) => (((a - b) / (files - 1)) * 1000).toFixed(1)
    const markdown = `${files} DOCX files (test/corpus/docx) to HTML; median of ${ROUNDS} runs; workers warm before the clock starts. CPU: user + system seconds of the client, the workers and Redis.

| run | seconds | files/s | vs 1 worker | CPU seconds |
|---|---|---|---|---|
| local batch, \`--jobs 1\` | ${localRun.seconds.toFixed(2)} | ${rate(localRun.seconds)} | | ${localRun.cpu.toFixed(2)} |
| \`--queue\`, 1 worker process | ${one.seconds.toFixed(2)} | ${rate(one.seconds)} | 1.00× | ${one.cpu.toFixed(2)} |
| \`--queue\`, 2 worker processes | ${two.seconds.toFixed(2)} | ${rate(two.seconds)} | ${(one.seconds / two.seconds).toFixed(2)}× | ${two.cpu.toFixed(2)} |

Queue overhead per job against the local batch on one thread (goal ≤ 10 ms): ${perFile(one.seconds, localRun.seconds)} ms over the whole run (start-up included: the client loads BullMQ and ioredis, the local batch starts its thread); ${steady(one.span, localRun.span)} ms in the steady state (first to last output written); ${perFile(one.cpu, localRun.cpu)} ms of CPU.`
    return { title: 'Queue (BullMQ over Redis)', markdown }
  } finally {
    for (const w of workers) w.kill('SIGKILL')
    redis.kill('SIGTERM')
  }
}
