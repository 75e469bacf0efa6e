/**
 * Turn the CLI's input arguments (files, folders, globs, `-`) into the list of
 * files to convert, each with the folder it sits in relative to its argument,
 * so `--out-dir` can mirror the input tree.
 */
import { stat } from 'node:fs/promises'
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/** The glob matcher loads only for folders and patterns: a plain file argument (the usual single-file run) needs none. */
const globbing = () => import('tinyglobby')

/** File name endings docmend picks up when it walks a folder. Globs and plain file arguments take anything. */
export const FOLDER_EXTENSIONS: readonly string[] = ['.docx', '.pdf', '.txt', '.text', '.html', '.htm', '.xhtml', '.md', '.markdown']

export interface ExpandedInput {
  /** Path to read, or `-` for stdin. */
  path: string
  /** How the input is named in messages. */
  label: string
  /** Folder under `--out-dir` for its outputs: where it sits under its folder or glob argument (`''` for a plain file). */
  relDir: string
}

/** An argument that yields nothing to convert; reported like a failed file. */
export interface ExpansionProblem {
  label: string
  reason: string
}

export interface Expansion {
  inputs: ExpandedInput[]
  problems: ExpansionProblem[]
  /** True when some argument was a folder or a glob (so outputs need `--out-dir`). */
  expanded: boolean
}

export interface ExpandOptions {
  /** A folder never to take inputs from (the output folder, which may sit inside an input folder). */
  exclude?: string
}

const isConvertible = (path: string) => FOLDER_EXTENSIONS.includes(extname(path).toLowerCase())

function within(path: string, folder: string | undefined): boolean {
  if (folder === undefined) return false
  const rel = relative(folder, path)
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

async function statOrNull(path: string) {
  try {
    return await stat(path)
  } catch {
    return null
  }
}

function relDirOf(relPath: string): string {
  const dir = dirname(relPath)
  return dir === '.' ? '' : dir
}

async function expandFolder(folder: string, exclude: string | undefined): Promise<ExpandedInput[]> {
  // Symbolic links are not followed: a link cycle must not make the walk endless.
  const { glob } = await globbing()
  const found = await glob('**/*', { cwd: folder, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false })
  return found
    .filter(isConvertible)
    .sort()
    .map((rel) => ({ path: join(folder, rel), label: join(folder, rel), relDir: relDirOf(rel) }))
    .filter((input) => !within(resolve(input.path), exclude))
}

async function expandGlob(pattern: string, exclude: string | undefined): Promise<ExpandedInput[]> {
  const { default: picomatch } = await import('picomatch')
  const base = picomatch.scan(pattern).base || '.'
  const { glob } = await globbing()
  const found = await glob(pattern, { onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false })
  return found
    .sort()
    .map((path) => ({ path, label: path, relDir: relDirOf(relative(base, path)) }))
    .filter((input) => !within(resolve(input.path), exclude))
}

/** Expand input arguments in order, dropping files named twice. */
export async function expandInputs(args: readonly string[], options: ExpandOptions = {}): Promise<Expansion> {
  const exclude = options.exclude === undefined ? undefined : resolve(options.exclude)
  const inputs: ExpandedInput[] = []
  const problems: ExpansionProblem[] = []
  let expanded = false
  const seen = new Set<string>()
  const add = (input: ExpandedInput) => {
    const key = input.path === '-' ? '-' : resolve(input.path)
    if (seen.has(key)) return
    seen.add(key)
    inputs.push(input)
  }

  for (const arg of args) {
    if (arg === '-') {
      add({ path: '-', label: 'stdin', relDir: '' })
      continue
    }
    const info = await statOrNull(arg)
    if (info?.isDirectory()) {
      expanded = true
      const found = await expandFolder(arg, exclude)
      if (found.length === 0) problems.push({ label: arg, reason: `a folder with no files to convert (${FOLDER_EXTENSIONS.join(', ')})` })
      found.forEach(add)
    } else if (!info && (await globbing()).isDynamicPattern(arg)) {
      expanded = true
      const found = await expandGlob(arg, exclude)
      if (found.length === 0) problems.push({ label: arg, reason: 'no files match this pattern' })
      found.forEach(add)
    } else {
      // A plain file, or a path that does not exist: the worker reports why it cannot be read.
      add({ path: arg, label: arg, relDir: '' })
    }
  }
  return { inputs, problems, expanded }
}
