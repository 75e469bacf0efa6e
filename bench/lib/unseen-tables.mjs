// Pasted text full of tables docmend has never seen: the test suite's own
// generator (test/support/table-generator.ts: random multi-level headers,
// numbered label hierarchies, merged cells, Chinese and English) flattened by
// its manglers into the six layouts in turn. The TypeScript sources are
// transpiled with the project's own TypeScript into node_modules/.cache, where
// their imports (string-width) resolve.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

export async function loadSupport(root) {
  const out = join(root, 'node_modules', '.cache', 'docmend-bench')
  mkdirSync(out, { recursive: true })
  for (const name of ['table-generator', 'manglers']) {
    const source = readFileSync(join(root, 'test', 'support', `${name}.ts`), 'utf8')
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
    writeFileSync(join(out, `${name}.js`), outputText)
  }
  const { generateTable } = await import(pathToFileURL(join(out, 'table-generator.js')).href)
  const { mangle, LAYOUTS } = await import(pathToFileURL(join(out, 'manglers.js')).href)
  return { generateTable, mangle, LAYOUTS }
}

/** About `targetBytes` of UTF-8 text: a caption line, then a mangled table, repeated; every table different (seeds from `firstSeed` on). */
export async function unseenTablesText(root, targetBytes, firstSeed = 1) {
  const { generateTable, mangle, LAYOUTS } = await loadSupport(root)
  const parts = []
  let bytes = 0
  let tables = 0
  for (let seed = firstSeed; bytes < targetBytes; seed++) {
    const truth = generateTable(seed)
    const layout = LAYOUTS[seed % LAYOUTS.length]
    const caption = truth.lang === 'zh' ? `表${seed}  本年度统计情况如下。` : `Table ${seed}. Figures for the year are as follows.`
    const block = `${caption}\n\n${mangle(truth, layout, seed).join('\n')}\n\n`
    parts.push(block)
    bytes += Buffer.byteLength(block)
    tables++
  }
  return { text: parts.join(''), tables }
}

/**
 * Tables one by one, for the slowest single repair: the first `count` unseen
 * tables, and in each layout one large table just under `maxBytes` (a head
 * of two rows over value columns, numbered row labels, a merged head cell).
 */
export async function singleTables(root, count, maxBytes) {
  const { generateTable, mangle, LAYOUTS } = await loadSupport(root)
  const out = []
  for (let seed = 1; seed <= count; seed++) {
    const layout = LAYOUTS[seed % LAYOUTS.length]
    out.push({ name: `generated #${seed} (${layout})`, lines: mangle(generateTable(seed), layout, seed) })
  }
  for (const layout of LAYOUTS) {
    let rows = 50
    let best = null
    for (;;) {
      const lines = mangle(largeTable(rows), layout, 1)
      if (Buffer.byteLength(lines.join('\n')) >= maxBytes) break
      best = { name: `${rows}-row table (${layout})`, lines }
      rows += 50
    }
    if (best) out.push(best)
  }
  return out
}

function largeTable(rows) {
  const cols = 7
  const cells = [{ row: 0, col: 0, rowSpan: 2, colSpan: 1, text: 'Item', header: true }, { row: 0, col: 1, rowSpan: 1, colSpan: 3, text: 'Budget', header: true }, { row: 0, col: 4, rowSpan: 1, colSpan: 3, text: 'Actual', header: true }]
  for (let c = 1; c < cols; c++) cells.push({ row: 1, col: c, rowSpan: 1, colSpan: 1, text: ['Q1', 'Q2', 'Q3'][(c - 1) % 3], header: true })
  for (let r = 2; r < rows; r++) {
    cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, text: `${r - 1}. Line item ${r - 1}`, header: true })
    for (let c = 1; c < cols; c++) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text: String((r * 37 + c * 101) % 9000), header: false })
  }
  return { rows, cols, headerRows: 2, cells, lang: 'en' }
}
