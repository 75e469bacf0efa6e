/**
 * Footnotes and endnotes as GFM footnotes. mammoth writes a reference as
 * `<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>` and the
 * notes as a final `<ol>` of `<li id="footnote-1">…<a href="#footnote-ref-1">↑</a></li>`.
 * The list is taken out of the page here; the references become
 * `footnoteReference` nodes (numbered in reading order, footnotes and
 * endnotes together) and the notes `footnoteDefinition` nodes at the end.
 */
import type { Element, ElementContent, Root as HastRoot, Parents, RootContent } from 'hast'
import type { State } from 'hast-util-to-mdast'
import type { FootnoteDefinition, FootnoteReference, Root } from 'mdast'
import { visit } from 'unist-util-visit'

const NOTE_ID = /^(?:footnote|endnote)-/
const NOTE_HREF = /^#((?:footnote|endnote)-.+)$/
const BACK_LINK = /^#(?:footnote|endnote)-ref-/

const isElement = (node: RootContent | undefined, name?: string): node is Element =>
  node?.type === 'element' && (name === undefined || node.tagName === name)

/** Remove the `↑` link back to the reference, wherever it sits in the note. */
function dropBackLinks(parent: Parents): void {
  parent.children = parent.children.filter(
    (child) => !(isElement(child, 'a') && BACK_LINK.test(String(child.properties?.href ?? '')))
  ) as typeof parent.children
  for (const child of parent.children) if (child.type === 'element') dropBackLinks(child)
}

/** The notes mammoth listed, by id (`footnote-1`, `endnote-2`), taken out of the tree. */
export function extractNotes(tree: HastRoot): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>()
  visit(tree, 'element', (node: Element, index, parent) => {
    if ((node.tagName !== 'ol' && node.tagName !== 'ul') || !parent || index === undefined) return
    const items = node.children.filter((c): c is Element => isElement(c, 'li'))
    if (items.length === 0 || !items.every((li) => NOTE_ID.test(String(li.properties?.id ?? '')))) return
    for (const li of items) {
      dropBackLinks(li)
      notes.set(String(li.properties?.id), li.children)
    }
    parent.children.splice(index, 1)
    return index
  })
  return notes
}

/**
 * The parts of the hast-to-mdast conversion that deal with notes: a `sup`
 * handler that turns note references into `footnoteReference` (and leaves
 * other superscript to `fallback`), and the definitions to append.
 */
export function noteConverter(notes: Map<string, ElementContent[]>) {
  const labels = new Map<string, string>()
  const noteId = (node: Element): string | undefined => {
    const only = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
    const link = only.length === 1 ? only[0] : undefined
    if (!isElement(link, 'a')) return undefined
    const id = NOTE_HREF.exec(String(link.properties?.href ?? ''))?.[1]
    return id !== undefined && notes.has(id) ? id : undefined
  }
  return {
    /** The footnote reference a `sup` stands for, or undefined when it is ordinary superscript. */
    reference(state: State, node: Element): FootnoteReference | undefined {
      const id = noteId(node)
      if (id === undefined) return undefined
      let label = labels.get(id)
      if (label === undefined) {
        label = String(labels.size + 1)
        labels.set(id, label)
      }
      const result: FootnoteReference = { type: 'footnoteReference', identifier: label, label }
      state.patch(node, result)
      return result
    },
    /** Definitions of the notes referenced, in label order, converted by `toBlocks`. */
    definitions(toBlocks: (content: ElementContent[]) => Root['children']): FootnoteDefinition[] {
      return [...labels].map(([id, label]) => ({
        type: 'footnoteDefinition',
        identifier: label,
        label,
        children: toBlocks(notes.get(id) ?? []) as FootnoteDefinition['children']
      }))
    }
  }
}
