/**
 * Where an output finds the images a document carries: the files the CLI
 * writes beside it (`<name>_media/…`), or `data:` URIs when asked to embed.
 */
import type { Doc, Resource } from '../ast/types.js'
import { isEmbeddable } from '../image-types.js'
import type { WriteOptions } from './types.js'

/** The URL an output uses for a resource, or undefined when `url` is not one of the document's. */
export function resourceUrl(doc: Doc, url: string, options: WriteOptions): string | undefined {
  const resource: Resource | undefined = doc.resources.find((r) => r.path === url)
  if (!resource) return undefined
  // Only types a browser shows inline are embedded; EMF/WMF stay files.
  return options.embedImages && isEmbeddable(resource.contentType)
    ? `data:${resource.contentType};base64,${Buffer.from(resource.bytes).toString('base64')}`
    : `${options.mediaBase ?? 'media'}/${resource.path.replace(/^media\//, '')}`
}
