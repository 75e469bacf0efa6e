/**
 * Careless and hostile use of the CLI: outputs aimed at inputs, file names
 * full of control characters, Ctrl-C on a terminal, Markdown that mentions
 * `<table>`, re-runs with --skip-existing, and the small glitches users saw.
 */
import { spawn } from 'node:child_process'
import { linkSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, ROOT, runCli } from './helpers/cli.js'

const scratch = () => mkdtempSync(join(tmpdir(), 'docmend-hostile-cli-'))
const TABLE_TEXT = 'Name | Qty |\nApples | 3 |\nPears | 5 |\n'

describe('an output that would replace an input is refused (exit 2, one line, input untouched)', () => {
  it('-o naming the input itself, a symbolic link to it, or a hard link to it', async () => {
    const dir = scratch()
    const input = join(dir, 't.txt')
    writeFileSync(input, TABLE_TEXT)
    symlinkSync(input, join(dir, 'sym.txt'))
    linkSync(input, join(dir, 'hard.txt'))
    for (const output of [input, join(dir, 'sym.txt'), join(dir, 'hard.txt'), join(dir, '.', 'sub', '..', 't.txt')]) {
      const run = await runCli(['convert', input, '--to', 'txt', '-o', output])
      expect(run.code, output).toBe(2)
      expect(run.stderr.trim().split('\n'), output).toHaveLength(1)
      expect(run.stderr).toMatch(/would replace the input/)
      expect(readFileSync(input, 'utf8')).toBe(TABLE_TEXT)
    }
  })

  it('--out-dir that would put an output on a plain file argument, or on a file a glob found', async () => {
    const dir = scratch()
    const input = join(dir, 'notes.txt')
    writeFileSync(input, TABLE_TEXT)
    const single = await runCli(['convert', input, '--to', 'txt', '--out-dir', dir])
    expect(single.code).toBe(2)
    expect(single.stderr.trim().split('\n')).toHaveLength(1)
    // A glob run from the folder: the output folder is the folder itself, reached through a link.
    symlinkSync(dir, join(dir, 'here'))
    const globbed = await runCli(['convert', '*.txt', '--to', 'txt,md', '--out-dir', 'here'], { cwd: dir })
    expect(globbed.code).toBe(2)
    expect(globbed.stderr.trim().split('\n')).toHaveLength(1)
    expect(readFileSync(input, 'utf8')).toBe(TABLE_TEXT)
  })
})

describe('file names never break the one-line-per-failure contract', () => {
  it('escapes newlines, ANSI escapes and bidi controls in the name', async () => {
    const dir = scratch()
    const names = ['two\nlines.txt', '\u001b[2J\u001b[31mred.txt', 'invoice\u202etxt.exe']
    const run = await runCli(['convert', ...names.map((n) => join(dir, n)), '--to', 'txt', '--out-dir', join(dir, 'out')])
    expect(run.code).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(run.stderr).not.toMatch(/[\u001b\u202e]/)
    // Workers finish in any order.
    for (const shown of ['two\\nlines.txt: no such file', '\\e[2J\\e[31mred.txt: no such file', 'invoice\\u202etxt.exe: no such file']) {
      expect(lines.filter((l) => l.endsWith(shown))).toHaveLength(1)
    }
  })
})

/** Output of a command run on a real terminal (a pty from `script`), after Ctrl-C once `ready` shows in it. */
function interruptOnTerminal(command: string, ready: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    let output = ''
    let sent = false
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('latin1')
      if (!sent && output.includes(ready)) {
        sent = true
        child.stdin.write('\u0003') // Ctrl-C, as the terminal's line discipline sees it
      }
    })
    child.on('error', reject)
    child.on('close', () => {
      clearTimeout(timer)
      resolve(output)
    })
  })
}

describe('Ctrl-C during a batch on a terminal', () => {
  it('gives the cursor and line wrap back', async () => {
    const dir = scratch()
    // A named pipe nobody writes to: its conversion never finishes, so the batch is surely running when Ctrl-C comes.
    execFileSync('mkfifo', [join(dir, 'stuck.txt')])
    writeFileSync(join(dir, 'ok.txt'), TABLE_TEXT)
    const command = `${process.execPath} ${CLI} convert ${join(dir, 'stuck.txt')} ${join(dir, 'ok.txt')} --to txt --out-dir ${join(dir, 'out')}`
    const HIDE = '\u001b[?25l'
    const output = await interruptOnTerminal(command, HIDE)
    expect(output).toContain(HIDE)
    // Whatever was turned off last was turned back on after it.
    expect(output.lastIndexOf('\u001b[?25h')).toBeGreaterThan(output.lastIndexOf(HIDE))
    expect(output.lastIndexOf('\u001b[?7h')).toBeGreaterThan(output.lastIndexOf('\u001b[?7l'))
  })
})

describe('sniffing looks at the whole document', () => {
  it('reads Markdown with a <table> tag in it as Markdown', async () => {
    const md = '# Prices\n\nSome **bold** text.\n\n<table><tr><td>raw</td></tr></table>\n\n- a list\n'
    const run = await runCli(['convert', '-', '--to', 'json'], { input: md })
    expect(run.code).toBe(0)
    const tree = JSON.parse(run.stdout.toString())
    expect(tree.children.map((n: { type: string }) => n.type)).toEqual(['heading', 'paragraph', 'html', 'list'])
  })

  it('still reads an HTML fragment that starts with text as HTML', async () => {
    const run = await runCli(['convert', '-', '--to', 'md'], { input: 'Prices:\n<table><tr><th>A</th></tr><tr><td>1</td></tr></table>\n' })
    expect(run.code).toBe(0)
    expect(run.stdout.toString()).toMatch(/\| A +\|/)
  })
})

describe('--skip-existing', () => {
  it('converts again only the inputs changed since their outputs were written, and says how many it skipped', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.txt`), TABLE_TEXT)
    const inputs = ['a', 'b', 'c'].map((n) => join(dir, `${n}.txt`))
    const first = await runCli(['convert', ...inputs, '--to', 'txt,md', '--out-dir', out, '--skip-existing'])
    expect(first.code).toBe(0)
    expect(first.stderr).toBe('')
    // b changes after its outputs were written; c's md output is missing.
    const later = new Date(statSync(join(out, 'b.txt')).mtimeMs + 5_000)
    writeFileSync(join(dir, 'b.txt'), 'Name | Qty |\nPlums | 7 |\n')
    utimesSync(join(dir, 'b.txt'), later, later)
    execFileSync('rm', [join(out, 'c.md')])
    const aBefore = statSync(join(out, 'a.txt')).mtimeMs
    const again = await runCli(['convert', ...inputs, '--to', 'txt,md', '--out-dir', out, '--skip-existing'])
    expect(again.code).toBe(0)
    expect(again.stderr.trim()).toBe('docmend: skipped 1 file whose outputs are up to date')
    expect(statSync(join(out, 'a.txt')).mtimeMs).toBe(aBefore)
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toContain('Plums')
    expect(readFileSync(join(out, 'c.md'), 'utf8')).toContain('Apples')
  })
})

describe('small glitches users saw', () => {
  it('convert --help lists every template placeholder the HTML writer fills', async () => {
    const run = await runCli(['convert', '--help'])
    const help = run.stdout.toString().replace(/\s+/g, ' ')
    for (const field of ['body', 'title', 'lang', 'dir', 'style', 'heading', 'toc']) expect(help).toContain(`{{${field}}}`)
  })

  it('a generated title keeps paragraphs apart', async () => {
    const run = await runCli(['convert', '-', '--from', 'md', '--to', 'html'], { input: 'a\n\nb\n\n1234\n' })
    expect(run.code).toBe(0)
    expect(run.stdout.toString()).toMatch(/<title>a<\/title>/)
  })

  it('a repaired table cell shows no literal <sup></sup>, in any output', async () => {
    const md = '# Fruit\n\nItem<sup>1</sup> | Value | Note\nApples | 10 | fresh<sup></sup>\nPears | 20 | ok\n'
    for (const to of ['md', 'html', 'txt']) {
      const run = await runCli(['convert', '-', '--from', 'md', '--to', to], { input: md })
      expect(run.code).toBe(0)
      const out = run.stdout.toString()
      expect(out, to).not.toMatch(/&lt;\/?sup|\\<\/?sup|<sup><\/sup>/)
      expect(to === 'txt' ? out : '', to).not.toContain('<sup')
      expect(out).toContain('Apples')
    }
  })
})

describe('a long GFM table is parsed in parts (micromark holds a whole block in memory)', () => {
  it('gives the same table as parsing it whole, rows, cells and source span alike', async () => {
    const { markdownToMdast } = await import('../src/ingest/markdown.js')
    const { TABLE_ROWS_PER_PART } = await import('../src/ingest/markdown-chunks.js')
    const { unified } = await import('unified')
    const { default: remarkParse } = await import('remark-parse')
    const { default: remarkGfm } = await import('remark-gfm')
    const { toString } = await import('mdast-util-to-string')
    const rows = Array.from({ length: TABLE_ROWS_PER_PART * 2 + 17 }, (_, i) => `| r${i} | **${i}** \\| x | ${i % 2 ? '' : '`c`'} |`)
    const text = `# Title\n\nIntro.\n\n| A | B | C |\n|---|:-:|--:|\n${rows.join('\n')}\n\nAfter the table.\n`
    const whole = unified().use(remarkParse).use(remarkGfm).parse(text)
    const ours = markdownToMdast(text)
    const cells = (tree: typeof whole) =>
      tree.children.filter((n) => n.type === 'table').map((t) => (t as { children: { children: unknown[] }[] }).children.map((row) => row.children.map((c) => toString(c as never))))
    expect(cells(ours)).toEqual(cells(whole))
    expect(cells(ours)[0]).toHaveLength(rows.length + 1)
    const table = ours.children.find((n) => n.type === 'table')!
    const wholeTable = whole.children.find((n) => n.type === 'table')!
    expect(table.position?.start.offset).toBe(wholeTable.position?.start.offset)
    expect(table.position?.end.offset).toBe(wholeTable.position?.end.offset)
    expect(ours.children.map((n) => n.type)).toEqual(whole.children.map((n) => n.type))
  })
})
