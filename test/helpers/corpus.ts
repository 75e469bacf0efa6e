/**
 * The corpus of real third-party documents (`test/corpus`) and what pandoc reads from a file, reduced to facts docmend
 * can be compared on: text tokens, headings, list items, table shapes.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Nodes, Root } from 'mdast'
import { ROOT } from './cli.js'

/** The corpus vendored in `test/corpus` (see its SOURCES.md); DOCMEND_CORPUS points elsewhere. */
export function corpusDir(): string {
  const candidates = [process.env.DOCMEND_CORPUS, join(ROOT, 'test/corpus')]
  const found = candidates.find((dir): dir is string => Boolean(dir) && existsSync(dir as string))
  if (!found) throw new Error(`the shared corpus is missing (looked in ${candidates.filter(Boolean).join(', ')})`)
  return found
}

/** Every file under `dir` with the extension, relative paths, sorted; camelot's files are kept aside to judge docmend on, never used here. */
export function filesUnder(dir: string, extension: string): string[] {
  const out: string[] = []
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory() && entry.name === 'camelot') continue
      if (entry.isDirectory()) walk(rel)
      else if (entry.name.endsWith(extension)) out.push(rel)
    }
  }
  walk('')
  return out.sort()
}

export interface DocFacts {
  /** Words (letters and digits), and CJK ideographs one by one, lowercased. */
  tokens: string[]
  headings: number
  /** List items outside tables (docmend flattens lists inside cells). */
  items: number
  /** `rows×cols` of each top-level table. */
  tables: string[]
  /** Equations (pandoc only: mammoth drops them). */
  equations: number
}

export const tokensOf = (text: string): string[] => text.normalize('NFKC').toLowerCase().match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []

/* pandoc's JSON AST (pandoc-types 1.22, pandoc 2.17), walked loosely. */
type PandocNode = { t: string; c?: any }

export function pandocFacts(json: { blocks: PandocNode[]; meta?: Record<string, PandocNode> }): DocFacts {
  const text: string[] = []
  const facts: DocFacts = { tokens: [], headings: 0, items: 0, tables: [], equations: 0 }
  let inTable = 0
  const inlines = (xs: PandocNode[]) => xs.forEach(inline)
  const blocks = (bs: PandocNode[]) => bs.forEach(block)
  function inline(x: PandocNode): void {
    switch (x.t) {
      case 'Str':
        text.push(x.c)
        break
      case 'Space':
      case 'SoftBreak':
      case 'LineBreak':
        text.push(' ')
        break
      case 'Code':
        text.push(` ${x.c[1]} `)
        break
      case 'Math':
        facts.equations++
        break
      case 'Note':
        text.push(' ')
        blocks(x.c)
        text.push(' ')
        break
      case 'Link':
      case 'Image':
      case 'Span':
        inlines(x.c[1])
        break
      case 'Quoted':
      case 'Cite':
        inlines(x.c[1])
        break
      case 'RawInline':
        break
      default:
        if (Array.isArray(x.c)) inlines(x.c)
    }
  }
  function block(b: PandocNode): void {
    switch (b.t) {
      case 'Para':
      case 'Plain':
        inlines(b.c)
        text.push('\n')
        break
      case 'Header':
        facts.headings++
        inlines(b.c[2])
        text.push('\n')
        break
      case 'BulletList':
      case 'OrderedList':
        for (const item of b.t === 'BulletList' ? b.c : b.c[1]) {
          if (!inTable) facts.items++
          blocks(item)
        }
        break
      case 'BlockQuote':
        blocks(b.c)
        break
      case 'Div':
        blocks(b.c[1])
        break
      case 'CodeBlock':
        text.push(b.c[1], '\n')
        break
      case 'LineBlock':
        for (const line of b.c) inlines(line)
        break
      case 'DefinitionList':
        for (const [term, definitions] of b.c) {
          inlines(term)
          text.push('\n')
          for (const d of definitions) blocks(d)
        }
        break
      case 'Table': {
        const [, caption, colspecs, head, bodies, foot] = b.c
        const rows = [...head[1], ...bodies.flatMap((body: any) => [...body[2], ...body[3]]), ...foot[1]]
        if (!inTable) facts.tables.push(`${rows.length}×${colspecs.length}`)
        blocks(caption[1])
        inTable++
        for (const row of rows) for (const cell of row[1]) blocks(cell[4])
        inTable--
        break
      }
      default:
        break
    }
  }
  // pandoc lifts Title, Subtitle, Author, Date and Abstract paragraphs into
  // metadata; docmend keeps them in the body (the title as a heading).
  const meta = json.meta ?? {}
  const metaValue = (v: PandocNode | undefined): void => {
    if (!v) return
    if (v.t === 'MetaInlines') inlines(v.c)
    else if (v.t === 'MetaBlocks') blocks(v.c)
    else if (v.t === 'MetaList') v.c.forEach(metaValue)
    else if (v.t === 'MetaString') text.push(v.c)
    text.push('\n')
  }
  for (const key of ['title', 'subtitle', 'author', 'date', 'abstract']) metaValue(meta[key])
  if (meta.title) facts.headings++
  blocks(json.blocks)
  facts.tokens = tokensOf(text.join(''))
  return facts
}

const INLINE = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'inlineCode', 'break', 'html', 'image', 'footnoteReference'])

/** The same facts from docmend's tree. */
export function mdastFacts(tree: Root): DocFacts {
  const text: string[] = []
  const facts: DocFacts = { tokens: [], headings: 0, items: 0, tables: [], equations: 0 }
  const walk = (node: Nodes, inTable: boolean) => {
    if (node.type === 'heading') facts.headings++
    if (node.type === 'listItem' && !inTable) facts.items++
    if (node.type === 'table') {
      facts.tables.push(`${node.children.length}×${node.children[0]?.children.length ?? 0}`)
      if (node.data?.caption) text.push(node.data.caption, '\n')
    }
    if ('value' in node && node.type !== 'html') text.push(node.value)
    if (node.type === 'image') text.push(` ${node.alt ?? ''} `)
    if (node.type === 'break') text.push('\n')
    if ('children' in node) for (const child of node.children) walk(child as Nodes, inTable || node.type === 'table')
    if (!INLINE.has(node.type)) text.push('\n')
  }
  walk(tree, false)
  facts.tokens = tokensOf(text.join(''))
  return facts
}

/** pandoc's reading of a DOCX as JSON, or its one-line complaint. */
export function pandocJson(path: string): Promise<{ json?: any; error?: string }> {
  return new Promise((resolve) => {
    execFile('pandoc', ['-f', 'docx', '-t', 'json', path], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) resolve({ error: stderr.trim() || error.message })
      else resolve({ json: JSON.parse(stdout) })
    })
  })
}

/** Tokens of `a` not matched in `b`, as a multiset difference. */
export function missingFrom(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>()
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1)
  const missing: string[] = []
  for (const t of a) {
    const n = counts.get(t) ?? 0
    if (n > 0) counts.set(t, n - 1)
    else missing.push(t)
  }
  return missing
}
