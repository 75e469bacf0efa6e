/**
 * Plain gold tables from the public-domain data sets shipped with
 * statsmodels (Debian package python3-statsmodels 0.13.5+dfsg-7): up to seven
 * disjoint windows of 12 rows and at most 8 columns of each CSV, the head row its header.
 * Only the data sets whose COPYRIGHT note says public domain are used.
 * Usage: node scripts/tables-dev/statsmodels.mjs [extracted-package-dir]
 * (without a directory it runs `apt-get download` and `dpkg-deb -x` into a temp dir).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildTable, oneLine, parseCsv, windows, writeSource } from './gold.mjs'

/** data set → domain; all marked public domain in their data.py. */
const SETS = {
  anes96: 'elections',
  co2: 'science',
  danish_data: 'finance',
  elec_equip: 'statistics',
  elnino: 'weather',
  engel: 'budgets',
  grunfeld: 'finance',
  longley: 'statistics',
  macrodata: 'finance',
  modechoice: 'schedules',
  nile: 'science',
  randhie: 'statistics',
  stackloss: 'science',
  statecrime: 'statistics',
  strikes: 'statistics',
  sunspots: 'science'
}
const WINDOW = 12
const MAX_COLS = 8

function packageDir() {
  if (process.argv[2]) return process.argv[2]
  const dir = mkdtempSync(join(tmpdir(), 'statsmodels-'))
  execFileSync('apt-get', ['download', 'python3-statsmodels=0.13.5+dfsg-7'], { cwd: dir, stdio: 'ignore' })
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'))
  execFileSync('dpkg-deb', ['-x', join(dir, deb), join(dir, 'x')])
  return join(dir, 'x')
}

const root = join(packageDir(), 'usr/lib/python3/dist-packages/statsmodels/datasets')
const tables = []
for (const [set, domain] of Object.entries(SETS)) {
  const file = readdirSync(join(root, set)).find((f) => f.endsWith('.csv'))
  const [head, ...body] = parseCsv(readFileSync(join(root, set, file), 'utf8'))
  const cols = Math.min(MAX_COLS, head.length)
  windows(body.length, WINDOW, 7).forEach((start, w) => {
    const rows = [head, ...body.slice(start, start + WINDOW)].map((r) => r.slice(0, cols))
    const cells = rows.flatMap((r, y) => r.map((text, x) => ({ row: y, col: x, rowSpan: 1, colSpan: 1, text })))
    tables.push(buildTable({ id: `statsmodels/${set}#${w + 1}`, source: 'statsmodels', domain, language: 'en' }, cells, { headerRows: 1 }))
  })
}
console.log('statsmodels', writeSource('test/tables-dev/statsmodels.json', { source: 'statsmodels' }, tables), 'of', tables.length)
