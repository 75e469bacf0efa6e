/**
 * A real redis-server per test file (Debian's, installed by the test set-up),
 * on a free localhost port, keeping nothing on disk; and child processes
 * whose output lines can be waited on (no sleeps, no timing).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { CLI, ROOT } from './cli.js'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** A child's output lines (stdout and stderr) as they come, and a wait for the first line that matches. */
export interface Watched {
  child: ChildProcess
  lines: string[]
  /** Resolves with the first line (seen so far or to come) matching; `after` skips the first lines. */
  waitFor(pattern: RegExp, after?: number): Promise<string>
  exited: Promise<number | null>
}

export function watch(child: ChildProcess): Watched {
  const lines: string[] = []
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = []
  const partial = { stdout: '', stderr: '' }
  const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    partial[stream] += chunk.toString('utf8')
    const parts = partial[stream].split('\n')
    partial[stream] = parts.pop()!
    for (const line of parts) {
      lines.push(line)
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(line)) w.resolve(line)
        else waiters.push(w)
      }
    }
  }
  child.stdout?.on('data', take('stdout'))
  child.stderr?.on('data', take('stderr'))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return {
    child,
    lines,
    exited,
    waitFor: (pattern, after = 0) =>
      new Promise((resolve) => {
        const seen = lines.slice(after).find((l) => pattern.test(l))
        if (seen !== undefined) resolve(seen)
        else waiters.push({ pattern, resolve })
      })
  }
}

export interface RedisRun extends Watched {
  port: number
  /** `redis://127.0.0.1:PORT/0` (with the password when there is one). */
  url: string
  stop(): Promise<void>
}

/**
 * Start redis-server with extra arguments (a password, TLS); resolves once it
 * accepts connections. Keeps nothing on disk, unless `dataDir` is given: then
 * it logs every write there (appendonly, fsync always), so a restart on the
 * same folder finds the queue as it was, as a production Redis would.
 */
export async function startRedis(options: { port?: number; args?: string[]; url?: (port: number) => string; cwd?: string; dataDir?: string } = {}): Promise<RedisRun> {
  const port = options.port ?? (await freePort())
  const args = options.args ?? ['--port', String(port)]
  const storage = options.dataDir ? ['--dir', options.dataDir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'] : ['--save', '', '--appendonly', 'no']
  const server = watch(spawn('redis-server', [...args, '--bind', '127.0.0.1', ...storage], { cwd: options.cwd ?? ROOT }))
  const ready = await Promise.race([server.waitFor(/Ready to accept connections/), server.exited.then((code) => `exited ${code}`)])
  if (ready.startsWith('exited')) throw new Error(`redis-server ${ready}: ${server.lines.join('\n')}`)
  return {
    ...server,
    port,
    url: options.url ? options.url(port) : `redis://127.0.0.1:${port}/0`,
    async stop() {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM')
      await server.exited
    }
  }
}

/** A `docmend worker` on the queue at `url`; resolves once it takes jobs. A short stall time, so a killed worker's job is handed on soon. */
export async function startDocmendWorker(url: string, options: { env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<Watched> {
  const w = watch(spawn(process.execPath, [CLI, 'worker', '--queue', url, '--concurrency', '1', '--stall-seconds', '5', ...(options.args ?? [])], { cwd: ROOT, env: options.env ?? process.env }))
  const ready = await Promise.race([w.waitFor(/taking jobs from queue/), w.exited.then((code) => `exited ${code}`)])
  if (ready.startsWith('exited')) throw new Error(`docmend worker ${ready}: ${w.lines.join('\n')}`)
  return w
}
