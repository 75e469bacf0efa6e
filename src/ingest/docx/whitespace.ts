/**
 * Word text keeps its tabs and runs of spaces (a `<w:tab/>` is a real tab),
 * and pasted tables live on them: a tab-separated row must reach table
 * repair with its tabs. HTML whitespace rules, which hast-util-to-mdast
 * applies, would collapse them to one space, so they are swapped for
 * Unicode noncharacters (reserved for exactly this kind of internal use)
 * before the conversion and swapped back after it.
 */
import type { Root as HastRoot, Text as HastText } from 'hast'
import type { Nodes, Root } from 'mdast'
import { visit } from 'unist-util-visit'

const TAB = '\uFDD0'
const SPACE = '\uFDD1'

/**
 * Tabs, and runs of two or more spaces between words, in hast text become
 * placeholders. Runs at the edge of a text node are left to collapse: they
 * are padding (underlined blanks, spaces before a line's end), not columns.
 */
export function protectWhitespace(tree: HastRoot): void {
  visit(tree, 'text', (node: HastText) => {
    node.value = node.value
      .replace(/[\uFDD0\uFDD1]/g, '')
      .replace(/\t/g, TAB)
      .replace(/(?<=\S) {2,}(?=\S)/g, (run) => SPACE.repeat(run.length))
  })
}

/** Put the tabs and spaces back in every mdast value. */
export function restoreWhitespace(tree: Root): void {
  visit(tree, (node: Nodes) => {
    if ('value' in node && typeof node.value === 'string' && /[\uFDD0\uFDD1]/.test(node.value)) {
      node.value = node.value.replace(/\uFDD0/g, '\t').replace(/\uFDD1/g, ' ')
    }
  })
}
