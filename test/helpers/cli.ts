/** Run the built CLI (`dist/cli.js`) as a user would, capturing everything. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
export const SEEDS_DIR = fileURLToPath(new URL('../../samples/', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: Buffer
  stderr: string
}

/**
 * `openStdin`: write `input` but never end stdin, as a producer that never
 * finishes would (`sleep 1d | docmend convert -`).
 */
export function runCli(args: string[], options: { input?: Uint8Array | string; cwd?: string; timeoutMs?: number; openStdin?: boolean } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      child.stdin.destroy()
      resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') })
    })
    child.stdin.on('error', () => {})
    if (options.openStdin) child.stdin.write(options.input ?? '')
    else child.stdin.end(options.input ?? '')
  })
}
