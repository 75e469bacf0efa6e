/**
 * Inline HTML that mdast has no node for. Subscript and superscript are kept
 * the way remark-parse reads `H<sub>2</sub>O` from Markdown: raw `html`
 * nodes around the content, so Markdown output keeps the tags and the text
 * writer keeps the text.
 */
import type { Element } from 'hast'
import type { Handle, State } from 'hast-util-to-mdast'
import type { Html, PhrasingContent } from 'mdast'

function wrapIn(tag: 'sub' | 'sup'): Handle {
  return (state: State, node: Element) => {
    const content = state.all(node) as PhrasingContent[]
    if (content.length === 0) return undefined
    const open: Html = { type: 'html', value: `<${tag}>` }
    const close: Html = { type: 'html', value: `</${tag}>` }
    return [open, ...content, close]
  }
}

export const sub: Handle = wrapIn('sub')
export const sup: Handle = wrapIn('sup')
