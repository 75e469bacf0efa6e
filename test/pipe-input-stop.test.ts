import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const SCRIPT = fileURLToPath(new URL('./scripts/stop-pipe-readers.mjs', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'docmend-pipe-stop-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('an input that is a named pipe, read in a worker that the time limit stops', () => {
  // CI once lost a whole batch this way: a pipe read through a net.Socket is
  // closed twice when its worker is terminated, and the second close hit a
  // descriptor the next worker had just opened; libuv then aborted the process
  // (exit 134, no message). With the socket reader this script died within
  // 2 s in 4 runs of 4; it must live through every round.
  it('never takes the process down, however many readers are stopped while others start', () => {
    const run = spawnSync(process.execPath, [SCRIPT, join(work, 'endless'), '40'], { encoding: 'utf8', timeout: 50_000 })
    expect(run.signal).toBeNull()
    expect(run.status).toBe(0)
    expect(run.stdout.trim()).toBe('survived')
  })
})
