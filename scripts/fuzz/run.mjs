// Run fuzz cases through the real CLI and check the contract for each:
// it ends within 10 s, exits 0 (outputs written, stderr silent) or 1 (exactly
// one line `docmend: <file>: <reason>`, no output left behind), prints
// nothing stray, and its memory stays bounded.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { caseFileName, makeCase } from './cases.mjs'

/** Per-case wall-clock limit (the issue's contract). */
export const CASE_LIMIT_MS = 10_000
/**
 * The CLI's own per-file limit (`--timeout`), a second under the contract so a
 * case ends in time even counting the worker's start. A case it stops has kept
 * the contract (exit 1, one line, nothing left) and is listed as "stopped", not
 * as a finding: that is the limit doing its job on a giant or slow input.
 */
export const CLI_TIMEOUT_S = 9
/** Peak RSS above which a run is a memory blow-up: one case at a time, and a batch of `jobs` at once. */
export const RSS_LIMIT_MB = { single: 2048, batch: 3072 }

/** Failure reasons that are findings even though the contract held: a bug, not bad input. */
const FAILURE_KINDS = {
  'internal-error': /^could not convert: /
}
/** Failure reasons that mean a limit stopped the case. */
export const STOPPED = /^stopped: (took longer than [\d.]+ s \(the --timeout limit\)|needed more than \d+ MiB of memory \(the --max-memory limit\))/

/** Peak resident memory of a process, read from /proc while it runs (Linux; 0 elsewhere). */
function watchRss(pid) {
  let peakKb = 0
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (m) peakKb = Math.max(peakKb, Number(m[1]))
    } catch {
      // process gone
    }
  }
  const timer = setInterval(read, 50)
  return () => {
    clearInterval(timer)
    return Math.round(peakKb / 1024)
  }
}

function runCli(cli, args, limitMs) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const stopRss = watchRss(child.pid)
    const out = []
    const err = []
    let killed = false
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, limitMs)
    child.stdout.on('data', (d) => out.push(d))
    child.stderr.on('data', (d) => err.push(d))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, killed, ms: Date.now() - started, peakRssMb: stopRss(), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })
    })
  })
}

function filesUnder(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name))
  } catch {
    return []
  }
}

const stemOf = (c) => caseFileName(c).slice(0, -c.ext.length)
const lineCount = (text) => text.split('\n').filter(Boolean).length

/** Findings for one case, from its failure reason (or none) and the files it left. */
function judge(c, failure, linesForCase, leftFiles, formats) {
  const findings = []
  const add = (problem, detail) => findings.push({ index: c.index, kind: c.kind, seed: c.seed, detail: c.detail, problem, info: detail })
  if (linesForCase > 1) add('several-lines', `${linesForCase} error lines`)
  if (failure !== null) {
    for (const [problem, pattern] of Object.entries(FAILURE_KINDS)) if (pattern.test(failure)) add(problem, failure)
    if (leftFiles.length > 0) add('leftover', `failed but left ${leftFiles.map((f) => f.split('/').at(-1)).join(', ')}`)
  } else {
    const written = new Set(leftFiles.map((f) => f.split('/').at(-1)))
    const missing = formats.filter((f) => !written.has(`${stemOf(c)}.${f === 'txt' ? 'txt' : f}`))
    if (missing.length > 0) add('missing-output', `exit 0 without ${missing.join(', ')}`)
  }
  if (leftFiles.some((f) => f.endsWith('.tmp'))) add('leftover', 'temporary file left behind')
  return findings
}

/** One case, alone in its own CLI process. */
async function runSingle(c, { cli, work, formats }) {
  const dir = join(work, `single-${c.index}`)
  const out = join(dir, 'out')
  mkdirSync(dir, { recursive: true })
  const input = join(dir, caseFileName(c))
  writeFileSync(input, c.bytes)
  const run = await runCli(cli, ['convert', input, '--to', formats.join(','), '--out-dir', out, '--jobs', '1', '--timeout', String(CLI_TIMEOUT_S)], CASE_LIMIT_MS)
  const left = filesUnder(out)
  rmSync(dir, { recursive: true, force: true })
  const base = { index: c.index, kind: c.kind, seed: c.seed, detail: c.detail }
  if (run.killed) return { outcome: 'failed', reason: 'killed by the harness', findings: [{ ...base, problem: 'hang', info: `still running after ${CASE_LIMIT_MS / 1000} s` }], peakRssMb: run.peakRssMb }
  const findings = []
  if (run.code !== 0 && run.code !== 1) findings.push({ ...base, problem: 'crash', info: `exit ${run.code ?? run.signal}: ${run.stderr.slice(0, 300)}` })
  if (run.stdout !== '') findings.push({ ...base, problem: 'stray-output', info: `stdout: ${run.stdout.slice(0, 200)}` })
  const prefix = `docmend: ${input}: `
  const lines = run.stderr.split('\n').filter(Boolean)
  const own = lines.filter((l) => l.startsWith(prefix))
  if (lines.length !== own.length) findings.push({ ...base, problem: 'stray-output', info: lines.filter((l) => !l.startsWith(prefix)).join(' | ').slice(0, 300) })
  if (run.code === 1 && own.length === 0) findings.push({ ...base, problem: 'several-lines', info: 'exit 1 without its error line' })
  if (run.code === 0 && own.length > 0) findings.push({ ...base, problem: 'several-lines', info: 'exit 0 with an error line' })
  const failure = run.code === 1 && own[0] ? own[0].slice(prefix.length) : null
  findings.push(...judge(c, failure, own.length, left, formats))
  if (run.peakRssMb > RSS_LIMIT_MB.single) findings.push({ ...base, problem: 'memory', info: `peak RSS ${run.peakRssMb} MiB` })
  return { outcome: failure === null ? 'converted' : 'failed', reason: failure, findings, peakRssMb: run.peakRssMb }
}

/** Many cases in one CLI run (a folder, `--jobs` workers); falls back to one process per case when the run itself misbehaves. */
async function runChunk(cases, { cli, work, formats, jobs }) {
  const dir = join(work, `chunk-${cases[0].index}`)
  const inDir = join(dir, 'in')
  const out = join(dir, 'out')
  mkdirSync(inDir, { recursive: true })
  for (const c of cases) writeFileSync(join(inDir, caseFileName(c)), c.bytes)
  const limit = Math.ceil(cases.length / jobs) * CASE_LIMIT_MS + 60_000
  const run = await runCli(cli, ['convert', inDir, '--to', formats.join(','), '--out-dir', out, '--jobs', String(jobs), '--timeout', String(CLI_TIMEOUT_S)], limit)
  const left = filesUnder(out)
  rmSync(dir, { recursive: true, force: true })

  const lines = run.stderr.split('\n').filter(Boolean)
  const summary = /^docmend: \d+ of \d+ files failed \(\d+ converted in [\d.]+ s\)$/
  const byFile = new Map(cases.map((c) => [join(inDir, caseFileName(c)), c]))
  const reasons = new Map()
  const stray = []
  for (const line of lines) {
    if (summary.test(line)) continue
    const file = [...byFile.keys()].find((f) => line.startsWith(`docmend: ${f}: `))
    if (!file) stray.push(line)
    else reasons.set(file, [...(reasons.get(file) ?? []), line.slice(`docmend: ${file}: `.length)])
  }
  const runBroke = run.killed || (run.code !== 0 && run.code !== 1) || run.peakRssMb > RSS_LIMIT_MB.batch || stray.length > 0 || run.stdout !== ''
  if (runBroke) {
    // Find the culprits one by one.
    const results = []
    for (const c of cases) results.push(await runSingle(c, { cli, work, formats }))
    return { results, peakRssMb: run.peakRssMb, note: `batch run ${run.killed ? 'killed' : `exit ${run.code ?? run.signal}`}, peak ${run.peakRssMb} MiB, ${stray.length} stray line(s): re-run one by one` }
  }
  const results = []
  for (const [file, c] of byFile) {
    const own = reasons.get(file) ?? []
    const mine = left.filter((f) => f.split('/').at(-1).startsWith(`${stemOf(c)}.`) || f.includes(`/${stemOf(c)}_media/`))
    const failure = own[0] ?? null
    results.push({ outcome: failure === null ? 'converted' : 'failed', reason: failure, findings: judge(c, failure, own.length, mine, formats), peakRssMb: run.peakRssMb })
  }
  const failures = results.filter((r) => r.outcome === 'failed').length
  if ((failures > 0 ? 1 : 0) !== run.code) results[0].findings.push({ index: cases[0].index, kind: 'run', seed: '', detail: '', problem: 'crash', info: `exit ${run.code} with ${failures} failure(s)` })
  return { results, peakRssMb: run.peakRssMb }
}

/** Shorten a failure reason into a stable bucket for the report. */
const bucket = (reason) => reason.replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'").slice(0, 90)

/**
 * Run cases [from, from + count) of `seed` (or the `only` indexes), in batches of `chunk`.
 * Returns the report: counts per kind and outcome, failure reasons, findings.
 */
export async function runFuzz({ cli, work, seed, from = 0, count, only, mode, jobs, chunk, formats, ctx, keepDir, log = () => {} }) {
  const indexes = only ?? Array.from({ length: count }, (_, i) => from + i)
  const started = Date.now()
  const report = { seed, cases: 0, duplicates: 0, mode, jobs, formats, converted: 0, failed: 0, byKind: {}, reasons: {}, findings: [], stopped: [], peakRssMb: 0, notes: [] }
  // The hostile generators have a handful of fixed shapes, so some cases repeat an earlier
  // case byte for byte: such a case is not converted again but counts with that case's outcome.
  const firstWithBytes = new Map()
  const resultOf = new Map()
  for (let at = 0; at < indexes.length; at += chunk) {
    const cases = indexes.slice(at, at + chunk).map((i) => makeCase(seed, i, ctx))
    const sameAs = cases.map((c) => {
      const hash = createHash('sha256').update(c.bytes).digest('hex')
      const first = firstWithBytes.get(hash)
      if (first === undefined) firstWithBytes.set(hash, c.index)
      return first
    })
    const fresh = cases.filter((_, i) => sameAs[i] === undefined)
    const { results: freshResults, peakRssMb, note } =
      fresh.length === 0
        ? { results: [], peakRssMb: 0 }
        : mode === 'single'
          ? await runMany(fresh, jobs, (c) => runSingle(c, { cli, work, formats }))
          : await runChunk(fresh, { cli, work, formats, jobs })
    fresh.forEach((c, i) => resultOf.set(c.index, freshResults[i]))
    if (note) report.notes.push(note)
    report.peakRssMb = Math.max(report.peakRssMb, peakRssMb)
    cases.forEach((c, i) => {
      const first = sameAs[i]
      // A repeat shares its first case's outcome; that case already reported any findings and stop.
      const r = first === undefined ? resultOf.get(c.index) : { ...resultOf.get(first), findings: [], duplicate: true }
      if (r.duplicate) report.duplicates++
      report.cases++
      report[r.outcome]++
      const k = (report.byKind[c.kind] ??= { cases: 0, converted: 0, failed: 0 })
      k.cases++
      k[r.outcome]++
      if (r.reason) report.reasons[bucket(r.reason)] = (report.reasons[bucket(r.reason)] ?? 0) + 1
      if (r.reason && !r.duplicate && STOPPED.test(r.reason)) report.stopped.push({ index: c.index, kind: c.kind, seed: c.seed, detail: c.detail, reason: r.reason })
      report.findings.push(...r.findings)
      if (keepDir && r.findings.length > 0) {
        mkdirSync(keepDir, { recursive: true })
        writeFileSync(join(keepDir, caseFileName(c)), c.bytes)
      }
    })
    log(`fuzz: ${report.cases}/${indexes.length} cases, ${report.failed} failed cleanly (${report.stopped.length} stopped by a limit), ${report.findings.length} finding(s), ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  report.seconds = Math.round((Date.now() - started) / 1000)
  return report
}

async function runMany(cases, jobs, one) {
  const results = new Array(cases.length)
  let next = 0
  let peakRssMb = 0
  await Promise.all(
    Array.from({ length: Math.min(jobs, cases.length) }, async () => {
      while (next < cases.length) {
        const i = next++
        results[i] = await one(cases[i])
        peakRssMb = Math.max(peakRssMb, results[i].peakRssMb)
      }
    })
  )
  return { results, peakRssMb }
}
