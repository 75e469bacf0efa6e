/**
 * Do no harm to tables that were never broken (issue 13): where the source
 * already fixes the grid, the repair keeps it cell for cell and decides
 * only which cells are headers; a row, a header row or a row header is
 * never invented from weak evidence. Shapes from real tables: reference
 * tables of a language manual, platform-support lists, a feature list with
 * empty cells.
 */
import type { Table } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { tableGrid } from '../src/emit/text/table.js'
import { gridLines } from './support/html-tables.js'

async function gridsOf(text: string) {
  const { doc } = await readDocument(text, { from: 'text' })
  const tables: Table[] = []
  visit(doc.tree, 'table', (node) => {
    tables.push(node)
  })
  return tables.map((t) => tableGrid(t))
}

/** Every field at its own row and column, no spans; the first row heads, nothing else does. */
function naive(lines: string[], split: (line: string) => string[]): string[] {
  return lines.flatMap((line, r) => split(line).map((text, c) => `${r},${c} 1×1 ${r === 0 ? 'h' : 'd'} ${text}`))
}
const tabs = (line: string) => line.split('\t')
const pipes = (line: string) => line.replace(/ \|$/, '').split(' | ')

describe('a grid the source fixes is kept', () => {
  it('keeps every tab field in its column when one column has empty cells and the other never does (no row spans invented)', async () => {
    const lines = [
      'Feature\tImplies\tDescription',
      'adx\t\tADX: multi-precision add-carry',
      'aes\tsse2\tAES: advanced encryption',
      'avx\tsse4.2\tAVX: advanced vector extensions',
      'avx2\tavx\tAVX2: advanced vector extensions 2',
      'bmi1\t\tBMI1: bit manipulation',
      'bmi2\t\tBMI2: bit manipulation 2',
      'f16c\tavx\tF16C: half-precision conversion',
      'lzcnt\t\tLZCNT: leading zeros count'
    ]
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0])).toEqual(naive(lines, tabs))
  })

  it('keeps tab rows whose last empty fields were dropped at their slots (no labels moved right, no spans)', async () => {
    const lines = [
      'User action\tJOBCTL\tSECADM\tSQLADM\tSYSMON',
      'Set degree\tX\t\tX\t',
      'Change query attributes\tX\t\tX',
      'Start monitor\tX\t\tX\tX',
      'Visual explain\tX',
      'Dump plan cache\tX\t\tX'
    ]
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    const want = naive(lines, tabs).filter((l) => !/ d $/.test(l))
    expect(gridLines(grids[0]).filter((l) => !/ d $/.test(l))).toEqual(want)
    expect(grids[0].cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true)
  })

  it('reads a first row whose first field is empty (one leading tab) as the head of the tab rows below it', async () => {
    const lines = ['\tName', '\\x41\t7-bit character code', '\\n\tNewline', '\\r\tCarriage return']
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0])).toEqual(naive(lines, tabs))
  })

  it('keeps pipe rows whose first field is empty (` | text |`) in the table', async () => {
    const lines = ['Ferris | Meaning |', ' | This code does not compile! |', ' | This code panics! |', ' | This code does not do what was meant. |']
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0])).toEqual(naive(lines, (line) => line.trim().replace(/ ?\|$/, '').split(/ ?\| ?/).map((f) => f.trim())))
  })

  it('reads rows whose values are codes, marks and n/a as data: no row headers, no header cells in the body', async () => {
    const lines = [
      'Number literal | Example | Exponent |',
      'Decimal integer | 98_222 | N/A |',
      'Hex integer | 0xff | N/A |',
      'Octal integer | 0o77 | N/A |',
      'Floating-point | 123.0E+77 | Optional |'
    ]
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0])).toEqual(naive(lines, pipes))
  })

  it('does not take a row of words for a sub-head because the rows above it hold a few figures', async () => {
    const lines = ['Release | rustc | std | libc |', '10 | < 1.78.0 | ? | ? |', '11 | < 1.78.0 | < 1.78.0 | current |', '12+ | current | current | current |']
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0])).toEqual(naive(lines, pipes))
  })

  it('still heads the rows of a table of figures with its column of row labels', async () => {
    const lines = ['period\tlrm\tlry', '1974Q1\t11.63\t5.90', '1974Q2\t11.60\t5.87', '1974Q3\t11.58\t5.84']
    const grids = await gridsOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0]).filter((l) => / h /.test(l))).toEqual(['0,0 1×1 h period', '0,1 1×1 h lrm', '0,2 1×1 h lry', '1,0 1×1 h 1974Q1', '2,0 1×1 h 1974Q2', '3,0 1×1 h 1974Q3'])
  })
})
