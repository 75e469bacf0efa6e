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
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drawingCycle, drawingIndex } from '../src/ingest/pdf/extract/drawing-cycles.js'
import { runCli } from './helpers/cli.js'

const CYCLE = new URL('./corpus/pdf/cycles/operator_list_cycle.pdf', import.meta.url)
const LIMITS = ['--max-memory', '256', '--timeout', '20']

/** A PDF of the given objects (object 1 the page, 2 its content), without an xref table: the reader here scans for objects. */
function rawPdf(objects: Record<number, string | { dict: string; data: Buffer }>): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')]
  for (const [num, body] of Object.entries(objects)) {
    if (typeof body === 'string') parts.push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`))
    else parts.push(Buffer.from(`${num} 0 obj\n<< ${body.dict} /Length ${body.data.length} >>\nstream\n`), body.data, Buffer.from('\nendstream\nendobj\n'))
  }
  return new Uint8Array(Buffer.concat(parts))
}
const stream = (dict: string, content: string) => ({ dict, data: Buffer.from(content) })
const cycleOf = (objects: Record<number, string | { dict: string; data: Buffer }>) => drawingCycle(drawingIndex(rawPdf(objects)), 1)

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

  it('is found through a pattern without resources of its own (it draws with the page’s)', () => {
    expect(
      cycleOf({
        1: '<< /Type /Page /Resources << /Pattern << /P 5 0 R >> >> /Contents 2 0 R >>',
        2: stream('', '/Pattern cs /P scn 0 0 10 10 re f'),
        5: stream('/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 1 1] /XStep 1 /YStep 1', '/Pattern cs /P scn 0 0 1 1 re f')
      })
    ).toEqual([5, 5])
  })

  it('is found in compressed content, and resources inherited from the page tree', () => {
    expect(
      cycleOf({
        1: '<< /Type /Page /Parent 3 0 R /Contents 2 0 R >>',
        2: stream('', 'q /X Do Q'),
        3: '<< /Type /Pages /Kids [1 0 R] /Count 1 /Resources << /XObject << /X 4 0 R >> >> >>',
        4: { dict: '/Subtype /Form /BBox [0 0 1 1] /Filter /FlateDecode', data: deflateSync('/X Do') }
      })
    ).toEqual([4, 4])
  })

  it('is not reported for a form drawn twice, nor for resources that list a form its content does not draw', () => {
    expect(
      cycleOf({
        1: '<< /Type /Page /Resources 6 0 R /Contents 2 0 R >>',
        2: stream('', '/A Do /B Do'),
        6: '<< /XObject << /A 3 0 R /B 4 0 R /C 5 0 R >> >>',
        3: stream('/Subtype /Form /BBox [0 0 1 1] /Resources 6 0 R', '/C Do'),
        4: stream('/Subtype /Form /BBox [0 0 1 1] /Resources 6 0 R', '/C Do'),
        5: stream('/Subtype /Form /BBox [0 0 1 1] /Resources 6 0 R', '0 0 1 1 re f')
      })
    ).toBeNull()
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
