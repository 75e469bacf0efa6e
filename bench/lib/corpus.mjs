// The DOCX files of the corpus (test/corpus, or DOCMEND_CORPUS), sorted: what the DOCX and start-up benches convert.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export function docxCorpusFiles(root) {
  const dir = [process.env.DOCMEND_CORPUS, join(root, 'test/corpus')].find((d) => d && existsSync(d))
  if (!dir) throw new Error('test/corpus not found (set DOCMEND_CORPUS)')
  const out = []
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name))
      else if (e.name.endsWith('.docx')) out.push(join(d, e.name))
    }
  }
  walk(join(dir, 'docx'))
  return out.sort()
}
