/**
 * A form XObject that paints a tiling pattern whose content paints the form
 * again (pdf.js's own test file `operator_list_cycle.pdf`, objects 12 -> 13
 * -> 14 -> 12). pdf.js 5.6 expands it without end inside `getOperatorList`
 * (1.6 GB and the 30 s page budget before this was fixed); docmend now finds
 * the cycle in the page's resources first (src/ingest/pdf/extract/
 * drawing-cycles.ts): a page with nothing else fails in one line naming the
 * cycle, a page with text keeps its text. The CLI runs under a small
 * --max-memory and --timeout so the unfixed reader fails fast too; the
 * assertions are on the outcome, not on time.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drawingCycle, drawingIndex } from '../src/ingest/pdf/extract/drawing-cycles.js'
import { runCli } from './helpers/cli.js'

const CYCLE = new URL('./corpus/pdf/cycles/operator_list_cycle.pdf', import.meta.url)
const LIMITS = ['--max-memory', '256', '--timeout', '20']

let dir: string
let withText: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docmend-cycle-'))
  // The same file with a line of text drawn before the cycle (its xref is already broken; pdf.js rebuilds it).
  const bytes = readFileSync(CYCLE)
    .toString('latin1')
    .replace('stream\n1 0 0 1 315.779', 'stream\nBT /F1 12 Tf 1 0 0 1 72 700 Tm (Text beside the cycle) Tj ET\n1 0 0 1 315.779')
    .replace('    /Im6 12 0 R\n  >>\n', '    /Im6 12 0 R\n  >>\n  /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>\n')
  expect(bytes).toContain('Text beside the cycle')
  expect(bytes).toContain('/F1 << /Type /Font')
  withText = join(dir, 'cycle-with-text.pdf')
  await writeFile(withText, Buffer.from(bytes, 'latin1'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a form XObject that draws itself through a tiling pattern', () => {
  it('is found in the raw file: form 12 draws form 13, whose pattern 14 draws form 12', () => {
    const index = drawingIndex(new Uint8Array(readFileSync(CYCLE)))
    expect(drawingCycle(index, 3)).toEqual([12, 13, 14, 12])
  })

  it('fails the file with one line naming the cycle, and exit code 1', async () => {
    const run = await runCli(['convert', CYCLE.pathname, '--to', 'txt', ...LIMITS])
    expect(run.code).toBe(1)
    expect(run.stdout.length).toBe(0)
    expect(run.stderr.split('\n')).toHaveLength(2)
    expect(run.stderr).toMatch(
      /^docmend: .*operator_list_cycle\.pdf: no page of the PDF could be read; it is damaged \(page 1: a form XObject or pattern draws itself \(objects 12 0 R -> 13 0 R -> 14 0 R -> 12 0 R\)\)\n$/
    )
  })

  it('keeps the text of a page that also has such a drawing, and says what was left out', async () => {
    const run = await runCli(['convert', withText, '--to', 'txt', '--verbose', ...LIMITS])
    expect(run.code).toBe(0)
    expect(run.stdout.toString('utf8').trim()).toBe('Text beside the cycle')
    expect(run.stderr).toContain('page 1: a form XObject or pattern draws itself (objects 12 0 R -> 13 0 R -> 14 0 R -> 12 0 R); its drawings are not read, only its text')
  })
})
