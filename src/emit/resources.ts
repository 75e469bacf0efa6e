/**
 * Where an output finds the images a document carries: the files the CLI
 * writes beside it (`<name>_media/…`), or `data:` URIs when asked to embed.
 */
import type { Doc, Resource } from '../ast/types.js'
import { isEmbeddable } from '../image-types.js'
import { type Message, warning } from '../messages.js'
import type { WriteOptions } from './types.js'

/** An image a standalone output cannot show: left out, and why. */
export interface LeftOut {
  leftOut: Message
}

/**
 * The URL an output uses for a resource; `LeftOut` when a standalone output
 * can neither inline nor link it; undefined when `url` is not one of the document's.
 */
export function resourceUrl(doc: Doc, url: string, options: WriteOptions): string | LeftOut | undefined {
  const resource: Resource | undefined = doc.resources.find((r) => r.path === url)
  if (!resource) return undefined
  // Only types a browser shows inline are embedded; EMF/WMF stay files.
  if ((options.embedImages || options.standalone) && isEmbeddable(resource.contentType)) {
    return `data:${resource.contentType};base64,${Buffer.from(resource.bytes).toString('base64')}`
  }
  if (options.standalone) {
    const kind = resource.contentType.replace(/^image\//, '').toUpperCase()
    return {
      leftOut: warning(
        'image-left-out',
        `image ${resource.path} (${kind}) cannot be shown inline and no file is written beside ${options.standalone}; left out (convert to a file to keep it)`
      )
    }
  }
  return `${options.mediaBase ?? 'media'}/${resource.path.replace(/^media\//, '')}`
}

/**
 * Put a left-out image's description, as text, where the image was (hast and
 * mdast alike); returns the index for the visitor to go on from.
 */
export function replaceWithAlt(parent: { children: unknown[] }, index: number, alt: string | null | undefined): number {
  parent.children.splice(index, 1, ...(alt ? [{ type: 'text', value: alt }] : []))
  return index
}
