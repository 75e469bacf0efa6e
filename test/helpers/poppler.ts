/** Run poppler-utils (installed by the test set-up) on PDF bytes. */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

async function withPdf<T>(pdf: Uint8Array, body: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'docmend-pdf-'))
  try {
    const path = join(dir, 'in.pdf')
    writeFileSync(path, pdf)
    return await body(path, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `pdftotext -raw` (content-stream order), optionally one page. */
export function pdfText(pdf: Uint8Array, page?: number): Promise<string> {
  return withPdf(pdf, async (path) => {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, path, '-'], { maxBuffer: 64 << 20 })
    return stdout
  })
}

/** `pdfinfo` fields as a map (Title, Tagged, Pages, Page size, …). */
export function pdfInfo(pdf: Uint8Array): Promise<Record<string, string>> {
  return withPdf(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', [path])
    return Object.fromEntries(stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]))
  })
}

/** Each page's size in points, `w x h`, from `pdfinfo -l`. */
export function pageSizes(pdf: Uint8Array): Promise<string[]> {
  return withPdf(pdf, async (path) => {
    const { stdout } = await run('pdfinfo', ['-l', '9999', path])
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1])
  })
}

/** `pdfinfo -struct` output: the structure tree as indented lines. */
export function pdfStructure(pdf: Uint8Array): Promise<string> {
  return withPdf(pdf, async (path) => (await run('pdfinfo', ['-struct', path], { maxBuffer: 64 << 20 })).stdout)
}

export interface FontRow {
  name: string
  embedded: boolean
  subset: boolean
}

/** `pdffonts` rows. */
export function pdfFonts(pdf: Uint8Array): Promise<FontRow[]> {
  return withPdf(pdf, async (path) => {
    const { stdout } = await run('pdffonts', [path])
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        // name, type (may contain spaces), encoding, emb, sub, uni, object, id
        const parts = l.trim().split(/\s+/)
        const n = parts.length
        return { name: parts[0], embedded: parts[n - 5] === 'yes', subset: parts[n - 4] === 'yes' }
      })
  })
}

/** PNG bytes of each page rendered at `dpi` by `pdftoppm`. */
export function pdfPages(pdf: Uint8Array, dpi = 72, page?: number): Promise<Buffer[]> {
  return withPdf(pdf, async (path, dir) => {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
    await run('pdftoppm', ['-r', String(dpi), '-png', ...range, path, join(dir, 'page')])
    return readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)))
  })
}
