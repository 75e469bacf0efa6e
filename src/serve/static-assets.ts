/** The page's own files, shipped in `templates/serve/` and served from memory: no CDN, works offline. */
import type { ServerResponse } from 'node:http'
import { readTemplate } from '../assets.js'
import { securityHeaders } from './security.js'

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'serve/index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'serve/app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'serve/app.css', type: 'text/css; charset=utf-8' }
}

export function isAsset(path: string): boolean {
  return Object.hasOwn(ASSETS, path)
}

export function sendAsset(path: string, response: ServerResponse): void {
  const asset = ASSETS[path]!
  const body = readTemplate(asset.file)
  response.writeHead(200, { ...securityHeaders('page'), 'Content-Type': asset.type, 'Content-Length': Buffer.byteLength(body) })
  response.end(body)
}
