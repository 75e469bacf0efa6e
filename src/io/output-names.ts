/** Output names derived from input names, which are never trusted. */
import { basename, extname } from 'node:path'

/** A safe file stem from an input path: no directories, control characters or leading dots. */
export function safeStem(inputPath: string): string {
  if (inputPath === '-') return 'stdin'
  const base = basename(inputPath.replace(/\\/g, '/'))
  const stem = base.slice(0, base.length - extname(base).length) || base
  const cleaned = stem
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 200)
  return cleaned || 'document'
}

const EXTENSIONS = { md: 'md', html: 'html', pdf: 'pdf', txt: 'txt', json: 'json' } as const

export function extensionFor(format: keyof typeof EXTENSIONS): string {
  return EXTENSIONS[format]
}
