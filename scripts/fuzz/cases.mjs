// One fuzz case from (run seed, case index): a mutated seed file or a hostile
// input built from scratch. The first cases of every run cover each kind once,
// at its most extreme size, so even a short run meets every kind.
import * as hostile from './hostile.mjs'
import { MUTATORS } from './mutators.mjs'
import { int, pick, rngFor, weighted } from './random.mjs'

const MB = 1024 * 1024

/** Inputs built from scratch: [name, weight, build(rng, ctx, extreme) → {ext, bytes, detail}]. */
export const HOSTILE = [
  ['zip-bomb', 1, (rng, ctx) => ({ ext: '.docx', bytes: hostile.zipBombDocx(ctx.docx), detail: 'document.xml inflates to 1 GiB' })],
  ['zip-many-entries', 1, (rng, ctx, extreme) => {
    const count = extreme ? 60_000 : int(rng, 1000, 60_000)
    return { ext: '.docx', bytes: hostile.manyEntriesDocx(ctx.docx, count), detail: `${count} entries` }
  }],
  ['xml-nesting', 3, (rng, ctx, extreme) => {
    const depth = extreme ? 100_000 : pick(rng, [1000, 10_000, 100_000])
    const how = extreme ? 'tables' : pick(rng, ['tables', 'runs', 'sdt', 'hyperlink'])
    return { ext: '.docx', bytes: hostile.withDocumentXml(ctx.docx, hostile.nestedDocumentXml(depth, how)), detail: `${how} nested ${depth} deep` }
  }],
  ['xml-entities', 1, (rng, ctx) => ({ ext: '.docx', bytes: hostile.withDocumentXml(ctx.docx, hostile.entityBombXml()), detail: 'billion laughs' })],
  ['docx-absurd-table', 1, (rng, ctx) => {
    const variant = pick(rng, ['span', 'wide'])
    return { ext: '.docx', bytes: hostile.withDocumentXml(ctx.docx, hostile.absurdTableXml(variant)), detail: variant }
  }],
  ['docx-no-document', 1, (rng, ctx) => ({ ext: '.docx', bytes: hostile.withDocumentXml(ctx.docx, null), detail: 'word/document.xml removed' })],
  ['long-line', 3, (rng, ctx, extreme) => {
    const size = extreme ? 100 * MB : weighted(rng, [[6, 1 * MB], [3, 10 * MB], [1, 100 * MB]])
    const [ext, pattern] = pick(rng, [
      ['.txt', '| 收入 | 1,200 |'],
      ['.txt', 'x'],
      ['.txt', 'a\tb\t'],
      ['.txt', '中文没有空格'],
      ['.md', '*a _b `c [d](e) '],
      ['.html', '<b>x</b><td>'],
      ['.txt', '|']
    ])
    return { ext, bytes: hostile.longLine(size, pattern), detail: `${size / MB} MB line of ${JSON.stringify(pattern)}` }
  }],
  ['html-nesting', 2, (rng, ctx, extreme) => {
    const depth = extreme ? 100_000 : pick(rng, [1000, 10_000, 100_000])
    const tag = extreme ? 'table' : pick(rng, ['div', 'table', 'b', 'ul', 'blockquote', 'span'])
    return { ext: '.html', bytes: hostile.nestedHtml(depth, tag), detail: `<${tag}> nested ${depth} deep` }
  }],
  ['html-absurd-spans', 1, () => ({ ext: '.html', bytes: hostile.absurdSpanHtml(), detail: 'rowspan 65534, colspan 2^31-1' })],
  ['md-nesting', 2, (rng, ctx, extreme) => {
    const depth = extreme ? 100_000 : pick(rng, [1000, 10_000, 100_000])
    const how = extreme ? 'quote' : pick(rng, ['quote', 'list', 'emphasis', 'link', 'code'])
    return { ext: '.md', bytes: hostile.nestedMarkdown(depth, how), detail: `${how} ×${depth}` }
  }],
  ['text-huge-table', 1, (rng, ctx, extreme) => {
    const [rows, cols] = extreme ? [100_000, 8] : pick(rng, [[100_000, 8], [50, 5000], [2000, 200]])
    return { ext: '.txt', bytes: hostile.hugeTextTable(rows, cols), detail: `${rows}×${cols} pipe table` }
  }],
  ['pdf-hostile', 4, (rng, ctx, extreme, cover) => {
    const variant = cover !== undefined ? hostile.HOSTILE_PDFS[cover % hostile.HOSTILE_PDFS.length] : pick(rng, hostile.HOSTILE_PDFS)
    return { ext: '.pdf', bytes: hostile.hostilePdf(variant), detail: variant }
  }]
]

/** Every kind, in the order the first cases of a run cover them. */
export const KINDS = [...MUTATORS.map(([name]) => name), ...HOSTILE.map(([name]) => name)]
/** The hostile PDFs are many variants of one kind: the covering pass takes each once. */
const COVERING = [...KINDS.filter((k) => k !== 'pdf-hostile'), ...hostile.HOSTILE_PDFS.map(() => 'pdf-hostile')]

/**
 * Case `index` of run `seed`. `ctx` holds the seeds and the generated DOCX.
 * Returns {index, kind, seed (file it came from, if any), detail, ext, bytes}.
 */
export function makeCase(seed, index, ctx) {
  const rng = rngFor(seed, index)
  const covering = index < COVERING.length
  const kind = covering ? COVERING[index] : weighted(rng, [[4, 'mutate'], [1, 'hostile']]) === 'mutate'
    ? weighted(rng, MUTATORS.map(([name, weight]) => [weight, name]))
    : weighted(rng, HOSTILE.map(([name, weight]) => [weight, name]))
  const mutator = MUTATORS.find(([name]) => name === kind)
  if (mutator) {
    const [, , applies, mutate] = mutator
    const eligible = ctx.seeds.filter((s) => applies(s.kind))
    const source = pick(rng, eligible)
    return { index, kind, seed: source.name, detail: '', ext: source.ext, bytes: mutate(rng, source.bytes, ctx.seeds) }
  }
  const [, , build] = HOSTILE.find(([name]) => name === kind)
  const coverIndex = covering && kind === 'pdf-hostile' ? index - COVERING.indexOf('pdf-hostile') : undefined
  const built = build(rng, ctx, covering, coverIndex)
  return { index, kind, seed: '', ...built }
}

/** A file name for a case: sortable, says what it is, and safe. */
export const caseFileName = (c) => `c${String(c.index).padStart(6, '0')}-${c.kind}${c.ext}`
