import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.js'
import { documentXml, minimalDocxEntries, writeZip } from './helpers/docx.js'
import { seedFiles } from './helpers/samples.js'

const SEED_001 = fileURLToPath(new URL('../samples/seed-001_3b9deb8741aa9359.txt', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'docmend-check-'))
const HOLDS = join(dir, 'holds.md')
writeFileSync(HOLDS, '| Region | Sales |\n|---|---|\n| North | 1,200 |\n| South | (200) |\n| Total | 1,000 |\n')

describe('docmend check', () => {
  it('reports the seed 001 total with its headers, both values and the cells summed, and exits 3', async () => {
    const run = await runCli(['check', SEED_001])
    expect(run.code).toBe(3)
    const out = run.stdout.toString()
    expect(out).toContain('table 2 "收到和处理政府信息公开申请情况": a total does not add up')
    expect(out).toContain('row 27, column 4: "三、本年度办理结果 › （七）总计" × "申请人情况 › 自然人"')
    expect(out).toMatch(/stated: +0\n +computed: 1 \(difference -1, tolerance 0\)/)
    expect(out).toContain('（四）无法提供 › 1.本机关不掌握相关政府信息 0, 2.没有现成信息需要另行制作 1')
    expect(out).toMatch(/3 tables, 5 totals, 35 sums checked: 2 do not add up \(tolerance auto/)
    expect(run.stderr).toBe('')
  })

  it('exits 0 when every total holds, and says which relations were checked with --explain', async () => {
    const run = await runCli(['check', '--explain', HOLDS])
    expect(run.code).toBe(0)
    const out = run.stdout.toString()
    expect(out).toContain('row total "Total" = sum of 2 rows (the items before it in the table): North, South; checked in 1 column: all hold')
    expect(out).toMatch(/1 table, 1 total, 1 sum checked: all hold/)
  })

  it('writes the findings as JSON with --format json', async () => {
    const run = await runCli(['check', '--format', 'json', SEED_001, HOLDS])
    expect(run.code).toBe(3)
    const report = JSON.parse(run.stdout.toString()) as { input: string; check: { findings: { row: number; col: number; parts: unknown[] }[] } }[]
    expect(report.map((r) => r.check.findings.map((f) => [f.row, f.col, f.parts.length]))).toEqual([
      [
        [26, 3, 21],
        [26, 9, 21]
      ],
      []
    ])
  })

  it('uses --tolerance, and refuses a bad one with exit 2', async () => {
    const near = join(dir, 'near.md')
    writeFileSync(near, '| A | B |\n|---|---|\n| x | 10 |\n| y | 20 |\n| Total | 31 |\n')
    const tolerant = await runCli(['check', '--tolerance', '1', near])
    expect(tolerant.code).toBe(0)
    expect(tolerant.stdout.toString()).toContain('(tolerance 1)')
    const bad = await runCli(['check', '--tolerance', 'lots', near])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--tolerance wants 'auto' or an amount ≥ 0, not 'lots'")
    const withoutCheck = await runCli(['convert', near, '--to', 'html', '--tolerance', '1'])
    expect([withoutCheck.code, withoutCheck.stderr]).toEqual([2, 'docmend: --tolerance applies only with --check\n'])
  })

  it('exits 1 with one line when an input cannot be read', async () => {
    const run = await runCli(['check', join(dir, 'missing.txt'), HOLDS])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(`docmend: ${join(dir, 'missing.txt')}: no such file\n`)
  })
})

describe('docmend check runs in the same sandbox as convert', () => {
  // Issue 17: a small DOCX of many megabytes of paragraphs made check die with
  // a V8 out-of-memory stack trace. 60 MiB of paragraphs (inside the archive's
  // floor) under a 128 MiB heap cap is the same case, reached quickly.
  it('stops an input that outgrows --max-memory with the one line convert gives, and goes on', async () => {
    // Long paragraphs: few XML elements (the DOCX reader refuses a part of too many before reading it), much text.
    const paragraphs = `<w:p><w:r><w:t>${'报告 report line '.repeat(100)}</w:t></w:r></w:p>`.repeat(Math.ceil((60 * 1024 * 1024) / 2000))
    const big = join(dir, 'paragraphs.docx')
    writeFileSync(big, writeZip(minimalDocxEntries(documentXml(paragraphs))))
    const check = await runCli(['check', '--max-memory', '128', big, HOLDS])
    expect(check.code).toBe(1)
    const reason = 'stopped: needed more than 128 MiB of memory (the --max-memory limit)'
    expect(check.stderr.toString()).toBe(`docmend: ${big}: ${reason}\n`)
    expect(check.stdout.toString()).toMatch(/1 table, 1 total, 1 sum checked: all hold/)
    const convert = await runCli(['convert', '--max-memory', '128', big, '--to', 'txt', '-o', join(dir, 'paragraphs.txt')])
    expect([convert.code, convert.stderr.toString()]).toEqual([1, `docmend: ${big}: ${reason}\n`])
  })

  it('refuses limits that make no sense with exit 2, as convert does', async () => {
    const run = await runCli(['check', '--timeout', 'soon', HOLDS])
    expect([run.code, run.stderr.toString()]).toEqual([2, "docmend: --timeout wants seconds (0 for no limit), not 'soon'\n"])
  })
})

describe('docmend convert --check', () => {
  it('warns about each failing total and marks it in the HTML', async () => {
    const out = join(dir, 'out.html')
    const run = await runCli(['convert', SEED_001, '--to', 'html', '-o', out, '--check'])
    expect(run.code).toBe(0)
    expect(run.stderr.trim().split('\n')).toHaveLength(2)
    expect(run.stderr).toContain('warning: table 2 "收到和处理政府信息公开申请情况": total at row "三、本年度办理结果 › （七）总计"')
    expect(readFileSync(out, 'utf8').match(/class="check-mismatch"/g)).toHaveLength(2)
  })
})

describe('the five sample reports (tables repaired from pasted text)', () => {
  it('reports seed 001’s （七）总计 row and nothing on the reports whose totals hold', async () => {
    const run = await runCli(['check', ...seedFiles])
    expect(run.code).toBe(3)
    const out = run.stdout.toString()
    const summaries = out.split('\n').filter((line) => /: \d+ tables?, \d+ totals?, \d+ sums? checked: /.test(line))
    expect(summaries.map((line) => [/seed-\d{3}/.exec(line)?.[0], /checked: (.*?) \(/.exec(line)?.[1]])).toEqual(
      seedFiles.map((f) => [/seed-\d{3}/.exec(f)?.[0], /seed-001_/.test(f) ? '2 do not add up' : 'all hold'])
    )
    expect(out).toMatch(/（七）总计" × "[^"]*自然人"/)
    expect(out).toContain('2.没有现成信息需要另行制作 1')
  })
})
