/**
 * Which link and image addresses may reach any output. One policy for every
 * writer: HTML's sanitizer is configured from these lists, and the other
 * writers apply `isSafeLinkUrl` / `isSafeImageUrl` to the tree
 * (emit/safe-urls.ts), so a `javascript:`, `vbscript:` or `data:text/html`
 * address never survives into Markdown, text, JSON or PDF either.
 */

/** Schemes a link may use; addresses without a scheme (relative, `#fragment`) are fine too. */
export const SAFE_LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto', 'ftp', 'irc', 'ircs', 'xmpp']

/** Schemes an image source may use: web addresses only (no `data:`), or relative ones (the document's own files). */
export const SAFE_IMAGE_PROTOCOLS: readonly string[] = ['http', 'https']

/**
 * The scheme of an address, lower-cased, or null when it has none. As in
 * HTML's sanitizer, a colon after `/`, `?` or `#` does not start a scheme.
 * Whitespace and control characters are ignored the way browsers ignore
 * them, so `java\tscript:` and ` javascript:` have a scheme too.
 */
export function schemeOf(url: string): string | null {
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '')
  const m = /^([^:/?#]*):/.exec(squeezed)
  return m ? m[1]!.toLowerCase() : null
}

const allowed = (url: string, protocols: readonly string[]) => {
  const scheme = schemeOf(url)
  return scheme === null || protocols.includes(scheme)
}

export const isSafeLinkUrl = (url: string): boolean => allowed(url, SAFE_LINK_PROTOCOLS)

export const isSafeImageUrl = (url: string): boolean => allowed(url, SAFE_IMAGE_PROTOCOLS)

/** A link a PDF may make clickable: an absolute address with a safe scheme (a PDF has no base for relative ones). */
export function isClickableUrl(url: string): boolean {
  const scheme = schemeOf(url)
  return scheme !== null && SAFE_LINK_PROTOCOLS.includes(scheme)
}
