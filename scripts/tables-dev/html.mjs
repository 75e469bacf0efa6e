/**
 * Gold tables from HTML: <table> elements with rowspan/colspan, header rows
 * from <thead> (or leading rows of <th> only). Shared by the sources kept as
 * HTML. Usage as a script: node scripts/tables-dev/html.mjs (the Rust
 * documentation shipped with the Rust toolchain, see SOURCES.md).
 */
import { readFileSync, existsSync } from 'node:fs'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { buildTable, oneLine, writeSource } from './gold.mjs'

const elements = (node, name, into = [], stopAt = null) => {
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue
    if (child.tagName === name) into.push(child)
    if (child.tagName !== stopAt) elements(child, name, into, stopAt)
  }
  return into
}

/** Every innermost-free <table> of the HTML as positioned cells plus its marked header rows. */
export function htmlTables(html) {
  const tree = fromHtml(html, { fragment: true })
  const out = []
  for (const table of elements(tree, 'table')) {
    if (elements(table, 'table').length > 0) continue
    const rows = []
    const heads = new Set()
    const walk = (node, section) => {
      for (const child of node.children ?? []) {
        if (child.type !== 'element' || child.tagName === 'table') continue
        if (child.tagName === 'tr') {
          rows.push(child)
          if (section === 'thead') heads.add(child)
        } else walk(child, ['thead', 'tbody', 'tfoot'].includes(child.tagName) ? child.tagName : section)
      }
    }
    walk(table, '')
    const taken = rows.map(() => [])
    const cells = []
    let marked = 0
    let leading = true
    rows.forEach((tr, r) => {
      const inHead = heads.has(tr)
      const tds = (tr.children ?? []).filter((c) => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
      if (leading && tds.length > 0 && (inHead || tds.every((c) => c.tagName === 'th'))) marked++
      else leading = false
      let c = 0
      for (const td of tds) {
        while (taken[r][c]) c++
        const rowSpan = Math.max(1, Math.min(Number(td.properties.rowSpan) || 1, rows.length - r))
        const colSpan = Math.max(1, Number(td.properties.colSpan) || 1)
        for (let y = r; y < r + rowSpan; y++) for (let x = c; x < c + colSpan; x++) taken[y][x] = true
        cells.push({ row: r, col: c, rowSpan, colSpan, text: oneLine(toText(td, { whitespace: 'normal' })) })
        c += colSpan
      }
    })
    if (cells.length > 0) out.push({ cells, marked })
  }
  return out
}

const RUST_DOCS = '/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html'
/** The Rust books' one-page prints (each chapter once), every book that has tables. */
const RUST_BOOKS = { reference: 'spec sheets', rustc: 'spec sheets', cargo: 'spec sheets', book: 'glossaries', 'unstable-book': 'spec sheets', 'embedded-book': 'spec sheets', rustdoc: 'spec sheets', 'edition-guide': 'schedules', clippy: 'glossaries', nomicon: 'spec sheets' }

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(RUST_DOCS)) throw new Error(`no Rust documentation at ${RUST_DOCS}`)
  const tables = []
  for (const [book, domain] of Object.entries(RUST_BOOKS)) {
    htmlTables(readFileSync(`${RUST_DOCS}/${book}/print.html`, 'utf8')).forEach(({ cells, marked }, i) => {
      tables.push(buildTable({ id: `rust-docs/${book}#${i + 1}`, source: 'rust-docs', domain, language: 'en' }, cells, { headerRows: marked || undefined }))
    })
  }
  console.log('rust-docs', writeSource('test/tables-dev/rust-docs.json', { source: 'rust-docs' }, tables), 'of', tables.length)
}
