import { readFileSync } from 'node:fs'
import { visit } from 'unist-util-visit'
import { expect, it } from 'vitest'
import { convert } from '../src/index.js'
import { pdfPages } from './helpers/poppler.js'
import { analyseTablePage, overlaps } from './helpers/table-boxes.js'

it('draws the seed tables as boxes that do not overlap and stay inside the page, one box per cell', async () => {
  const html = readFileSync(new URL('./fixtures/pdf-tables/seed-tables.html', import.meta.url))
  const { outputs, doc } = await convert(html, { from: 'html', to: 'pdf', pdfDate: new Date(0) })
  let originCells = 0
  visit(doc.tree, 'tableCell', (cell) => {
    if (!cell.data?.covered) originCells++
  })
  const pages = await pdfPages(outputs.pdf as Uint8Array, 72)
  expect(pages).toHaveLength(1)
  const page = analyseTablePage(pages[0])
  expect(page.rulings).not.toBeNull()
  // Ruling lines stay inside the page with room to spare (nothing clipped at the edges).
  expect(page.rulings!.x0).toBeGreaterThan(10)
  expect(page.rulings!.x1).toBeLessThan(page.width - 10)
  expect(page.rulings!.y1).toBeLessThan(page.height - 10)
  // Each enclosed region is one cell: as many as the tables have cells, each a rectangle.
  expect(page.cells).toHaveLength(originCells)
  for (const c of page.cells) {
    const box = (c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1)
    expect(c.area / box).toBeGreaterThan(0.9)
    expect(c.x0).toBeGreaterThanOrEqual(0)
    expect(c.x1).toBeLessThan(page.width)
  }
  const overlapping: [number, number][] = []
  for (let i = 0; i < page.cells.length; i++) {
    for (let j = i + 1; j < page.cells.length; j++) if (overlaps(page.cells[i], page.cells[j])) overlapping.push([i, j])
  }
  expect(overlapping).toEqual([])
})
