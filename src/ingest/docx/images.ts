/**
 * Images in a DOCX become resources (`media/image1.png`, …) that the tree
 * refers to, instead of mammoth's base64 `data:` URIs. The same picture used
 * twice is one resource. The type comes from the bytes, not from the part's
 * declared content type; parts that are not a recognised image are left out
 * with a warning (the picture's alt text stays).
 */
import { createHash } from 'node:crypto'
import type mammoth from 'mammoth'
import type { Resource } from '../../ast/types.js'
import { describeUnknownImage, imageTypeOf } from '../../image-types.js'
import { type Message, warning } from '../../messages.js'

type ImageConverter = ReturnType<typeof mammoth.images.imgElement>

/** A mammoth image converter (from the `mammoth` module given) plus the resources and warnings it collected. */
export function imageCollector(lib: typeof mammoth): { convertImage: ImageConverter; resources: Resource[]; messages: Message[] } {
  const resources: Resource[] = []
  const messages: Message[] = []
  const byHash = new Map<string, string>()
  let skipped = 0
  const convertImage = lib.images.imgElement(async (image) => {
    const bytes = new Uint8Array(await image.read())
    const type = imageTypeOf(bytes)
    if (!type) {
      skipped++
      messages.push(warning('image-skipped', `image ${skipped} (declared ${image.contentType || 'without a type'}) is ${describeUnknownImage(bytes)}; it is left out`))
      return { src: '' }
    }
    const hash = createHash('sha1').update(bytes).digest('hex')
    let path = byHash.get(hash)
    if (!path) {
      path = `media/image${resources.length + 1}.${type.extension}`
      byHash.set(hash, path)
      resources.push({ path, contentType: type.contentType, bytes })
    }
    return { src: path }
  })
  return { convertImage, resources, messages }
}
