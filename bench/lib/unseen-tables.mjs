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

async function loadSupport(root) {
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

/** About `targetBytes` of UTF-8 text: a caption line, then a mangled table, repeated; every table different. */
export async function unseenTablesText(root, targetBytes) {
  const { generateTable, mangle, LAYOUTS } = await loadSupport(root)
  const parts = []
  let bytes = 0
  let tables = 0
  for (let seed = 1; bytes < targetBytes; seed++) {
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
