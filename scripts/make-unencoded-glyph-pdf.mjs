#!/usr/bin/env node
/**
 * Builds test/corpus/pdf/glyphs/unencoded-period.pdf: a one-page statistics
 * table whose bold figures are set in a non-embedded Type 1 font
 * (`Frutiger-Bold`, not one of the standard fonts pdf.js has data for)
 * whose character codes are assigned in order of first use, as report
 * writers do. The font's /Differences names every code but the decimal
 * point's; its /ToUnicode maps every code, the decimal point's included.
 *
 * That is the case pdf.js 5.6 reads wrongly: for a non-embedded Type 1
 * font, a code its encoding leaves unnamed is drawn as a space, and its
 * Unicode value is overwritten with a space too, even when /ToUnicode
 * maps it (src/core/fonts.js, `charToGlyph`; fixed upstream after 5.6 by
 * mozilla/pdf.js#21872). `getTextContent` then reads `11,062.6` as
 * `11,062 6`; poppler's pdftotext, which takes /ToUnicode, prints the `.`.
 *
 *   node scripts/make-unencoded-glyph-pdf.mjs
 *
 * Written by hand (no PDF library) so that every byte is what the comment
 * above says; deterministic, so re-running it gives the same file.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'test/corpus/pdf/glyphs/unencoded-period.pdf')

// The table: a head row in Helvetica (a standard font), figures in the bold font.
const HEAD = ['Region', '2019', '2020']
const ROWS = [
  ['North', '11,062.6', '11,101.4'],
  ['South', '8,475.0', '8,512.9'],
  ['Total', '19,537.6', '19,614.3'],
]

// Codes of the bold font in order of first use: 1, 2, 3, ...
const used = []
for (const row of ROWS) for (const cell of row.slice(1)) for (const ch of cell) if (!used.includes(ch)) used.push(ch)
const code = new Map(used.map((ch, i) => [ch, i + 1]))
const GLYPH = { '0': 'zero', '1': 'one', '2': 'two', '3': 'three', '4': 'four', '5': 'five', '6': 'six', '7': 'seven', '8': 'eight', '9': 'nine', ',': 'comma', '.': 'period' }
// Advance widths (1/1000 em) of Helvetica-Bold, which Frutiger-Bold is close to.
const WIDTH = { '0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556, ',': 278, '.': 278 }
const REGULAR_WIDTH = { R: 722, e: 556, g: 556, i: 222, o: 556, n: 556, N: 722, r: 333, t: 278, h: 556, S: 667, u: 556, T: 611, a: 556, l: 222, '0': 556, '1': 556, '2': 556, '9': 556 }

// The producer's slip: the decimal point's code is left out of /Differences.
const differences = used.filter((ch) => ch !== '.').map((ch) => `${code.get(ch)} /${GLYPH[ch]}`).join(' ')
const hex = (n, digits = 2) => n.toString(16).toUpperCase().padStart(digits, '0')
const toUnicode = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Adobe-Identity-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<01> <FF>',
  'endcodespacerange',
  `${used.length} beginbfchar`,
  ...used.map((ch) => `<${hex(code.get(ch))}> <${hex(ch.charCodeAt(0), 4)}>`),
  'endbfchar',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n')

const widthOf = (text, table) => [...text].reduce((w, ch) => w + table[ch], 0) / 1000
const pdfString = (text) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`
const boldString = (text) => `<${[...text].map((ch) => hex(code.get(ch))).join('')}>`

// Layout: three columns, ruled grid, figures right-aligned.
const SIZE = 10
const LEFT = 72
const COLS = [72, 172, 272, 372]
const TOP = 720
const ROW_H = 18
const lines = []
const rowCount = ROWS.length + 1
lines.push('0.5 w')
for (let r = 0; r <= rowCount; r++) lines.push(`${COLS[0]} ${TOP - r * ROW_H} m ${COLS[3]} ${TOP - r * ROW_H} l S`)
for (const x of COLS) lines.push(`${x} ${TOP} m ${x} ${TOP - rowCount * ROW_H} l S`)
const baseline = (r) => TOP - r * ROW_H - 13
lines.push('BT', `/F1 ${SIZE} Tf`)
HEAD.forEach((text, c) => {
  const x = c === 0 ? COLS[0] + 4 : COLS[c + 1] - 4 - widthOf(text, REGULAR_WIDTH) * SIZE
  lines.push(`1 0 0 1 ${x.toFixed(2)} ${baseline(0)} Tm ${pdfString(text)} Tj`)
})
ROWS.forEach((row, r) => lines.push(`1 0 0 1 ${COLS[0] + 4} ${baseline(r + 1)} Tm ${pdfString(row[0])} Tj`))
lines.push(`/F2 ${SIZE} Tf`)
ROWS.forEach((row, r) =>
  row.slice(1).forEach((text, c) => {
    const x = COLS[c + 2] - 4 - widthOf(text, WIDTH) * SIZE
    lines.push(`1 0 0 1 ${x.toFixed(2)} ${baseline(r + 1)} Tm ${boldString(text)} Tj`)
  })
)
lines.push(`/F1 ${SIZE} Tf 1 0 0 1 ${LEFT} ${TOP + 12} Tm (Table 1. Population, thousands) Tj`, 'ET')
const content = lines.join('\n')

const firstChar = 1
const lastChar = used.length
const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 8 0 R >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  `<< /Type /Font /Subtype /Type1 /BaseFont /Frutiger-Bold /FirstChar ${firstChar} /LastChar ${lastChar} /Widths [${used.map((ch) => WIDTH[ch]).join(' ')}] /Encoding << /Type /Encoding /Differences [${differences}] >> /FontDescriptor 6 0 R /ToUnicode 7 0 R >>`,
  '<< /Type /FontDescriptor /FontName /Frutiger-Bold /Flags 32 /FontBBox [-166 -228 1000 935] /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 140 >>',
  `<< /Length ${Buffer.byteLength(toUnicode)} >>\nstream\n${toUnicode}\nendstream`,
  `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
]

let pdf = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
const offsets = []
objects.forEach((body, i) => {
  offsets.push(Buffer.byteLength(pdf, 'latin1'))
  pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
})
const xref = Buffer.byteLength(pdf, 'latin1')
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`

mkdirSync(dirname(OUT), { recursive: true })
writeFileSync(OUT, Buffer.from(pdf, 'latin1'))
console.log(`wrote ${OUT} (${Buffer.byteLength(pdf, 'latin1')} bytes)`)
