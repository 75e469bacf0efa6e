import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { ROOT, runCli } from './helpers/cli.js'
import { seedFiles } from './helpers/samples.js'

const scratch = () => mkdtempSync(join(tmpdir(), 'docmend-cli-'))

/** One line on stderr naming the file and the reason, and no stack trace. */
function expectOneLineFailure(stderr: string, file: string) {
  const lines = stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0].startsWith(`docmend: ${file}: `)).toBe(true)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('the docmend CLI contract', () => {
  it("runs the README's quick-start conversion as written, through the bin `npx docmend` runs here", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const firstLine = /```sh\n(.+)\n/.exec(readme)?.[1] ?? ''
    expect(firstLine.startsWith('npm ci && npx docmend convert ')).toBe(true)
    // In this folder `npx docmend` runs this package's own bin: the file package.json names,
    // started by its #! line. Run that file the same way (through the shell, its #! line and
    // execute bit), not through npx: npx first loads and links the whole installed tree, which
    // is npm's work, not docmend's, and took over a minute on a loaded CI machine.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.name).toBe('docmend')
    expect(pkg.bin).toEqual({ docmend: 'dist/cli.js' })
    expect(readFileSync(join(ROOT, pkg.bin.docmend), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    // The same command, writing into a scratch folder instead of ./out.
    const dir = scratch()
    const command = firstLine
      .replace(/^npm ci && npx docmend /, `./${pkg.bin.docmend} `)
      .replace(/--out-dir out$/, `--out-dir ${dir}`)
    const run = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const html = readFileSync(join(dir, 'seed-000_e59935bf3fbf3f4b.html'), 'utf8')
    expect(html).toMatch(/<table[\s\S]*rowspan="\d+"/)
    expect(readFileSync(join(dir, 'seed-000_e59935bf3fbf3f4b.txt'), 'utf8')).toContain('行政许可')
  })

  it('converts each sample to md, html, txt and json in --out-dir, exit 0', async () => {
    const dir = scratch()
    for (const seed of seedFiles) {
      const run = await runCli(['convert', seed, '--to', 'md,html,txt,json', '--out-dir', dir])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const stem = basename(seed, '.txt')
      for (const ext of ['md', 'html', 'txt', 'json']) expect(existsSync(join(dir, `${stem}.${ext}`))).toBe(true)
      const json = JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8'))
      expect(json.type).toBe('root')
    }
    // No temporary files are left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('writes one format to stdout when there is no -o, reading stdin for -', async () => {
    const run = await runCli(['convert', '-', '--to', 'md'], { input: '# Title\n\nHello | world |\nfoo | bar |\n' })
    expect(run.code).toBe(0)
    expect(run.stdout.toString()).toContain('# Title')
    expect(run.stdout.toString()).toContain('| Hello')
  })

  it('fails with exit 1 and one clear line for junk bytes, an empty file and a missing file', async () => {
    const dir = scratch()
    const junk = join(dir, 'junk.bin')
    writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const missing = join(dir, 'missing.txt')
    for (const file of [junk, empty, missing]) {
      const run = await runCli(['convert', file, '--to', 'html', '-o', join(dir, 'out.html')])
      expect(run.code).toBe(1)
      expectOneLineFailure(run.stderr, file)
    }
    // A failed run leaves no output file, complete or partial.
    expect(readdirSync(dir).sort()).toEqual(['empty.txt', 'junk.bin'])
  })

  it('exits 2 on usage errors: an unknown flag, an unknown format, several formats without --out-dir', async () => {
    for (const args of [
      ['convert', seedFiles[0], '--to', 'md', '--bogus'],
      ['convert', seedFiles[0], '--to', 'docx'],
      ['convert', seedFiles[0], '--to', 'md,html'],
      ['frobnicate']
    ]) {
      const run = await runCli(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr.length).toBeGreaterThan(0)
    }
  })

  it('answers --help and --version with exit 0', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout.toString()).toContain('convert')
    const version = await runCli(['--version'])
    expect(version.code).toBe(0)
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(version.stdout.toString().trim()).toBe(pkg.version)
  })

  it('sniffs the input kind from the bytes, whatever the file is called', async () => {
    const dir = scratch()
    const disguised = join(dir, 'report.pdf')
    writeFileSync(disguised, '<table><tr><th rowspan="2">A</th><th>B</th></tr><tr><td>1</td></tr></table>')
    const run = await runCli(['convert', disguised, '--to', 'html', '--fragment'])
    expect(run.code).toBe(0)
    expect(run.stdout.toString()).toMatch(/<th[^>]*rowspan="2"/)
  })

  it('explains each table found: layout, grid size and confidence', async () => {
    const run = await runCli(['convert', seedFiles[0], '--to', 'md', '--explain'])
    expect(run.code).toBe(0)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/pipe-row layout, 28×10 grid, 3 header row\(s\), confidence \d\.\d\d/)
  })

  it('never trusts input names: an output name loses directories and control characters', async () => {
    const dir = scratch()
    const odd = join(dir, '..\u0007evil name.txt')
    writeFileSync(odd, 'Just a line of text.\n')
    const out = join(dir, 'out')
    const run = await runCli(['convert', odd, '--to', 'txt', '--out-dir', out])
    expect(run.code).toBe(0)
    expect(readdirSync(out)).toEqual(['_evil name.txt'])
  })
})
