/**
 * The cases of issue 13 ("tables nobody tuned for"), each read as a user
 * would: through the text reader, and where the issue ran the CLI, the CLI.
 */
import type { Table } from 'mdast'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { tableGrid } from '../src/emit/text/table.js'
import { forestWork } from '../src/tables/infer/forest.js'
import { runCli } from './helpers/cli.js'
import { gridLines } from './support/html-tables.js'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CLI, ROOT } from './helpers/cli.js'

async function tablesOf(text: string) {
  const { doc } = await readDocument(text, { from: 'text' })
  const tables: Table[] = []
  visit(doc.tree, 'table', (node) => {
    tables.push(node)
  })
  return { tables, grids: tables.map((t) => tableGrid(t)), tree: doc.tree }
}

/** Every field of the source at its own row and column, no spans. */
function naiveLines(lines: string[], split: (line: string) => string[]): string[] {
  return lines.flatMap((line, r) => split(line).map((text, c) => `${r},${c} 1×1 ${text}`))
}
/** Grid lines (`r,c …`) in row-major order. */
const byPosition = (a: string, b: string) => {
  const [ra, ca] = a.split(' ')[0].split(',').map(Number)
  const [rb, cb] = b.split(' ')[0].split(',').map(Number)
  return ra - rb || ca - cb
}
const withoutHeaderFlag = (lines: string[]) => lines.map((l) => l.replace(/ [hd] /, ' '))

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT })
})

describe('issue 13: tables nobody tuned for', () => {
  it('(1) keeps a regular six-field tab table as it is: no invented column, no shifted value', async () => {
    const lines = [
      'Date\tMax °C\tMin °C\tRain mm\tWind km/h\tSky',
      '2024-06-01\t21.5\t12.0\t0.0\t14\tSunny',
      '2024-06-02\t19.1\t11.2\t3.4\t22\tShowers',
      '2024-06-03\t—\t10.9\t12.5\t30\tRain',
      '2024-06-04\t23.0\t13.4\t0.0\t9\tSunny'
    ]
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].cols).toBe(6)
    expect(grids[0].headerRows).toBe(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => l.split('\t')))
  })

  it('(2) reads a six-column pipe table with a two-row State cell and two header groups, Yes/No under their groups', async () => {
    const text = [
      'State | Scheme A | Scheme B | |||',
      'Target | Met | Target | Met | Audit | |',
      'Kerala | Yes | No | Yes | Yes | No |',
      'Goa | No | No | Yes | No | Yes |'
    ].join('\n')
    const { grids } = await tablesOf(text)
    expect(grids).toHaveLength(1)
    expect(gridLines(grids[0])).toEqual([
      '0,0 2×1 h State',
      '0,1 1×2 h Scheme A',
      '0,3 1×3 h Scheme B',
      '1,1 1×1 h Target',
      '1,2 1×1 h Met',
      '1,3 1×1 h Target',
      '1,4 1×1 h Met',
      '1,5 1×1 h Audit',
      '2,0 1×1 h Kerala',
      '2,1 1×1 d Yes',
      '2,2 1×1 d No',
      '2,3 1×1 d Yes',
      '2,4 1×1 d Yes',
      '2,5 1×1 d No',
      '3,0 1×1 h Goa',
      '3,1 1×1 d No',
      '3,2 1×1 d No',
      '3,3 1×1 d Yes',
      '3,4 1×1 d No',
      '3,5 1×1 d Yes'
    ])
  })

  const statesInput = 'State\tRevenue\t\tCapital\t\tSubtotal\tOthers\tTotal\n\tMedical\tFamily\tMedical\tFamily\nAssam\t10\t20\t30\t40\t100\t5\t105\n'

  it('(3) puts header groups over the exact tab positions', async () => {
    const { grids } = await tablesOf(statesInput)
    expect(gridLines(grids[0])).toEqual([
      '0,0 2×1 h State',
      '0,1 1×2 h Revenue',
      '0,3 1×2 h Capital',
      '0,5 2×1 h Subtotal',
      '0,6 2×1 h Others',
      '0,7 2×1 h Total',
      '1,1 1×1 h Medical',
      '1,2 1×1 h Family',
      '1,3 1×1 h Medical',
      '1,4 1×1 h Family',
      '2,0 1×1 h Assam',
      '2,1 1×1 d 10',
      '2,2 1×1 d 20',
      '2,3 1×1 d 30',
      '2,4 1×1 d 40',
      '2,5 1×1 d 100',
      '2,6 1×1 d 5',
      '2,7 1×1 d 105'
    ])
  })

  it('(3) docmend check does not cry wolf on it: 10+20+30+40 = 100', async () => {
    const run = await runCli(['check', '-'], { input: statesInput })
    expect(run.stdout.toString()).not.toContain('does not add up')
    expect(run.code).toBe(0)
  })

  it('(4) gives a text-only table one header row, and body cells stay data cells', async () => {
    const run = await runCli(['convert', '-', '--from', 'text', '--to', 'html', '--fragment'], {
      input: 'Name\tRole\tCity\nAlice\tEngineer\tParis\nBob\tManager\tLyon\n'
    })
    expect(run.code).toBe(0)
    const html = run.stdout.toString()
    expect(html.match(/<th\b/g)).toHaveLength(3)
    expect(html.match(/<td\b/g)).toHaveLength(6)
    expect(html).toContain('<td>Alice</td>')
  })

  it('(5) reads a pipe-row train timetable (times, arr/dep sub-rows, \\| and —) with bounded work', async () => {
    const text = [
      'Station | Train 101 | Train 103 | Train 105 | Train 107 | Train 109 | |',
      'Zürich HB | dep | 05:52 | 06:22 | 07:02 | 07:32 | 08:02 |',
      'Thalwil | arr | 06:01 | \\| | 07:11 | \\| | 08:11 |',
      'dep | 06:02 | \\| | 07:12 | \\| | 08:12 | |',
      'Wädenswil | arr | 06:10 | 06:38 | 07:20 | — | 08:20 |',
      'dep | 06:11 | 06:39 | 07:21 | — | 08:21 | |',
      'Pfäffikon SZ | arr | 06:16 | \\| | 07:26 | 07:52 | 08:26 |',
      'dep | 06:17 | \\| | 07:27 | 07:53 | 08:27 | |',
      'Ziegelbrücke | arr | 06:29 | 06:55 | 07:39 | 08:05 | 08:39 |',
      'dep | 06:31 | 06:57 | 07:41 | 08:07 | 08:41 | |',
      'Sargans | arr | 06:52 | 07:18 | 08:02 | 08:28 | 09:02 |',
      'dep | 06:53 | 07:19 | 08:03 | 08:29 | 09:03 | |',
      'Chur | arr | 07:24 | 07:50 | 08:34 | 09:00 | 09:34 |'
    ].join('\n')
    forestWork.states = 0
    const { grids } = await tablesOf(text)
    // The header search visits a bounded number of states (it was exponential in the head depth).
    expect(forestWork.states).toBeLessThan(5000)
    expect(grids).toHaveLength(1)
    const grid = grids[0]
    expect(grid.cols).toBe(7)
    const at = (r: number, c: number) => grid.cells.find((cell) => cell.row <= r && r < cell.row + cell.rowSpan && cell.col <= c && c < cell.col + cell.colSpan)?.content
    // Thalwil spans its arr and dep rows; the escaped pipe is a cell of its own, "passes without stopping".
    expect([at(2, 0), at(3, 0), at(2, 1), at(3, 1)]).toEqual(['Thalwil', 'Thalwil', 'arr', 'dep'])
    expect([at(0, 3), at(2, 3), at(3, 3), at(3, 4)]).toEqual(['Train 103', '|', '|', '07:12'])
    expect([at(0, 5), at(4, 5)]).toEqual(['Train 107', '—'])
  })

  it('(6) leaves numbered paragraphs with a tab as paragraphs, every word kept', async () => {
    const text = [
      'Terms of supply',
      '',
      '1.1.\tThe Supplier shall deliver the goods by the agreed date.',
      '1.2.\tThe Buyer shall pay within 30 days of delivery.',
      '1.3.\tEither party may end this agreement if:',
      'a)\tthe goods are damaged on arrival;',
      'b)\tthe delivery is more than 14 days late.'
    ].join('\n')
    const { tables, tree } = await tablesOf(text)
    expect(tables).toHaveLength(0)
    const words = JSON.stringify(tree)
    for (const w of ['1.1.', 'Supplier', '1.3.', 'a)', 'damaged', 'b)', 'late.']) expect(words).toContain(w)
  })

  it('(7) check says nothing about a total that fails almost everywhere, and --explain says why', async () => {
    // "Total" here is not the sum of the lines above (a per-site count of distinct staff): a wrong reading, not wrong figures.
    const input = [
      '| Site | Mon | Tue | Wed | Thu |',
      '|---|---|---|---|---|',
      '| North | 4 | 5 | 3 | 6 |',
      '| South | 2 | 3 | 4 | 2 |',
      '| East | 3 | 3 | 2 | 4 |',
      '| Total | 7 | 8 | 6 | 9 |',
      ''
    ].join('\n')
    const quiet = await runCli(['check', '-', '-f', 'md'], { input })
    expect(quiet.code).toBe(0)
    expect(quiet.stdout.toString()).not.toContain('does not add up')
    const explained = await runCli(['check', '-', '-f', 'md', '--explain'], { input })
    expect(explained.stdout.toString()).toContain('not confident: not reported')
  })

  it('(8) keeps escaped pipes inside cells of a command-line options table', async () => {
    const text = ['| Option | Meaning |', '| -a \\| --all | show all files |', '| -q \\| --quiet | print nothing |', '| -n \\| --dry-run | change nothing |'].join('\n')
    const { grids } = await tablesOf(text)
    expect(grids).toHaveLength(1)
    expect(grids[0].cols).toBe(2)
    expect(grids[0].cells.map((c) => c.content)).toEqual(['Option', 'Meaning', '-a | --all', 'show all files', '-q | --quiet', 'print nothing', '-n | --dry-run', 'change nothing'])
  })

  it('(8) keeps an inspection checklist with many empty cells on its own grid', async () => {
    const lines = [
      'Item\tPass\tFail\tN/A\tNotes',
      'Fire exits clear\t✓\t\t\t',
      'Extinguisher tagged\t\t✓\t\texpired 2023',
      'First aid kit stocked\t✓\t\t\t',
      'Ladder inspected\t\t\t✓\t'
    ]
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].headerRows).toBe(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => l.split('\t')))
  })
})

/** Each row's cells as the HTML writer marks them: `th` or `td`, with the text. */
async function htmlRows(text: string): Promise<string[]> {
  const { stdout } = await runCli(['convert', '-', '--from', 'text', '--to', 'html', '--fragment'], { input: text })
  return [...String(stdout).matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<(th|td)[^>]*>(.*?)<\/\1>/g)].map(([, tag, cell]) => `${tag}:${cell}`).join(' | '))
}

describe('issue 13: harms the real-table set showed (test/tables-dev), in tables of our own', () => {
  it('keeps a fixed tab grid where it is although a notes column holds a footnote number', async () => {
    const lines = ['Platform\tStable\tBeta\tNotes', 'linux-x86_64\t✓\t✓\tTier 1 with host tools', 'linux-arm64\t✓\t\tCross-compiled only', 'macos-arm64\t✓\t✓\tSigned builds', 'windows-x86\t✓\t\t2']
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => l.split('\t')))
  })

  it('reads one head row over a full first row of labels, although the first body rows hold no figures', async () => {
    const rows = await htmlRows('Stop\tWeekdays\tWeekends\nCentral\tevery hour\tno service\nHarbour\tevery hour\tevery 2 hours\nAirport\t05:10\t06:40\nMuseum\t05:25\t06:55\n')
    expect(rows).toEqual([
      'th:Stop | th:Weekdays | th:Weekends',
      'td:Central | td:every hour | td:no service',
      'td:Harbour | td:every hour | td:every 2 hours',
      'td:Airport | td:05:10 | td:06:40',
      'td:Museum | td:05:25 | td:06:55'
    ])
  })

  it('does not make the other labels of a row (contact, city, category) headers of its amount', async () => {
    const rows = await htmlRows('Supplier\tContact\tCity\tCategory\tAmount\nAcme Tools\tJ. Smith\tLeeds\tEquipment\t£1,250.00\nBright Paper\t\tYork\tStationery\t£86.40\nCity Cabs\tR. Khan\tLeeds\tTravel\t£42.00\n')
    expect(rows.slice(1).map((row) => row.split(' | ').filter((cell) => cell.startsWith('th:')))).toEqual([[], [], []])
    expect(rows[0]).toBe('th:Supplier | th:Contact | th:City | th:Category | th:Amount')
  })

  it('reads a pipe-row table whose head starts with an empty cell (` | Variance |`) as pipe rows, not as GFM', async () => {
    const lines = [' | Lifetime | Type |', "&'a T | covariant | covariant |", 'Box<T> |  | covariant |', 'Cell<T> |  | invariant |']
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].cols).toBe(3)
    expect(grids[0].headerRows).toBe(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => l.trim().replace(/\|$/, '').split('|').map((f) => f.trim())))
  })

  it('keeps an empty top-left cell over the row labels as the stub of a two-row head', async () => {
    const input = [' | 1996 | 1991 | growth in share | ||', ' | % of turnover | no. of stores | % of turnover | no. of stores | (% points) |', 'Austria | 17 | 568 | 14 | 530 | 3 |', 'Belgium | 25 | 762 | 18 | 587 | 7 |', 'Denmark | 20 | 739 | 15 | 544 | 5 |']
    const { grids } = await tablesOf(input.join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].cols).toBe(6)
    expect(grids[0].headerRows).toBe(2)
    const lines = withoutHeaderFlag(gridLines(grids[0]))
    expect(lines.slice(0, 5)).toEqual(['0,0 2×1 ', '0,1 1×2 1996', '0,3 1×2 1991', '0,5 1×1 growth in share', '1,1 1×1 % of turnover'])
    expect(lines).toContain('2,0 1×1 Austria')
    expect(lines).toContain('2,5 1×1 3')
  })

  it('reads a cell-per-line paste whose empty cell is its pipe alone (` |`) as an empty cell, not as the end of a row', async () => {
    const lines = ['Item |', 'Qty |', 'Note |', 'Pens |', '4 |', ' |', 'Ink |', '2 |', 'refill |', 'Paper |', '500 |', 'A4 |']
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(['Item|Qty|Note', 'Pens|4|', 'Ink|2|refill', 'Paper|500|A4'], (l) => l.split('|')))
  })

  it('keeps the text of a cell-per-line paste whose line opens with a pipe (`| Alice |`)', async () => {
    const rows = ['Name|Staff|Cost', 'Alice|3|1,200', 'Bob|5|2,400', 'Carol|2|900']
    const cells = rows.flatMap((r) => r.split('|')).map((c) => (c === 'Alice' ? `| ${c} |` : `${c} |`))
    const { grids } = await tablesOf(cells.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(rows, (l) => l.split('|')))
  })

  it('finds the rows of a cell-per-line paste whose last row is a cell short (eleven cells, three columns)', async () => {
    const rows = ['Name|Staff|Cost', 'Alice|3|1,200', 'Bob|5|2,400', 'Carol|2']
    const { grids } = await tablesOf(rows.flatMap((r) => r.split('|')).map((c) => `${c} |`).join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].cols).toBe(3)
    const lines = withoutHeaderFlag(gridLines(grids[0]))
    expect(lines.slice(0, 10)).toEqual(naiveLines(rows, (l) => l.split('|')).slice(0, 10))
    // Which of the two columns the short row's figure belongs to, nothing says.
    expect(lines.filter((l) => /^3,[12] 1×1 2$/.test(l))).toHaveLength(1)
  })

  it('finds the rows of a cell-per-line paste with no figures from how its columns look (symbols under symbols, names under names)', async () => {
    const cells = ['Bracket', 'Type', '{ }', 'Curly braces', '[ ]', 'Square brackets', '( )', 'Parentheses']
    const { grids } = await tablesOf(cells.map((c) => `${c} |`).join('\n'))
    expect(grids).toHaveLength(1)
    expect(grids[0].headerRows).toBe(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(['Bracket|Type', '{ }|Curly braces', '[ ]|Square brackets', '( )|Parentheses'], (l) => l.split('|')))
  })

  it('keeps the rows of a spaces table whose first cell ends in `...` or `;` before a wide gap in the table', async () => {
    const lines = [
      'Pattern                         Meaning',
      '              x..y            Any value from x to y',
      '           match x { ... }            Choose by pattern',
      '       let (a, b) = pair;            Take a pair apart',
      '          if let Some(v) = o;      One pattern only',
      '             while let ...             Loop on a pattern'
    ]
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => l.trim().split(/ {2,}/)).sort(byPosition))
  })

  it('keeps a spaces head row whose first cell is empty (an indented line over the second column) as the head', async () => {
    const lines = ['       Meaning', 'F1     Open the help', 'F5     Reload the page', 'F11    Full screen']
    const { grids, tree } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => (l.startsWith(' ') ? ['', l.trim()] : l.split(/ {2,}/))).sort(byPosition))
    // The head line is in the table, not left above it as a paragraph.
    expect(tree.children.map((node) => node.type)).toEqual(['table'])
  })

  it('still reads prose with three spaces after its full stops as paragraphs', async () => {
    const text = ['The survey ran in spring.   Its results came late.', 'Most replies were short.   A few ran long.', 'We thank everyone who took part.   Results follow.'].join('\n')
    const { tables, tree } = await tablesOf(text)
    expect(tables).toHaveLength(0)
    expect(JSON.stringify(tree)).toContain('Its results came late.')
  })

  it('keeps the last rows of a spaces table whose readings are missing (a date alone under the dates) in the table', async () => {
    const lines = ['date       co2', '19580329   316.1', '19580405   317.3', '19580412   317.6', '19580531', '19580607']
    const { grids } = await tablesOf(lines.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => l.split(/ {2,}/)).concat(['4,1 1×1 ', '5,1 1×1 ']).sort(byPosition))
  })

  it('keeps the rows of empty fields the source wrote (`|  |  |`), in pipe rows, GFM rows and tab rows alike', async () => {
    const gfm = ['| Name | Role | City |', '|  |  |  |', '| Alice | Engineer | Paris |', '| Bob | Manager | Lyon |', '|  |  |  |']
    const pipes = ['Item | Qty | Price |', 'Pens | 4 | 1.20 |', ' |  |  |', 'Ink | 2 | 3.50 |']
    const tabs = ['Item\tQty\tPrice', 'Pens\t4\t1.20', '\t\t', 'Ink\t2\t3.50']
    // A GFM row's first pipe opens it; a pipe row's first pipe ends an empty first cell.
    const fields = (line: string, isGfm: boolean) => (isGfm ? line.trim().slice(1) : line.trim()).replace(/\|$/, '').split('|').map((f) => f.trim())
    const { grids } = await tablesOf(tabs.join('\n'))
    expect(grids).toHaveLength(1)
    expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(tabs, (l) => l.split('\t')))
    for (const lines of [gfm, pipes]) {
      const { grids } = await tablesOf(lines.join('\n'))
      expect(grids).toHaveLength(1)
      expect(grids[0].headerRows).toBe(1)
      expect(withoutHeaderFlag(gridLines(grids[0]))).toEqual(naiveLines(lines, (l) => fields(l, lines === gfm)))
    }
  })
})
