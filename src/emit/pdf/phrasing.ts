/**
 * mdast phrasing content → styled runs: emphasis and strong change the face,
 * links become anchors (unsafe schemes dropped with a warning), footnote
 * references become superscript numbers that jump to the note.
 */
import type { PhrasingContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { warning } from '../../messages.js'
import { isCjk, lastChar, firstChar } from '../../text/cjk.js'
import type { PdfContext } from './context.js'
import type { Anchor, Run, RunStyle } from './inline.js'
import { isClickableUrl } from '../../url-policy.js'

/** Schemes a PDF link may open. */

/** Footnote number for an identifier, assigned in order of first reference. */
export function footnoteNumber(ctx: PdfContext, identifier: string): number {
  const id = identifier.toLowerCase()
  let n = ctx.footnoteNumbers.get(id)
  if (n === undefined) {
    n = ctx.footnoteNumbers.size + 1
    ctx.footnoteNumbers.set(id, n)
  }
  return n
}

/** Named destination of footnote `n`. */
export const footnoteDest = (n: number) => `fn-${n}`

/** Soft line breaks inside text: nothing between CJK characters, else a space. */
function collapseNewlines(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (m, offset: number, whole: string) => {
    const before = lastChar(whole.slice(0, offset))
    const after = firstChar(whole.slice(offset + m.length))
    return before && after && (isCjk(before) || isCjk(after)) ? '' : ' '
  })
}

export function phrasingRuns(ctx: PdfContext, nodes: PhrasingContent[], base: RunStyle): Run[] {
  const runs: Run[] = []
  const push = (text: string, style: RunStyle) => {
    if (text) runs.push({ text, style })
  }
  const walk = (list: PhrasingContent[], style: RunStyle) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          push(collapseNewlines(node.value).replace(/\t/g, ' '), style)
          break
        case 'emphasis':
          walk(node.children, { ...style, italic: true })
          break
        case 'strong':
          walk(node.children, { ...style, bold: true })
          break
        case 'delete':
          walk(node.children, { ...style, strike: true })
          break
        case 'inlineCode':
          push(node.value.replace(/\n/g, ' '), { ...style, role: 'code', size: style.size * 0.92 })
          break
        case 'break':
          push('\n', style)
          break
        case 'link':
          walk(node.children, linked(ctx, style, node.url))
          break
        case 'linkReference': {
          const def = ctx.definitions.get(node.identifier.toLowerCase())
          walk(node.children, def ? linked(ctx, style, def.url) : style)
          break
        }
        case 'image':
        case 'imageReference':
          if (node.alt) push(`[${node.alt}]`, style)
          break
        case 'footnoteReference': {
          const n = footnoteNumber(ctx, node.identifier)
          const anchor: Anchor = { id: ctx.nextAnchorId++, dest: footnoteDest(n), role: 'Reference' }
          push(String(n), { ...style, size: style.size * 0.68, rise: style.size * 0.36, anchor, color: ctx.style.link.color })
          break
        }
        case 'html':
          break
        default:
          push(toString(node), style)
      }
    }
  }
  walk(nodes, base)
  return runs
}

function linked(ctx: PdfContext, style: RunStyle, url: string): RunStyle {
  if (url.startsWith('#')) return style
  if (!isClickableUrl(url)) {
    ctx.messages.push(warning('unsafe-url-dropped', `a link to '${url.slice(0, 60)}' was not made clickable (only absolute web, mail and ftp links are)`))
    return style
  }
  const anchor: Anchor = { id: ctx.nextAnchorId++, url, role: 'Link' }
  const { color, underline } = ctx.style.link
  return underline ? { ...style, anchor, color, underline: true } : { ...style, anchor, color }
}
