/**
 * Header decisions (src/tables/headers.ts) do work linear in the table.
 * Fuzz case 103 of the CI sample (`repeat-chunk` of a 5 KB Chinese report,
 * 1 MB of text, 18,000 lines) kept the CLI busy past its 9 s limit (31 s
 * without it): the text reader reads its lines as one long table, and
 * `inferRowHeaders` compared every body cell with every row label
 * (`stub.some`), and every column with every body cell. The bound is on
 * `headerWork.steps` (cells and rows looked at), not on time.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { type Grid, type GridCell, type RowCell, placeRows } from '../src/ast/grid.js'
import { headerWork, inferRowHeaders, leadingLabelRows } from '../src/tables/headers.js'
import { textToMdast } from '../src/ingest/text/index.js'
import { ROOT } from './helpers/cli.js'

function grid(rows: string[][]): Grid<string> {
  const spec: RowCell<string>[][] = rows.map((row) => row.map((content) => ({ content })))
  return placeRows(spec, () => '', 0).grid
}

/** Steps per cell a linear pass may take: a handful of passes over the cells and rows. */
const LINEAR = 16

function stepsPerCell(run: () => unknown, cells: number): number {
  headerWork.steps = 0
  run()
  return headerWork.steps / cells
}

describe('header decisions: work linear in the table', () => {
  it('a tall table of labelled figures: row labels are found in linear work', () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => [`Item ${r}`, String(r * 7)])
    const g = grid([['Name', 'Count'], ...rows])
    let out: Grid<string> | undefined
    expect(stepsPerCell(() => (out = inferRowHeaders({ ...g, headerRows: 1 }, (t) => t)), g.cells.length)).toBeLessThan(LINEAR)
    // The outcome is unchanged: column 0 heads its rows.
    const headers = out!.cells.filter((c: GridCell<string>) => c.header)
    expect(headers.length).toBe(20_000)
    expect(headers.every((c) => c.col === 0)).toBe(true)
  })

  it('a wide table of figures: figure columns are found in linear work', () => {
    const cols = 5_000
    const g = grid([['Label', ...Array.from({ length: cols }, (_, c) => `H${c}`)], ...Array.from({ length: 4 }, (_, r) => [`Row ${r}`, ...Array.from({ length: cols }, (_, c) => String(c + r))])])
    expect(stepsPerCell(() => inferRowHeaders({ ...g, headerRows: 1 }, (t) => t), g.cells.length)).toBeLessThan(LINEAR)
  })

  it('many rows of labels above a last row of data: leadingLabelRows is linear in the rows', () => {
    const rows = [...Array.from({ length: 20_000 }, (_, r) => [`label ${r}`]), ['42']]
    headerWork.steps = 0
    expect(leadingLabelRows(rows)).toBe(20_000)
    expect(headerWork.steps / rows.length).toBeLessThan(LINEAR)
  })

  it('fuzz case 103: a 1 MB paste of one 620-byte chunk 1,638 times reads as text in linear header work', async () => {
    // makeCase(1, 103, …) of scripts/fuzz/cases.mjs: `repeat-chunk` of this sample,
    // bytes 2822..3442 inserted 1,638 times at 2822 (1,020,585 bytes, as the fuzz run has it).
    const seed = await readFile(join(ROOT, 'samples/seed-002_bd83fd9759ba00f5.txt'))
    const bytes = Buffer.concat([seed.subarray(0, 2822), ...Array<Buffer>(1638).fill(seed.subarray(2822, 3442)), seed.subarray(2822)])
    expect(bytes.length).toBe(1_020_585)
    const text = bytes.toString('utf8')
    headerWork.steps = 0
    const { tree } = textToMdast(text)
    expect(headerWork.steps / text.length).toBeLessThan(LINEAR)
    // Nothing is dropped: every repeat of the chunk's text is in the tree.
    const all = toString(tree)
    const probe = '属于行政执法案卷'
    expect(text.includes(probe)).toBe(true)
    expect(all.split(probe).length).toBe(text.split(probe).length)
  }, 60_000)
})
