/**
 * Run the pdf.js extraction in a worker thread under a time budget, and turn
 * what goes wrong into one-line `ConversionError`s: encrypted, damaged,
 * too slow, too big.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, resourceLimits } from 'node:worker_threads'
import { ConversionError } from '../../errors.js'
import { DEFAULT_WORKER_HEAP_MB } from '../../limits.js'
import type { ExtractFailure, ExtractRequest } from './extract/extract.js'
import type { WorkerJob, WorkerMessage } from './extract/worker.js'
import type { PageContent, PdfInfo } from './types.js'

/** How long pdf.js may work without finishing a page, and on the whole document. */
export interface ExtractionBudget {
  /** Opening the document, or reading one page (default 30 s). */
  pageMs: number
  /** Everything (default 10 min). */
  documentMs: number
}

export const DEFAULT_BUDGET: ExtractionBudget = { pageMs: 30_000, documentMs: 600_000 }

export interface Extraction {
  info: PdfInfo
  /** The pages read, in order (with context pages around the range asked for). */
  pages: PageContent[]
  /** The range asked for, clipped to the document. */
  first: number
  last: number
  warnings: string[]
  /** Pages that could not be read, with pdf.js's (or docmend's) reason. */
  failures?: { number: number; reason: string }[]
}

/**
 * The compiled worker script. Under the test runner this module runs from
 * `src/` as TypeScript, which a worker thread cannot load, so the build's
 * copy in `dist/` is used (`npm test` builds first).
 */
function workerUrl(): URL {
  const here = new URL('./extract/worker.js', import.meta.url)
  if (existsSync(fileURLToPath(here))) return here
  const built = new URL(here.href.replace(/\/src\/ingest\/pdf\//, '/dist/ingest/pdf/'))
  if (existsSync(fileURLToPath(built))) return built
  throw new Error(`the PDF extraction worker is missing (${fileURLToPath(here)}); run npm run build`)
}

/** A pdf.js failure as the one-line error a user sees. */
export function failureToError(failure: ExtractFailure): ConversionError {
  if (failure.name === 'PasswordException') {
    return failure.code === 2
      ? new ConversionError('the password does not open this encrypted PDF', 'encrypted')
      : new ConversionError('the PDF is encrypted; give its password with --password', 'encrypted')
  }
  if (failure.name === 'InvalidPDFException') return new ConversionError('not a readable PDF: its structure is damaged or the file is truncated', 'corrupt')
  // pdf.js's own errors name the damage; anything else (a JavaScript or crypto error) is not written for a person.
  if (!PDFJS_ERRORS.has(failure.name) || RUNTIME_MESSAGE.test(failure.message)) return new ConversionError('the PDF is damaged: part of it could not be decoded', 'corrupt')
  return new ConversionError(`the PDF is damaged: ${failure.message.replace(/\s+/g, ' ').trim()}`, 'corrupt')
}

const PDFJS_ERRORS = new Set(['FormatError', 'UnknownErrorException', 'XRefEntryException', 'XRefParseException', 'MissingPDFException', 'UnexpectedResponseException'])
// Messages of the JavaScript runtime that pdf.js passes on as they are (an unhandled rejection, a crypto key, a property of nothing).
const RUNTIME_MESSAGE = /originated either by throwing|async function|\.catch\(\)|key length|is not a function|Cannot read propert|undefined|Maximum call stack/i

/**
 * Idle workers kept for the next document (pdf.js is loaded once per worker,
 * not once per document). They do not keep the process alive. A worker that
 * ran out of time or failed is never put back.
 */
const idle: Worker[] = []
const MAX_IDLE = 2
let nextJob = 1

function startWorker(): Worker {
  // The cap of the sandbox thread this runs in (its --max-memory), so pdf.js gets no more than the rest of the
  // conversion; the default cap when called outside the sandbox (the library).
  const cap = resourceLimits.maxOldGenerationSizeMb || DEFAULT_WORKER_HEAP_MB
  const worker = new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: cap } })
  worker.on('exit', () => {
    const at = idle.indexOf(worker)
    if (at >= 0) idle.splice(at, 1)
  })
  return worker
}

function takeWorker(): Worker {
  const worker = idle.pop() ?? startWorker()
  worker.ref()
  return worker
}

function giveBack(worker: Worker): void {
  if (idle.length >= MAX_IDLE) {
    void worker.terminate()
    return
  }
  worker.unref()
  idle.push(worker)
}

export function runExtraction(request: ExtractRequest, budget: ExtractionBudget = DEFAULT_BUDGET): Promise<Extraction> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker()
    const job = nextJob++
    const pages: PageContent[] = []
    const warnings: string[] = []
    const failures: { number: number; reason: string }[] = []
    let info: PdfInfo | undefined
    let range = { first: 1, last: 0 }
    let settled = false
    let working = 'opening the document'

    const finish = (error: ConversionError | null, reusable: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(pageTimer)
      clearTimeout(documentTimer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (reusable) giveBack(worker)
      else void worker.terminate()
      if (error) reject(error)
      else resolve({ info: info ?? { pageCount: 0 }, pages, ...range, warnings, failures })
    }
    const giveUp = (ms: number) => () =>
      finish(new ConversionError(`gave up ${working} after ${Math.round(ms / 1000)} s; the PDF may be damaged`, 'timeout'), false)
    let pageTimer = setTimeout(giveUp(budget.pageMs), budget.pageMs)
    const documentTimer = setTimeout(giveUp(budget.documentMs), budget.documentMs)
    const progress = (next: string) => {
      working = next
      clearTimeout(pageTimer)
      pageTimer = setTimeout(giveUp(budget.pageMs), budget.pageMs)
    }

    const onMessage = (message: WorkerMessage) => {
      if (message.job !== job) return
      switch (message.type) {
        case 'info':
          info = message.info
          range = { first: message.first, last: message.last }
          progress('reading the first page')
          break
        case 'page':
          pages.push(message.page)
          warnings.push(...message.warnings)
          progress(`reading page ${message.page.number + 1}`)
          break
        case 'page-failed':
          failures.push({ number: message.number, reason: message.error.message })
          warnings.push(`page ${message.number} could not be read (${message.error.message}); it is left out`)
          progress(`reading page ${message.number + 1}`)
          break
        case 'done':
          finish(null, true)
          break
        case 'failed':
          finish(failureToError(message.error), true)
          break
      }
    }
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(new ConversionError('the PDF needs more memory than allowed to read', 'limit'), false)
      else finish(failureToError({ name: error.name, message: error.message }), false)
    }
    const onExit = (code: number) => finish(new ConversionError(`the PDF reader stopped unexpectedly (exit code ${code})`, 'corrupt'), false)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({ job, request } satisfies WorkerJob)
  })
}
