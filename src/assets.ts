/** Files shipped with the package (templates), found relative to this module. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Absolute path of a file in `templates/` (works from `src/` and `dist/`). */
export function templatePath(name: string): string {
  return fileURLToPath(new URL(`../templates/${name}`, import.meta.url))
}

const cache = new Map<string, string>()

/** Text of a file in `templates/`, read once. */
export function readTemplate(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    text = readFileSync(templatePath(name), 'utf8')
    cache.set(name, text)
  }
  return text
}
