/**
 * Issue 13, case 6: paragraphs numbered with a tab (`1.1.⇥text`, `a)⇥text`,
 * `•⇥text`) are prose, in pasted text and in Word files alike. Each keeps
 * every word, and each numbered line stays a paragraph of its own.
 */
import { Paragraph, Tab, TextRun } from 'docx'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../src/convert.js'
import { makeDocx } from './helpers/docx.js'

const countTables = (tree: Root) => {
  let n = 0
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'table') n++
    for (const child of (node.children ?? []) as { type: string }[]) walk(child)
  }
  walk(tree)
  return n
}

/** The tree's text, white space collapsed. */
const textOf = (tree: Root) => toString(tree).replace(/\s+/g, ' ')

/**
 * The clause is kept with its number: as text (`1.1. The Supplier…`), or as a
 * list item whose marker the list itself carries (`1)`, `•`).
 */
function kept(tree: Root, n: string, t: string): boolean {
  if (textOf(tree).includes(`${n} ${t}`)) return true
  let inList = false
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'listItem' && toString(node as Root).trim() === t) inList = true
    for (const child of (node.children ?? []) as { type: string }[]) walk(child)
  }
  walk(tree)
  return inList
}

/** Clauses numbered in the ways Word documents number them, each with a tab after its number. */
const CLAUSES: [string, string][][] = [
  [
    ['1)', 'The goods are sold as seen.'],
    ['2)', 'The price is fixed for one year.'],
    ['3)', 'Payment is due on delivery.']
  ],
  [
    ['•', 'The Supplier keeps the goods insured.'],
    ['•', 'The Buyer inspects the goods on arrival.'],
    ['•', 'Either party may end this agreement.']
  ],
  [
    ['（1）', '供方应按约定日期交货。'],
    ['（2）', '需方应在收货后付款。'],
    ['（3）', '任何一方均可书面通知解除合同。']
  ],
  [
    ['1、', '供方应按约定日期交货。'],
    ['2、', '需方应在收货后付款。']
  ],
  [
    ['Article 1', 'The goods are sold as seen.'],
    ['Article 2', 'The price is fixed for one year.']
  ],
  [
    ['§ 4', 'The Supplier keeps the goods insured.'],
    ['§ 5', 'The Buyer inspects the goods on arrival.']
  ]
]

describe('issue 13 (6): numbered paragraphs with a tab are not tables', () => {
  for (const clauses of CLAUSES) {
    it(`reads ${clauses[0][0]}⇥… lines in pasted text as paragraphs, one per clause, every word kept`, async () => {
      const text = ['Terms of supply', '', ...clauses.map(([n, t]) => `${n}\t${t}`)].join('\n')
      const { doc } = await readDocument(text, { from: 'text' })
      expect(countTables(doc.tree)).toBe(0)
      for (const [n, t] of clauses) expect(kept(doc.tree, n, t), `${n} ${t}`).toBe(true)
    })
  }

  it('keeps 1.1.⇥… clauses of a contract as separate paragraphs, not run together into one', async () => {
    const clauses = [
      '1.1.\tThe Supplier shall deliver the goods by the agreed date.',
      '1.2.\tThe Buyer shall pay within 30 days of delivery.',
      '1.3.\tEither party may end this agreement by notice.'
    ]
    const { doc } = await readDocument(['Terms of supply', '', ...clauses].join('\n'), { from: 'text' })
    expect(countTables(doc.tree)).toBe(0)
    const paragraphs = doc.tree.children.filter((n) => n.type === 'paragraph').map((p) => toString(p).replace(/\s+/g, ' '))
    expect(paragraphs).toEqual(clauses.map((c) => c.replace('\t', ' ')))
  })

  it('reads numbered paragraphs typed with a tab in a Word file as paragraphs, every word kept', async () => {
    const numbered = (n: string, t: string) => new Paragraph({ children: [new TextRun({ children: [n, new Tab(), t] })] })
    const all = CLAUSES.flat()
    const bytes = await makeDocx([new Paragraph('Terms of supply'), ...all.map(([n, t]) => numbered(n, t)), numbered('1.1.', 'The Supplier shall deliver the goods.'), numbered('a)', 'the goods are damaged on arrival;')])
    const { doc } = await readDocument(bytes, { from: 'docx' })
    expect(countTables(doc.tree)).toBe(0)
    for (const [n, t] of [...all, ['1.1.', 'The Supplier shall deliver the goods.'], ['a)', 'the goods are damaged on arrival;']]) expect(kept(doc.tree, n, t), `${n} ${t}`).toBe(true)
  })

  it('still reads numbered rows that hold figures as a table', async () => {
    const text = ['Item\tUnits\tPrice', '1)\t2,000\t4.50', '2)\t1,500\t3.20', '3)\t800\t9.90'].join('\n')
    const { doc } = await readDocument(text, { from: 'text' })
    expect(countTables(doc.tree)).toBe(1)
  })
})
