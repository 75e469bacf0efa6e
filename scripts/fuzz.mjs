#!/usr/bin/env node
// Fuzz docmend's CLI with mutated and hostile inputs (see scripts/fuzz/).
//
//   npm run fuzz -- --seed 1 --cases 5000            # thousands, locally
//   npm run fuzz -- --seed 1 --case 1234 --mode single --keep fuzz-findings   # reproduce one case
//
// Each case must end within 10 s with exit 0 (outputs written) or exit 1 (one
// line `docmend: <file>: <reason>`, nothing left behind), print nothing stray,
// and keep memory bounded. The CLI runs with `--timeout 9`: cases it stops are
// listed apart (the limit worked; they show slow spots). Internal errors
// (`could not convert: …`, a bug rather than bad input) count as findings.
// Exit code: 0 when no case broke that, 1 otherwise.
// Fuzzes samples/ and documents generated here; adds the shared corpus
// (test/corpus, or --corpus DIR; --corpus none leaves it out).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runFuzz } from './fuzz/run.mjs'
import { generatedDocx, loadSeeds } from './fuzz/seeds.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values: opts } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: '1000' },
    from: { type: 'string', default: '0' },
    case: { type: 'string', multiple: true },
    mode: { type: 'string', default: 'batch' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    chunk: { type: 'string', default: '200' },
    to: { type: 'string', default: 'html,md,txt,json' },
    corpus: { type: 'string', default: join(root, 'test/corpus') },
    keep: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean', default: false }
  }
})
if (!['batch', 'single'].includes(opts.mode)) throw new Error('--mode is batch or single')

const cli = join(root, 'dist', 'cli.js')
if (!existsSync(cli)) throw new Error('build first: npm run build')
const seeds = await loadSeeds({ root, corpus: opts.corpus === 'none' ? null : opts.corpus })
const ctx = { seeds, docx: await generatedDocx() }
const work = mkdtempSync(join(tmpdir(), 'docmend-fuzz-'))
const log = opts.json ? () => {} : (line) => process.stderr.write(`${line}\n`)
log(`fuzz: seed ${opts.seed}, ${seeds.length} seed files${existsSync(opts.corpus) ? ' (with the shared corpus)' : ''}, mode ${opts.mode}, ${opts.jobs} job(s)`)
let report
try {
  report = await runFuzz({
    cli,
    work,
    seed: Number(opts.seed),
    from: Number(opts.from),
    count: Number(opts.cases),
    ...(opts.case ? { only: opts.case.flatMap((c) => c.split(',')).map(Number) } : {}),
    mode: opts.mode,
    jobs: Number(opts.jobs),
    chunk: opts.mode === 'single' ? Number(opts.jobs) * 4 : Number(opts.chunk),
    formats: opts.to.split(','),
    ctx,
    keepDir: opts.keep,
    log
  })
} finally {
  rmSync(work, { recursive: true, force: true })
}
report.seedFiles = seeds.length

if (opts.report) writeFileSync(opts.report, `${JSON.stringify(report, null, 2)}\n`)
if (opts.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} else {
  const out = []
  out.push(`\n${report.cases} cases in ${report.seconds} s: ${report.converted} converted, ${report.failed} failed with one clean line; peak RSS ${report.peakRssMb} MiB`)
  if (report.duplicates) out.push(`(${report.duplicates} of them repeat an earlier case byte for byte: not converted again, counted with its outcome)`)
  out.push('\nkind                      cases  converted  failed')
  for (const [kind, k] of Object.entries(report.byKind).sort()) out.push(`${kind.padEnd(24)} ${String(k.cases).padStart(6)} ${String(k.converted).padStart(10)} ${String(k.failed).padStart(7)}`)
  out.push('\nmost common failure reasons:')
  for (const [reason, n] of Object.entries(report.reasons).sort((a, b) => b[1] - a[1]).slice(0, 15)) out.push(`${String(n).padStart(6)}  ${reason}`)
  for (const note of report.notes) out.push(`note: ${note}`)
  out.push(`\n${report.stopped.length} case(s) stopped by the per-file time or memory limit (contract kept; slow spots to look at):`)
  for (const s of report.stopped) out.push(`  case ${s.index} ${s.kind}${s.detail ? ` (${s.detail})` : ''}${s.seed ? ` from ${s.seed}` : ''}: ${s.reason}`)
  out.push(`\n${report.findings.length} finding(s)${report.findings.length ? ':' : ''}`)
  for (const f of report.findings) {
    out.push(`  case ${f.index} ${f.kind}${f.detail ? ` (${f.detail})` : ''}${f.seed ? ` from ${f.seed}` : ''}: ${f.problem}: ${f.info}`)
    out.push(`    reproduce: npm run fuzz -- --seed ${report.seed} --case ${f.index} --mode single --keep fuzz-findings`)
  }
  process.stdout.write(`${out.join('\n')}\n`)
}
process.exitCode = report.findings.length > 0 ? 1 : 0
