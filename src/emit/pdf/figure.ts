/**
 * Images as tagged Figures with their alt text. Only the document's own
 * resources (or `data:` URLs) are drawn: a URL is never fetched and never
 * read as a file path. PNG and JPEG are what PDF can take as they are;
 * anything else becomes its alt text and a warning.
 */
import type { Image, Paragraph } from 'mdast'
import { warning } from '../../messages.js'
import { type PdfContext, contentBottom, contentTop, ensureSpace, openElement, pageHeight, tagged, within } from './context.js'
import { flowRuns } from './flow.js'
import type { Box } from './context.js'

/** A paragraph holding only images (and whitespace) is a run of figures. */
export function isFigureParagraph(node: Paragraph): boolean {
  const significant = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  return significant.length > 0 && significant.every((c) => c.type === 'image')
}

/** The image's bytes when they are in the document, else undefined. */
function imageBytes(ctx: PdfContext, url: string): Uint8Array | undefined {
  const resource = ctx.resources.get(url)
  if (resource) return resource.bytes
  const m = /^data:image\/(?:png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url)
  return m ? Buffer.from(m[1], 'base64') : undefined
}

/** pdfkit's decoded image (its types lack `openImage`). */
interface OpenedImage {
  width: number
  height: number
}
interface ImageOpener {
  openImage(src: Buffer): OpenedImage
}

function isPngOrJpeg(bytes: Uint8Array): boolean {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8
  return png || jpeg
}

export function drawFigure(ctx: PdfContext, node: Image, box: Box): void {
  const alt = (node.alt ?? node.title ?? '').trim()
  const bytes = imageBytes(ctx, node.url)
  let image: OpenedImage | undefined
  if (bytes && isPngOrJpeg(bytes)) {
    try {
      image = (ctx.doc as unknown as ImageOpener).openImage(Buffer.from(bytes))
    } catch (error) {
      ctx.messages.push(warning('image-skipped', `PDF: image '${node.url.slice(0, 60)}' could not be read (${(error as Error).message}); its alt text is shown`))
    }
  } else {
    const why = bytes ? 'is not PNG or JPEG' : /^[a-z]+:/i.test(node.url) ? 'is not in the document (no network access)' : 'is missing'
    ctx.messages.push(warning('image-skipped', `PDF: image '${node.url.slice(0, 60)}' ${why}; its alt text is shown`))
  }
  const figure = openElement(ctx, 'Figure', alt ? { alt } : {})
  within(ctx, figure, () => {
    if (!image) {
      const style = { role: 'text' as const, bold: false, italic: true, size: ctx.style.body.fontSize, color: '#666666' }
      flowRuns(ctx, [{ text: `[${alt || 'image'}]`, style }], box, figure, { lineHeight: ctx.style.body.lineHeight })
      return
    }
    // Pixels at 96 dpi, shrunk to the box and to part of the page height.
    const maxHeight = (contentBottom(ctx) - contentTop(ctx)) * ctx.style.image.maxHeightRatio
    const scale = Math.min(1, box.width / (image.width * 0.75), maxHeight / (image.height * 0.75))
    const width = image.width * 0.75 * scale
    const height = image.height * 0.75 * scale
    ensureSpace(ctx, height)
    const x = box.x
    const y = ctx.y
    const img = image
    tagged(ctx, figure, () => ctx.doc.image(img as unknown as Buffer, x, y, { width, height }))
    const ph = pageHeight(ctx)
    figure.dictionary.data.A = { O: 'Layout', Placement: 'Block', BBox: [x, ph - y - height, x + width, ph - y] }
    ctx.y += height + ctx.style.image.gap
  })
}
