/**
 * Batch conversion through the built CLI: folders, globs, the worker pool's
 * limits, failures that do not stop the batch, and the summary.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, runCli } from './helpers/cli.js'
import { seedFiles } from './helpers/samples.js'

let work: string

/** Every file under a folder, as sorted relative paths. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort()
}

function lines(stderr: string): string[] {
  return stderr.split('\n').filter(Boolean)
}

/** A folder of reports: seeds in nested folders, plus a file docmend does not read. */
function makeReports(root: string): void {
  mkdirSync(join(root, '2023', 'q4'), { recursive: true })
  writeFileSync(join(root, 'index.txt'), readFileSync(seedFiles[0]!))
  writeFileSync(join(root, '2023', 'annual.txt'), readFileSync(seedFiles[1]!))
  writeFileSync(join(root, '2023', 'q4', 'notes.md'), '# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
  writeFileSync(join(root, '2023', 'q4', 'page.html'), '<html><body><h1>Page</h1><table><tr><td rowspan="2">x</td><td>y</td></tr><tr><td>z</td></tr></table></body></html>')
  writeFileSync(join(root, '2023', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'docmend-batch-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('docmend convert with folders and globs', () => {
  it('converts a folder recursively and mirrors its tree under --out-dir, quietly when piped', async () => {
    const reports = join(work, 'reports')
    makeReports(reports)
    const out = join(work, 'mirrored')
    const run = await runCli(['convert', reports, '--to', 'html,txt', '--out-dir', out, '--jobs', '2'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(tree(out)).toEqual([
      '2023/annual.html',
      '2023/annual.txt',
      '2023/q4/notes.html',
      '2023/q4/notes.txt',
      '2023/q4/page.html',
      '2023/q4/page.txt',
      'index.html',
      'index.txt'
    ])
    expect(readFileSync(join(out, '2023/q4/page.html'), 'utf8')).toMatch(/<td rowspan="2">x<\/td>/)
  })

  it('expands a glob and mirrors the matches under the part of the pattern before the wildcards', async () => {
    const reports = join(work, 'globbed')
    makeReports(reports)
    const out = join(work, 'glob-out')
    const run = await runCli(['convert', 'globbed/**/*.{txt,md}', '--to', 'md', '--out-dir', out], { cwd: work })
    expect(run.code).toBe(0)
    expect(tree(out)).toEqual(['2023/annual.md', '2023/q4/notes.md', 'index.md'])
  })

  it('does not pick up its own outputs when the output folder sits inside the input folder', async () => {
    const reports = join(work, 'self')
    makeReports(reports)
    const out = join(reports, 'converted')
    expect((await runCli(['convert', reports, '--to', 'md', '--out-dir', out])).code).toBe(0)
    const second = await runCli(['convert', reports, '--to', 'md', '--out-dir', out])
    expect(second.code).toBe(0)
    expect(tree(out)).toEqual(['2023/annual.md', '2023/q4/notes.md', '2023/q4/page.md', 'index.md'])
  })

  it('wants --out-dir for a folder, and says so with exit code 2', async () => {
    const run = await runCli(['convert', join(work, 'reports'), '--to', 'html'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/need --out-dir/)
  })

  it('reports a pattern that matches nothing as a failure of its own', async () => {
    const run = await runCli(['convert', 'nothing-here/*.docx', seedFiles[0]!, '--to', 'txt', '--out-dir', join(work, 'nomatch')], { cwd: work })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toEqual(['docmend: nothing-here/*.docx: no files match this pattern'])
    expect(tree(join(work, 'nomatch'))).toHaveLength(1)
  })
})

describe('docmend convert with failing inputs', () => {
  it('keeps going past failed files: exactly one line each when piped, exit code 1, and no output for them', async () => {
    const mixed = join(work, 'mixed')
    mkdirSync(mixed)
    writeFileSync(join(mixed, 'good-1.txt'), readFileSync(seedFiles[2]!))
    writeFileSync(join(mixed, 'junk.txt'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)))
    writeFileSync(join(mixed, 'empty.md'), '')
    writeFileSync(join(mixed, 'good-2.txt'), readFileSync(seedFiles[3]!))
    const out = join(work, 'mixed-out')
    const run = await runCli(['convert', mixed, '--to', 'html', '--out-dir', out, '--jobs', '2'])
    expect(run.code).toBe(1)
    const errors = lines(run.stderr)
    expect(errors.filter((l) => l.startsWith(`docmend: ${join(mixed, 'junk.txt')}: `))).toHaveLength(1)
    expect(errors.filter((l) => l.startsWith(`docmend: ${join(mixed, 'empty.md')}: `))).toHaveLength(1)
    expect(errors).toHaveLength(2)
    expect(tree(out)).toEqual(['good-1.html', 'good-2.html'])
  })

  it('refuses to let two inputs overwrite each other’s output, converting the first', async () => {
    const a = join(work, 'clash-a')
    const b = join(work, 'clash-b')
    mkdirSync(a)
    mkdirSync(b)
    writeFileSync(join(a, 'report.txt'), readFileSync(seedFiles[0]!))
    writeFileSync(join(b, 'report.txt'), readFileSync(seedFiles[1]!))
    const out = join(work, 'clash-out')
    const run = await runCli(['convert', join(a, 'report.txt'), join(b, 'report.txt'), '--to', 'txt', '--out-dir', out])
    expect(run.code).toBe(1)
    expect(lines(run.stderr)[0]).toBe(
      `docmend: ${join(b, 'report.txt')}: its output ${join(out, 'report.txt')} would overwrite that of ${join(a, 'report.txt')}; convert them into different folders`
    )
    expect(tree(out)).toEqual(['report.txt'])
    expect(readFileSync(join(out, 'report.txt'), 'utf8')).toBe((await runCli(['convert', join(a, 'report.txt'), '--to', 'txt'])).stdout.toString())
  })

  it('stops a conversion that outlives --timeout, reports it, and still converts the rest', async () => {
    // An input that never ends: a named pipe that this test keeps feeding a
    // line at a time for as long as the CLI runs (a producer that never
    // finishes), so that conversion can only end by the time limit. The limit
    // is generous so that the small file, under the same limit, converts in
    // time on a busy machine.
    const endless = join(work, 'endless.txt')
    execFileSync('mkfifo', [endless])
    const pipe = openSync(endless, 'r+')
    const feeder = setInterval(() => writeSync(pipe, 'more text\n'), 50)
    const small = join(work, 'small.txt')
    writeFileSync(small, readFileSync(seedFiles[0]!))
    const out = join(work, 'endless-out')
    try {
      const run = await runCli(['convert', endless, small, '--to', 'html', '--out-dir', out, '--jobs', '2', '--timeout', '10'])
      expect(run.code).toBe(1)
      expect(lines(run.stderr)[0]).toBe(`docmend: ${endless}: stopped: took longer than 10 s (the --timeout limit)`)
      expect(tree(out)).toEqual(['small.html'])
    } finally {
      clearInterval(feeder)
      closeSync(pipe)
    }
  })

  it('gives up on stdin that never ends at the --timeout limit, in convert and in check, and writes nothing', async () => {
    const out = join(work, 'stdin-endless.txt')
    const run = await runCli(['convert', '-', '--to', 'txt', '-o', out, '--timeout', '2'], { input: 'a\tb\n1\t2\n', openStdin: true })
    expect(run.code).toBe(1)
    expect(lines(run.stderr)).toEqual(['docmend: stdin: stopped: took longer than 2 s (the --timeout limit)'])
    expect(existsSync(out)).toBe(false)
    const check = await runCli(['check', '-', '--timeout', '2'], { input: 'a\tb\n1\t2\n', openStdin: true })
    expect(check.code).toBe(1)
    expect(lines(check.stderr)).toEqual(['docmend: stdin: stopped: took longer than 2 s (the --timeout limit)'])
  })

  it('holds the same limits when conversions run one at a time on a single thread, and starts a fresh one after each stop', async () => {
    // One thread is a plain worker rather than a pool: the limits and the lines they print must not change.
    const endless = join(work, 'endless-one.txt')
    execFileSync('mkfifo', [endless])
    const pipe = openSync(endless, 'r+')
    const feeder = setInterval(() => writeSync(pipe, 'more text\n'), 50)
    const small = join(work, 'small-one.txt')
    writeFileSync(small, readFileSync(seedFiles[0]!))
    const out = join(work, 'endless-one-out')
    try {
      const run = await runCli(['convert', endless, small, '--to', 'html', '--out-dir', out, '--jobs', '1', '--timeout', '10'])
      expect(run.code).toBe(1)
      expect(lines(run.stderr)[0]).toBe(`docmend: ${endless}: stopped: took longer than 10 s (the --timeout limit)`)
      expect(tree(out)).toEqual(['small-one.html'])
      const alone = await runCli(['convert', endless, '--to', 'html', '--timeout', '1'])
      expect(alone.code).toBe(1)
      expect(lines(alone.stderr)[0]).toBe(`docmend: ${endless}: stopped: took longer than 1 s (the --timeout limit)`)
      expect(alone.stdout.length).toBe(0)
    } finally {
      clearInterval(feeder)
      closeSync(pipe)
    }
    const hog = join(work, 'hog-one.txt')
    writeFileSync(hog, 'a, b; '.repeat(10e6))
    const hogRun = await runCli(['convert', hog, '--to', 'html', '--max-memory', '64'])
    expect(hogRun.code).toBe(1)
    expect(lines(hogRun.stderr)).toEqual([`docmend: ${hog}: stopped: needed more than 64 MiB of memory (the --max-memory limit)`])
    expect(hogRun.stdout.length).toBe(0)
  })

  it('stops a conversion whose worker outgrows --max-memory without taking the run down', async () => {
    const hog = join(work, 'hog.txt')
    writeFileSync(hog, 'a, b; '.repeat(10e6))
    const out = join(work, 'hog-out')
    const run = await runCli(['convert', hog, seedFiles[0]!, '--to', 'html', '--out-dir', out, '--max-memory', '64', '--jobs', '1'])
    expect(run.code).toBe(1)
    expect(lines(run.stderr)[0]).toBe(`docmend: ${hog}: stopped: needed more than 64 MiB of memory (the --max-memory limit)`)
    expect(tree(out)).toEqual([`${seedFiles[0]!.split('/').at(-1)!.replace(/\.txt$/, '')}.html`])
  })

  it('rejects limits that make no sense with exit code 2', async () => {
    for (const flags of [['--jobs', '0'], ['--timeout', 'soon'], ['--max-memory', '12']]) {
      const run = await runCli(['convert', seedFiles[0]!, '--to', 'txt', ...flags])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`^docmend: ${flags[0]} wants`))
    }
  })
})

describe('docmend convert on a terminal', () => {
  it('draws a progress bar with counts and an ETA, then lists the failures and a count', () => {
    const dir = join(work, 'tty')
    mkdirSync(dir)
    for (const [i, seed] of seedFiles.entries()) writeFileSync(join(dir, `r${i}.txt`), readFileSync(seed))
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]))
    // `script` gives the CLI a pseudo-terminal, as a user's shell would.
    const command = [process.execPath, CLI, 'convert', dir, '--to', 'txt', '--out-dir', join(work, 'tty-out')].map((a) => `'${a}'`).join(' ')
    const run = spawnSync('script', ['-qfec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 })
    const screen = run.stdout.replace(/\r/g, '')
    expect(run.status).toBe(1)
    expect(screen).toMatch(/\d\/6 files \| [01] failed \| \d+s elapsed \| ETA /)
    const after = screen.slice(screen.lastIndexOf('docmend: '))
    expect(screen).toContain(`docmend: ${join(dir, 'broken.txt')}: `)
    expect(after).toMatch(/^docmend: 1 of 6 files failed \(5 converted in [\d.]+ s\)/)
  })
})

describe('docmend convert with one input, as before', () => {
  it('still writes one format to stdout and reads stdin', async () => {
    const file = await runCli(['convert', seedFiles[0]!, '--to', 'md'])
    expect(file.code).toBe(0)
    expect(file.stderr).toBe('')
    const piped = await runCli(['convert', '-', '--to', 'md'], { input: readFileSync(seedFiles[0]!) })
    expect(piped.stdout.toString()).toBe(file.stdout.toString())
  })

  it('fails a missing file with exactly one line and exit code 1', async () => {
    const run = await runCli(['convert', join(work, 'missing.docx'), '--to', 'html'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`docmend: ${join(work, 'missing.docx')}: no such file\n`)
  })
})
