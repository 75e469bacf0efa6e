// Run a command as a child process and measure it: wall time and peak RSS
// (VmHWM from /proc, sampled while it runs: Linux only).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

export function runMeasured(command, args, { cwd, stdout = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(command, args, { cwd, stdio: ['ignore', stdout, 'pipe'] })
    let peakKb = 0
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peakKb = Math.max(peakKb, Number(m[1]))
      } catch {
        // exited
      }
    }
    const timer = setInterval(sample, 20)
    const err = []
    child.stderr.on('data', (d) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(timer)
      resolve({ code, ms: Number(process.hrtime.bigint() - started) / 1e6, peakRssMb: Math.round(peakKb / 1024), stderr: Buffer.concat(err).toString('utf8') })
    })
  })
}

export const mib = (bytes) => (bytes / 2 ** 20).toFixed(1)
