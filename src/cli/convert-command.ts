/** `docmend convert`: inputs → outputs on disk or stdout. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { convert, DEFAULT_MAX_INPUT_BYTES } from '../convert.js'
import { FORMATS, type Format, type WriteOptions } from '../emit/types.js'
import { ConversionError, UsageError } from '../errors.js'
import { type PlannedFile, writeFilesAtomic } from '../io/atomic-write.js'
import type { InputKind } from '../sniff.js'
import { parseTolerance } from './check-command.js'
import { explainTables } from './explain.js'
import { readInputFile, readStdin } from './inputs.js'
import { extensionFor, safeStem } from './names.js'

export interface ConvertFlags {
  to: string
  output?: string
  outDir?: string
  from?: InputKind
  fragment?: boolean
  template?: string
  embedImages?: boolean
  mdTables: 'gfm' | 'html'
  width: string
  tables: 'auto' | 'grid' | 'linear'
  pageSize: 'a4' | 'letter'
  margin?: string
  font?: string
  password?: string
  pages?: string
  explain?: boolean
  check?: boolean
  tolerance: string
  verbose?: boolean
  debug?: boolean
}

/** Check flag combinations; throws UsageError (exit 2). */
export function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean)
  if (formats.length === 0) throw new UsageError('--to needs at least one format (md,html,pdf,txt,json)')
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format '${f}' (use md, html, pdf, txt or json)`)
  }
  return [...new Set(formats)] as Format[]
}

export function parsePages(range: string | undefined): { from: number; to: number } | undefined {
  if (range === undefined) return undefined
  const m = /^(\d+)(?:-(\d+))?$/.exec(range.trim())
  if (!m) throw new UsageError(`--pages wants a page or a range like 3-7, not '${range}'`)
  const from = Number(m[1])
  const to = m[2] === undefined ? from : Number(m[2])
  if (from < 1 || to < from) throw new UsageError(`--pages range '${range}' is empty`)
  return { from, to }
}

function validate(inputs: string[], flags: ConvertFlags, formats: Format[]): void {
  if (flags.output && flags.outDir) throw new UsageError('use either -o/--output or --out-dir, not both')
  if (flags.output && formats.length > 1) throw new UsageError('-o/--output takes one format; use --out-dir for several')
  if (inputs.length > 1 && !flags.outDir) throw new UsageError('several inputs need --out-dir')
  if (!flags.output && !flags.outDir && formats.length > 1) throw new UsageError('several formats need --out-dir (or one format to stdout)')
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError('stdin (-) can be read only once')
  if (!flags.check && flags.tolerance !== 'auto') throw new UsageError('--tolerance applies only with --check')
  const width = Number(flags.width)
  if (!Number.isInteger(width) || width < 20 || width > 1000) throw new UsageError(`--width wants a whole number from 20 to 1000, not '${flags.width}'`)
}

/** Convert every input; returns the exit code. */
export async function runConvert(inputs: string[], flags: ConvertFlags): Promise<number> {
  const formats = parseFormats(flags.to)
  validate(inputs, flags, formats)
  const pages = parsePages(flags.pages)
  const tolerance = parseTolerance(flags.tolerance)
  const pdf = await pdfOptions(flags)
  let template: string | undefined
  if (flags.template) {
    try {
      template = await readFile(flags.template, 'utf8')
    } catch {
      throw new UsageError(`cannot read template '${flags.template}'`)
    }
    if (!template.includes('{{body}}')) throw new UsageError(`template '${flags.template}' has no {{body}} placeholder`)
  }
  let failures = 0
  for (const input of inputs) {
    const ok = await convertOne(input, flags, formats, { template, pages, pdf, tolerance })
    if (!ok) failures++
  }
  return failures > 0 ? 1 : 0
}

async function convertOne(
  input: string,
  flags: ConvertFlags,
  formats: Format[],
  extra: { template: string | undefined; pages: { from: number; to: number } | undefined; pdf: WriteOptions; tolerance: number | undefined }
): Promise<boolean> {
  const label = input === '-' ? 'stdin' : input
  try {
    const bytes = input === '-' ? await readStdin(DEFAULT_MAX_INPUT_BYTES) : await readInputFile(input, DEFAULT_MAX_INPUT_BYTES)
    const stem = safeStem(input)
    const toFiles = Boolean(flags.output || flags.outDir)
    const writeOptions: WriteOptions = {
      mdTables: flags.mdTables,
      width: Number(flags.width),
      tables: flags.tables,
      mediaBase: `${stem}_media`,
      ...(flags.fragment ? { fragment: true } : {}),
      ...(extra.template !== undefined ? { template: extra.template } : {}),
      ...(flags.embedImages || !toFiles ? { embedImages: true } : {}),
      ...extra.pdf
    }
    const result = await convert(bytes, {
      to: formats,
      name: label,
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.password !== undefined ? { password: flags.password } : {}),
      ...(extra.pages ? { pages: extra.pages } : {}),
      ...(flags.check ? { check: { tolerance: extra.tolerance } } : {}),
      ...writeOptions
    })
    if (flags.explain) for (const line of explainTables(result.doc.tree)) process.stderr.write(`docmend: ${label}: ${line}\n`)
    for (const m of result.messages) {
      // Totals that do not add up are what --check asks for: always shown.
      if (flags.verbose || m.code === 'check-total-mismatch') process.stderr.write(`docmend: ${label}: ${m.type}: ${m.text}${m.line ? ` (line ${m.line})` : ''}\n`)
    }

    if (!toFiles) {
      const data = result.outputs[formats[0]]!
      process.stdout.write(typeof data === 'string' ? data : Buffer.from(data))
      return true
    }
    const planned: PlannedFile[] = formats.map((format) => ({
      path: flags.output ?? join(flags.outDir!, `${stem}.${extensionFor(format)}`),
      data: result.outputs[format]!
    }))
    const needsMedia = formats.some((f) => f === 'md' || f === 'json' || (f === 'html' && !flags.embedImages))
    if (needsMedia && result.doc.resources.length > 0) {
      const base = flags.outDir ?? join(flags.output!, '..')
      for (const resource of result.doc.resources) {
        planned.push({ path: join(base, `${stem}_media`, safeStem(resource.path) + resourceExtension(resource.path)), data: resource.bytes })
      }
    }
    await writeFilesAtomic(planned)
    return true
  } catch (error) {
    if (error instanceof UsageError) throw error
    const reason = error instanceof ConversionError ? error.message : `could not convert: ${(error as Error)?.message ?? String(error)}`
    process.stderr.write(`docmend: ${label}: ${reason.replace(/\s*\n\s*/g, ' ')}\n`)
    if (flags.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return false
  }
}

/** PDF page size, margin and font from the flags; a font that cannot be read is a usage error. */
async function pdfOptions(flags: ConvertFlags): Promise<WriteOptions> {
  const options: WriteOptions = { pageSize: flags.pageSize }
  if (flags.margin !== undefined) {
    const mm = Number(flags.margin)
    if (!Number.isFinite(mm) || mm < 0 || mm > 80) throw new UsageError(`--margin wants millimetres from 0 to 80, not '${flags.margin}'`)
    options.marginMm = mm
  }
  if (flags.font !== undefined) {
    const [, path, name] = /^(.*?)(?:#([^#/\\]+))?$/.exec(flags.font) ?? []
    try {
      options.font = new Uint8Array(await readFile(path))
    } catch {
      throw new UsageError(`cannot read font '${path}'`)
    }
    if (name) options.fontName = name
  }
  return options
}

function resourceExtension(path: string): string {
  const m = /\.[A-Za-z0-9]{1,5}$/.exec(path)
  return m ? m[0].toLowerCase() : ''
}
