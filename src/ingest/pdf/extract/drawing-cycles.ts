/**
 * Form XObjects and tiling patterns that draw themselves.
 *
 * pdf.js 5.6 compiles a tiling pattern's content (`handleTilingType`,
 * src/core/evaluator.js) without the set of streams already being compiled
 * above it, so a form that paints a pattern whose content paints the form
 * again (pdf.js's own test file `operator_list_cycle.pdf`) is expanded
 * forever: `getOperatorList` never returns, never yields to the event loop,
 * and grows until the heap cap (1.6 GB in 30 s). Fixed upstream in pdf.js
 * 6.0 (mozilla/pdf.js commit 29fcf0a, "Avoid cycles when getting operator
 * list in patterns"), which docmend cannot move to on Node 20.
 *
 * So before asking pdf.js for a page's operators, the page's drawings are
 * walked here, from the raw bytes: the content streams are read for the
 * names they draw (`/Name Do`, `/Name scn`), each name is looked up in the
 * stream's resources (then its caller's, as pdf.js does), and a stream met
 * again on the path it is drawn from is a cycle. Each stream is walked once
 * (a visited set), decoding is capped, and anything this reader cannot
 * follow (an unknown filter, an encrypted object stream) is passed over, so
 * the check costs one pass over the file and at most one decoding of each
 * form and pattern, within a budget proportional to the file's size. A
 * page's own content is decoded for each page that draws it, outside that
 * budget (pdf.js decodes it too), up to 64 MiB for the page: a page whose
 * Flate-compressed content, or a form it draws, goes past is refused
 * (`oversizedContent`). Content behind other filters, or encrypted, is not
 * measured here.
 */
import { inflateSync } from 'node:zlib'

type Value = null | boolean | number | string | Name | Ref | Value[] | Dict
interface Name {
  name: string
}
interface Ref {
  num: number
}
type Dict = Map<string, Value>
interface PdfObject {
  value: Value
  /** Where the stream's bytes are in the file, when the object is a stream (read only when decoded). */
  stream?: { start: number; end: number }
}

/**
 * Decoded bytes the check of a document's forms, patterns and object streams
 * may produce: 16 times the file, at least 64 MiB; one stream at most 64 MiB
 * (what is past that is not read). Each is decoded once per document.
 */
const MIN_DECODE_BUDGET = 64 * 1024 * 1024
const DECODE_PER_FILE_BYTE = 16
const STREAM_CAP = 64 * 1024 * 1024
/** Bytes a page's content streams together may decompress to before the page is refused. */
export const PAGE_CONTENT_CAP = STREAM_CAP
/** Nesting followed (pdf.js itself would take far longer over a deeper one). */
const MAX_DEPTH = 200
const DELIMITER = /[\s/[\]()<>{}%]/

const isName = (v: Value | undefined): v is Name => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && 'name' in v
const isRef = (v: Value | undefined): v is Ref => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && 'num' in v

/** A small reader of PDF objects: enough syntax to follow dictionaries and references. */
class Parser {
  pos: number
  constructor(
    private readonly s: string,
    pos: number
  ) {
    this.pos = pos
  }

  private skip(): void {
    const s = this.s
    while (this.pos < s.length) {
      const c = s[this.pos]
      if (c === '%') {
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++
      } else if (/\s/.test(c) || c === '\0') this.pos++
      else break
    }
  }

  private word(): string {
    const start = this.pos
    while (this.pos < this.s.length && !DELIMITER.test(this.s[this.pos]) && this.s[this.pos] !== '\0') this.pos++
    return this.s.slice(start, this.pos)
  }

  /** The next value; `undefined` at a keyword that ends a value list (`endobj`, `stream`, `>>`, `]`). */
  value(depth = 0): Value | undefined {
    if (depth > 64) throw new Error('nested too deeply')
    this.skip()
    const s = this.s
    const c = s[this.pos]
    if (c === undefined) return undefined
    if (c === '/') {
      this.pos++
      return { name: this.word().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) }
    }
    if (c === '<' && s[this.pos + 1] === '<') {
      this.pos += 2
      const dict: Dict = new Map()
      for (;;) {
        this.skip()
        if (this.pos >= s.length) return dict
        if (s.startsWith('>>', this.pos)) {
          this.pos += 2
          return dict
        }
        const key = this.value(depth + 1)
        if (!isName(key)) {
          if (key === undefined) return dict
          continue
        }
        const v = this.value(depth + 1)
        if (v === undefined) return dict
        dict.set(key.name, v)
      }
    }
    if (c === '<') {
      const end = s.indexOf('>', this.pos)
      this.pos = end < 0 ? s.length : end + 1
      return ''
    }
    if (c === '(') {
      let level = 0
      while (this.pos < s.length) {
        const ch = s[this.pos++]
        if (ch === '\\') this.pos++
        else if (ch === '(') level++
        else if (ch === ')' && --level === 0) break
      }
      return ''
    }
    if (c === '[') {
      this.pos++
      const list: Value[] = []
      for (;;) {
        this.skip()
        if (this.pos >= s.length) return list
        if (s[this.pos] === ']') {
          this.pos++
          return list
        }
        const v = this.value(depth + 1)
        if (v === undefined) return list
        list.push(v)
      }
    }
    if (c === '>' || c === ']' || c === ')' || c === '{' || c === '}') {
      // Stray delimiter: not a value.
      return undefined
    }
    const w = this.word()
    if (w === '') {
      this.pos++
      return null
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // `num gen R` is a reference.
      if (/^\d+$/.test(w)) {
        const m = /^\s+(\d+)\s+R(?=[\s/[\]()<>{}%]|$)/.exec(s.slice(this.pos, this.pos + 32))
        if (m) {
          this.pos += m[0].length
          return { num: Number(w) }
        }
      }
      return Number(w)
    }
    if (w === 'true' || w === 'false') return w === 'true'
    if (w === 'null') return null
    return undefined
  }
}

/** The objects of a file, found by scanning for `n g obj` (as a reader repairing a broken xref does) and in object streams. */
class ObjectIndex {
  private readonly text: string
  private readonly offsets = new Map<number, number>()
  private readonly cache = new Map<number, PdfObject | null>()
  private packed: Map<number, { stream: number; index: number }> | undefined
  private readonly streamObjects = new Map<number, Value[]>()
  private readonly names = new Map<number, Names | null>()
  private readonly budget: number
  decoded = 0
  /** Streams that decompress past STREAM_CAP (decompression bombs, or drawings too large to read). */
  readonly oversized = new Set<number>()
  /** Pages whose content, or a form or pattern they draw, is `oversized`: with that stream. */
  readonly oversizedOnPage = new Map<number, number>()

  /**
   * Reads `bytes` at once: pdf.js may take the buffer over (transfer it) once
   * given the same bytes, and every later read is from the text kept here.
   */
  constructor(bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    this.budget = Math.max(MIN_DECODE_BUDGET, DECODE_PER_FILE_BYTE * bytes.byteLength)
    // The last definition of a number wins (incremental updates append).
    for (const m of this.text.matchAll(/(?<![\d])(\d{1,10})\s+\d{1,5}\s+obj(?=[\s/[<(%]|$)/g)) this.offsets.set(Number(m[1]), m.index + m[0].length)
  }

  get(num: number): PdfObject | null {
    if (this.cache.has(num)) return this.cache.get(num) ?? null
    this.cache.set(num, null)
    const found = this.read(num)
    this.cache.set(num, found)
    return found
  }

  resolve(v: Value | undefined): Value | undefined {
    for (let hops = 0; isRef(v) && hops < 8; hops++) v = this.get(v.num)?.value
    return v
  }

  dict(v: Value | undefined): Dict | undefined {
    const r = this.resolve(v)
    return r instanceof Map ? r : undefined
  }

  private read(num: number): PdfObject | null {
    const at = this.offsets.get(num)
    if (at === undefined) return this.readPacked(num)
    const parser = new Parser(this.text, at)
    const value = parser.value() ?? null
    if (!(value instanceof Map)) return { value }
    const rest = /^\s*stream\r?\n/.exec(this.text.slice(parser.pos, parser.pos + 16))
    if (!rest) return { value }
    const start = parser.pos + rest[0].length
    const declared = this.resolve(value.get('Length'))
    let end = typeof declared === 'number' && declared >= 0 && start + declared <= this.text.length ? start + declared : -1
    if (end < 0 || !/^\s*endstream/.test(this.text.slice(end, end + 16))) {
      end = this.text.indexOf('endstream', start)
      if (end < 0) end = this.text.length
    }
    return { value, stream: { start, end } }
  }

  private readPacked(num: number): PdfObject | null {
    if (!this.packed) {
      this.packed = new Map()
      for (const [n] of this.offsets) {
        const obj = this.get(n)
        if (!(obj?.value instanceof Map) || !obj.stream) continue
        const type = obj.value.get('Type')
        if (!isName(type) || type.name !== 'ObjStm') continue
        const data = this.decode(obj)
        if (!data) continue
        const first = obj.value.get('First')
        const count = obj.value.get('N')
        if (typeof first !== 'number' || typeof count !== 'number') continue
        const text = Buffer.from(data).toString('latin1')
        const header = text.slice(0, first).trim().split(/\s+/).map(Number)
        const values: Value[] = []
        for (let i = 0; i < count && 2 * i + 1 < header.length; i++) {
          if (!this.packed.has(header[2 * i]) && !this.offsets.has(header[2 * i])) this.packed.set(header[2 * i], { stream: n, index: i })
          values.push(new Parser(text, first + header[2 * i + 1]).value() ?? null)
        }
        this.streamObjects.set(n, values)
      }
    }
    const at = this.packed.get(num)
    if (!at) return null
    return { value: this.streamObjects.get(at.stream)?.[at.index] ?? null }
  }

  /**
   * A stream's data, decoded; `undefined` when this reader cannot decode it
   * or the budget is spent. A page's own content is decoded outside the
   * budget (pdf.js decodes it anyway) within `pageRoom` bytes; a stream that
   * decodes past its room (or past STREAM_CAP) is marked `oversized`.
   */
  decode(obj: PdfObject, num?: number, pageRoom?: number): Uint8Array | undefined {
    if (!obj.stream || !(obj.value instanceof Map)) return undefined
    if (num !== undefined && this.oversized.has(num)) return undefined
    const filter = this.resolve(obj.value.get('Filter'))
    const filters = Array.isArray(filter) ? filter.map((f) => this.resolve(f)) : filter === undefined ? [] : [filter]
    if (pageRoom === undefined && this.decoded + (obj.stream.end - obj.stream.start) > this.budget) return undefined
    let data: Uint8Array = Buffer.from(this.text.slice(obj.stream.start, obj.stream.end), 'latin1')
    for (const f of filters) {
      if (!isName(f) || (f.name !== 'FlateDecode' && f.name !== 'Fl')) return undefined
      const room = pageRoom ?? Math.min(STREAM_CAP, this.budget - this.decoded)
      if (room <= 0) {
        // A page whose earlier streams filled its room.
        if (pageRoom !== undefined && num !== undefined) this.oversized.add(num)
        return undefined
      }
      try {
        data = inflateSync(data, { maxOutputLength: room, finishFlush: 2 /* Z_SYNC_FLUSH: keep what a truncated stream holds */ })
      } catch (error) {
        const full = pageRoom !== undefined || room === STREAM_CAP
        if (full && num !== undefined && (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') this.oversized.add(num)
        return undefined
      }
    }
    if (pageRoom === undefined) this.decoded += data.length
    return data
  }

  /** The names stream `num` draws (decoded and read once per document); `null` when it cannot be read. */
  drawnBy(num: number): Names | null {
    if (!this.names.has(num)) {
      const obj = this.get(num)
      const data = obj && this.decode(obj, num)
      this.names.set(num, data ? drawnNames(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')) : null)
    }
    return this.names.get(num) ?? null
  }
}

interface Names {
  xobjects: Set<string>
  patterns: Set<string>
}

/** The names a content stream draws as a form XObject (`Do`) and as a pattern (`scn`, `SCN`). */
function drawnNames(content: string): Names {
  const xobjects = new Set<string>()
  const patterns = new Set<string>()
  const unescape = (n: string) => n.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  for (const m of content.matchAll(/\/([^\s/[\]()<>{}%]+)\s+(Do|scn|SCN)(?=[\s/[\]()<>{}%]|$)/g)) (m[2] === 'Do' ? xobjects : patterns).add(unescape(m[1]))
  return { xobjects, patterns }
}

/**
 * The chain of objects through which a page's drawing comes back to itself
 * (`[12, 13, 14, 12]`: object 12 draws 13, which draws 14, which draws 12),
 * or `null` when there is none this reader can see.
 */
export function drawingCycle(index: ObjectIndex, pageNum: number): number[] | null {
  const page = index.dict({ num: pageNum })
  if (!page) return null
  // Resources are inherited from the page tree.
  let resources: Dict | undefined
  let node: Dict | undefined = page
  for (let hops = 0; node && !resources && hops < 64; hops++) {
    resources = index.dict(node.get('Resources'))
    node = index.dict(node.get('Parent'))
  }
  const contents = index.resolve(page.get('Contents'))
  const parts = (Array.isArray(contents) ? contents : [page.get('Contents')]).filter(isRef)
  // A page's content may be split anywhere between its streams (even inside an operation): read as one.
  // Within PAGE_CONTENT_CAP for all its streams together: a stream drawn twice counts twice, as pdf.js reads it twice.
  let pageContent = ''
  for (const part of parts) {
    const obj = index.get(part.num)
    const room = PAGE_CONTENT_CAP - pageContent.length
    const data = obj && index.decode(obj, part.num, room)
    if (data) pageContent += `${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')}\n`
    if (index.oversized.has(part.num)) {
      index.oversizedOnPage.set(pageNum, part.num)
      break
    }
  }

  const done = new Set<number>()
  const path: number[] = []
  const onPath = new Set<number>()

  /** The cycle found under a stream drawing `content` with `scopes` (its resources first, then its callers'). */
  const walk = ({ xobjects, patterns }: Names, scopes: Dict[]): number[] | null => {
    const targets: Value[] = []
    const lookup = (category: string, name: string) => {
      for (const scope of scopes) {
        const entry = index.dict(scope.get(category))?.get(name)
        if (entry !== undefined) return entry
      }
      return undefined
    }
    for (const name of xobjects) targets.push(lookup('XObject', name) ?? null)
    for (const name of patterns) targets.push(lookup('Pattern', name) ?? null)
    for (const target of targets) {
      if (!isRef(target)) continue
      if (onPath.has(target.num)) return [...path.slice(path.indexOf(target.num)), target.num]
      if (done.has(target.num) || path.length >= MAX_DEPTH) continue
      const obj = index.get(target.num)
      if (!(obj?.value instanceof Map) || !obj.stream) continue
      const subtype = obj.value.get('Subtype')
      const isForm = isName(subtype) && subtype.name === 'Form'
      const isTiling = obj.value.get('PatternType') === 1
      if (!isForm && !isTiling) continue
      const names = index.drawnBy(target.num)
      if (!names) {
        if (index.oversized.has(target.num) && !index.oversizedOnPage.has(pageNum)) index.oversizedOnPage.set(pageNum, target.num)
        continue
      }
      const own = index.dict(obj.value.get('Resources'))
      path.push(target.num)
      onPath.add(target.num)
      const found = walk(names, own ? [own, ...scopes] : scopes)
      path.pop()
      onPath.delete(target.num)
      done.add(target.num)
      if (found) return found
    }
    return null
  }
  return walk(drawnNames(pageContent), resources ? [resources] : [])
}

/**
 * The stream that makes the page decompress past PAGE_CONTENT_CAP (its own
 * content, or a form or pattern it draws), known once `drawingCycle` has
 * read the page. pdf.js would inflate it whole, outside the heap cap, and
 * run its operators until the page timer stops it (a 1 MB stream bomb: 512
 * MiB of drawing, 30 s, 1.4 GB).
 */
export function oversizedContent(index: ObjectIndex, pageNum: number): number | undefined {
  return index.oversizedOnPage.get(pageNum)
}

/** The raw-object reader for one document, built once, used for each of its pages. */
export function drawingIndex(bytes: Uint8Array): ObjectIndex {
  return new ObjectIndex(bytes)
}

export type { ObjectIndex }
