/** Start `docmend serve` from the built CLI, as a user would, on a free port. */
import { type ChildProcess, spawn } from 'node:child_process'
import { CLI, ROOT } from './cli.js'

export interface ServeRun {
  /** The page's address the CLI printed, e.g. `http://127.0.0.1:40123/`. */
  url: string
  child: ChildProcess
  /** Everything the server printed on stderr so far. */
  stderr(): string
  /** Send SIGTERM and wait for the process to end; resolves to its exit code. */
  stop(): Promise<number | null>
}

export function startServe(args: string[] = [], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ServeRun> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    return exited
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`docmend serve printed no URL within 20 s; stderr: ${stderr}`))
    }, 20_000)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8')
      const url = /open (http:\/\/\S+) /.exec(stdout)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve({ url, child, stderr: () => stderr, stop })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`docmend serve exited with ${code} before printing a URL; stderr: ${stderr}`))
    })
  })
}
