/**
 * The document in a `POST /api/convert`: the raw body, or the file part of a
 * `multipart/form-data` form (what `curl -F file=@report.docx` and HTML forms
 * send), parsed with busboy. Any other content type is refused with 415, so
 * an envelope is never converted as if it were the document.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import busboy from 'busboy'
import { HttpError } from './http-error.js'
import { type Claim, busyWithUploads } from './memory-budget.js'
import { readBody, tooLarge } from './read-body.js'

export interface Upload {
  bytes: Uint8Array
  /** The file name the form gave, when it gave one. */
  fileName?: string
}

/** Raw bodies the readers can take (after sniffing the bytes). No type at all is fine too. */
const RAW_TYPES = new Set([
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/xhtml+xml',
  'application/zip'
])

function mediaType(request: IncomingMessage): string | null {
  const header = request.headers['content-type']
  if (header === undefined || header.trim() === '') return null
  return header.split(';')[0]!.trim().toLowerCase()
}

/** Throw 415 now, before any of the body is read, for a type the API does not understand. */
export function checkContentType(request: IncomingMessage): void {
  const type = mediaType(request)
  if (type === null || type === 'multipart/form-data' || type.startsWith('text/') || RAW_TYPES.has(type)) return
  throw new HttpError(
    415,
    `cannot take a '${type}' body: send the document itself (any text/* type, application/pdf, a Word type or application/octet-stream) or a multipart/form-data form with one file`,
    'unsupported-media-type'
  )
}

/** What a form may add around its file: boundaries, part headers, small fields. */
const FORM_ENVELOPE_BYTES = 64 * 1024

function isMultipart(request: IncomingMessage): boolean {
  return mediaType(request) === 'multipart/form-data'
}

function readUpload(request: IncomingMessage, maxBytes: number, claim: Claim): Promise<Upload> {
  if (!isMultipart(request)) return readBody(request, maxBytes, claim).then((bytes) => ({ bytes }))
  return readMultipart(request, maxBytes, claim)
}

function readMultipart(request: IncomingMessage, maxBytes: number, claim: Claim): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes, fields: 32, parts: 40, fieldSize: 64 * 1024 } })
    } catch (error) {
      reject(new HttpError(400, `the form cannot be read: ${(error as Error).message}`, 'bad-request'))
      return
    }
    let upload: Upload | undefined
    let failed = false
    const fail = (error: HttpError) => {
      if (failed) return
      failed = true
      request.unpipe(parser)
      reject(error)
    }
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (claim.cover(size)) chunks.push(chunk)
        else {
          chunks.length = 0
          fail(busyWithUploads())
        }
      })
      stream.on('limit', () => fail(tooLarge(maxBytes)))
      stream.on('end', () => {
        if (failed) return
        upload = { bytes: Buffer.concat(chunks), ...(info.filename ? { fileName: info.filename } : {}) }
      })
    })
    parser.on('filesLimit', () => fail(new HttpError(400, 'send one file per request', 'bad-request')))
    parser.on('partsLimit', () => fail(new HttpError(400, 'the form has too many parts', 'bad-request')))
    parser.on('error', (error: Error) => fail(new HttpError(400, `the form cannot be read: ${error.message}`, 'bad-request')))
    parser.on('close', () => {
      if (failed) return
      if (!upload) fail(new HttpError(400, 'the form has no file in it: send the document as a file part (curl -F file=@report.docx)', 'bad-request'))
      else resolve(upload)
    })
    request.on('error', () => fail(new HttpError(400, 'the upload broke off', 'bad-request')))
    request.pipe(parser)
  })
}

/**
 * The document a POST carries, as `/api/convert` and `/api/jobs` both take
 * it: the content type checked before anything is read, a declared length
 * checked against the size limit (413) and held on the server's memory
 * budget (503 if it does not fit), `100 Continue`
 * sent only for a body that will be read, and the form's file name used when
 * the query names none.
 */
export async function receiveDocument(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  queryName: string,
  maxBytes: number,
  claim: Claim
): Promise<{ bytes: Uint8Array; name: string }> {
  checkContentType(request)
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared)) {
    if (declared > maxBytes + (isMultipart(request) ? FORM_ENVELOPE_BYTES : 0)) throw tooLarge(maxBytes)
    if (!claim.cover(declared)) throw busyWithUploads()
  }
  if (/100-continue/i.test(request.headers.expect ?? '')) response.writeContinue()
  const upload = await readUpload(request, maxBytes, claim)
  const name = upload.fileName !== undefined && !url.searchParams.has('name') ? upload.fileName.slice(0, 255) : queryName
  return { bytes: upload.bytes, name }
}
