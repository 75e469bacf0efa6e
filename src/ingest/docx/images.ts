/**
 * Images in a DOCX become resources (`media/image1.png`, …) that the tree
 * refers to, instead of mammoth's base64 `data:` URIs. The same picture used
 * twice is one resource.
 */
import { createHash } from 'node:crypto'
import type mammoth from 'mammoth'
import type { Resource } from '../../ast/types.js'

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/tiff': 'tif'
}

function extensionOf(contentType: string): string {
  const known = EXTENSIONS[contentType.toLowerCase()]
  if (known) return known
  const subtype = contentType.split('/')[1]?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? ''
  return subtype.slice(0, 5) || 'bin'
}

type ImageConverter = ReturnType<typeof mammoth.images.imgElement>

/** A mammoth image converter (from the `mammoth` module given) plus the resources it collected. */
export function imageCollector(lib: typeof mammoth): { convertImage: ImageConverter; resources: Resource[] } {
  const resources: Resource[] = []
  const byHash = new Map<string, string>()
  const convertImage = lib.images.imgElement(async (image) => {
    const bytes = new Uint8Array(await image.read())
    const hash = createHash('sha1').update(bytes).digest('hex')
    let path = byHash.get(hash)
    if (!path) {
      const contentType = image.contentType || 'application/octet-stream'
      path = `media/image${resources.length + 1}.${extensionOf(contentType)}`
      byHash.set(hash, path)
      resources.push({ path, contentType, bytes })
    }
    return { src: path }
  })
  return { convertImage, resources }
}
