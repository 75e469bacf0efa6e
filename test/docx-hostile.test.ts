/**
 * Hostile and broken .docx files: each must end with exit 1 and one clear
 * line (`docmend: <file>: <reason>`), without expanding what it hides.
 * The CLI runs under GNU time (scripts/test-tools.txt) so the tests can see
 * that a bomb was refused before it was expanded, not after.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ROOT, runCli } from './helpers/cli.js'
import { deflate, documentXml, minimalDocxEntries, writeZip } from './helpers/docx.js'

const MIB = 1024 * 1024

/**
 * A raw deflate stream of `mib` MiB of zeros, built without compressing
 * them: one fully flushed block (byte-aligned, no back-references out of
 * it) repeated, then an empty final block.
 */
function zerosDeflated(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MIB), { finishFlush: constants.Z_FULL_FLUSH })
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))])
}

interface Run {
  code: number | null
  lines: string[]
  /** Peak resident memory of the CLI, in MiB. */
  peakMiB: number
}

/** The CLI under /usr/bin/time, which reports its peak memory on the last stderr line. */
function runMeasured(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-q', '-f', 'peak-kib=%M', process.execPath, CLI, ...args], { cwd: ROOT })
    const err: Buffer[] = []
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.stdout.resume()
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const lines = Buffer.concat(err).toString('utf8').split('\n').filter(Boolean)
      const peak = lines.findLast((l) => l.startsWith('peak-kib='))
      resolve({ code, lines: lines.filter((l) => !l.startsWith('peak-kib=')), peakMiB: Number(peak?.slice(9)) / 1024 })
    })
  })
}

const sampleBytes = () => readFile(join(ROOT, 'samples/annual-report.docx'))
const paragraph = '<w:p><w:r><w:t>报告</w:t></w:r></w:p>'
const deep = 100_000

/** Each hostile file, by the name the tests use. */
async function hostileFiles(): Promise<Record<string, Uint8Array>> {
  const sample = await sampleBytes()
  const parts = minimalDocxEntries(documentXml(paragraph))
  return {
    'corrupt.docx': Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4000, 0x5a), Buffer.from('word/document.xml'), Buffer.alloc(200, 0x17)]),
    'truncated.docx': sample.subarray(0, Math.floor(sample.length * 0.6)),
    'no-document.docx': writeZip([{ name: 'word/styles.xml', data: Buffer.from('<w:styles/>') }]),
    // 1 GiB of zeros in a 1 MB file, its size declared honestly.
    'bomb.docx': writeZip([...parts, { name: 'word/media/image1.png', data: zerosDeflated(1024), method: 8, declaredSize: 1024 * MIB }]),
    // The same, declaring 2000 bytes.
    'lying-bomb.docx': writeZip([
      ...parts.filter((e) => e.name !== 'word/document.xml'),
      { name: 'word/document.xml', data: zerosDeflated(1024), method: 8, declaredSize: 2000 }
    ]),
    'many.docx': writeZip([...parts, ...Array.from({ length: 20_000 }, (_, i) => ({ name: `customXml/item${i}.xml`, data: new Uint8Array(0) }))]),
    'not-xml.docx': writeZip(minimalDocxEntries('this is not XML <<< & >>>')),
    'deep.docx': writeZip(minimalDocxEntries(documentXml(`${'<w:sdt><w:sdtContent>'.repeat(deep)}${paragraph}${'</w:sdtContent></w:sdt>'.repeat(deep)}`))),
    // The control: the fixtures' parts make a valid DOCX.
    'minimal.docx': writeZip(parts)
  }
}

describe('hostile DOCX input', () => {
  let tmp = ''
  const path = (name: string) => join(tmp, name)
  let run: Run
  const lineFor = (name: string) => run.lines.filter((l) => l.startsWith(`docmend: ${path(name)}: `))

  // One CLI run converts them all, as a user converting a folder would.
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'docmend-hostile-'))
    const files = await hostileFiles()
    for (const [name, bytes] of Object.entries(files)) await writeFile(path(name), bytes)
    run = await runMeasured(['convert', ...Object.keys(files).map(path), '--to', 'html', '--out-dir', path('out')])
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('fails with exit 1, one line per broken file, without expanding any of them', () => {
    expect(run.code).toBe(1)
    expect(run.lines).toHaveLength(8)
    expect(run.peakMiB).toBeLessThan(400)
  })

  it('refuses bytes that only look like a zip', () => {
    expect(lineFor('corrupt.docx')).toEqual([
      `docmend: ${path('corrupt.docx')}: not a valid zip archive: it is cut short or its index is damaged`
    ])
  })

  it('refuses a truncated Word file', () => {
    expect(lineFor('truncated.docx')).toEqual([
      `docmend: ${path('truncated.docx')}: not a valid zip archive: it is cut short or its index is damaged`
    ])
  })

  it('refuses a zip without word/document.xml, whether sniffed or read as DOCX', async () => {
    expect(lineFor('no-document.docx')).toEqual([`docmend: ${path('no-document.docx')}: a zip archive without word/document.xml, so not a Word document`])
    const forced = await runMeasured(['convert', path('no-document.docx'), '--to', 'html', '--from', 'docx'])
    expect(forced.code).toBe(1)
    expect(forced.lines).toEqual([`docmend: ${path('no-document.docx')}: not a Word document: the zip has no word/document.xml`])
  })

  it('refuses a zip bomb (1 GiB of zeros in a 1 MB file) from its declared size', () => {
    // The budget is 100 bytes out per byte in, at least 64 MiB: here about 100 MiB.
    expect(lineFor('bomb.docx')).toHaveLength(1)
    expect(lineFor('bomb.docx')[0]).toMatch(/: the zip decompresses to more than 10\d MiB \(a zip bomb\?\); refused$/)
  })

  it('refuses a zip bomb whose entry lies about its size, once the lie shows', () => {
    expect(lineFor('lying-bomb.docx')).toEqual([
      `docmend: ${path('lying-bomb.docx')}: an entry of the zip decompresses to more bytes than it declares (a zip bomb?); refused`
    ])
  })

  it('refuses a zip of twenty thousand entries', () => {
    expect(lineFor('many.docx')).toEqual([`docmend: ${path('many.docx')}: the zip holds more than 10000 entries; refused`])
  })

  it('refuses a main part that is not XML, with a reason written for a person, not the parser\'s internals', () => {
    expect(lineFor('not-xml.docx')).toEqual([`docmend: ${path('not-xml.docx')}: not a readable Word document: a part of it is not well-formed XML`])
  })

  it('refuses XML nested a hundred thousand deep before any parser recurses into it', () => {
    expect(lineFor('deep.docx')).toEqual([`docmend: ${path('deep.docx')}: word/document.xml nests XML elements more than 256 deep; refused`])
  })

  it('still converts the well-formed file given with them', async () => {
    expect(lineFor('minimal.docx')).toEqual([])
    expect(await readFile(join(path('out'), 'minimal.html'), 'utf8')).toContain('<p>报告</p>')
  })
})

describe('a DOCX whose XML is more than its memory limit can read', () => {
  let tmp = ''
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'docmend-elements-'))
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('is refused with one line before mammoth reads it, not after it has filled the heap', async () => {
    // 1.5 million elements (500,000 short paragraphs, 19 MB of XML in a 60 KB file); 256 MiB of heap reads about 1 million.
    const xml = documentXml(paragraph.repeat(500_000))
    const entries = minimalDocxEntries(documentXml(paragraph)).map((e) => (e.name === 'word/document.xml' ? { name: e.name, data: deflate(xml), method: 8 as const, declaredSize: Buffer.byteLength(xml) } : e))
    const file = join(tmp, 'paragraphs.docx')
    await writeFile(file, writeZip(entries))
    const run = await runMeasured(['convert', file, '--to', 'html', '-o', join(tmp, 'paragraphs.html'), '--max-memory', '256'])
    expect(run.code).toBe(1)
    expect(run.lines).toHaveLength(1)
    expect(run.lines[0]).toMatch(new RegExp(`^docmend: ${file}: word/document\\.xml brings the document to 1\\.5 million XML elements, more than its memory limit can read \\(about 1\\.\\d million\\); refused$`))
    expect(await readdir(tmp)).toEqual(['paragraphs.docx'])
  })
})

/** A DOCX whose one picture is the part `word/media/<name>`, declared as `contentType`. */
function docxWithImage(name: string, bytes: Uint8Array, contentType: string): Uint8Array {
  const extension = name.split('.').pop()!
  const body =
    '<w:p><w:r><w:t>Before</w:t></w:r></w:p><w:p><w:r><w:drawing>' +
    '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture 1" descr="the chart"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>' +
    '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdImg"/>' +
    '</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p><w:p><w:r><w:t>After</w:t></w:r></w:p>'
  const entries = minimalDocxEntries(documentXml(body))
  const types = entries[0]!
  const typesXml = inflated(types.data).replace('</Types>', `<Default Extension="${extension}" ContentType="${contentType}"/></Types>`)
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${name}"/></Relationships>`
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(typesXml) },
    ...entries.slice(1),
    { name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) },
    { name: `word/media/${name}`, data: bytes }
  ])
}

const inflated = (bytes: Uint8Array) => inflateRawSync(bytes).toString('utf8')

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

describe('DOCX images are typed from their bytes', () => {
  let tmp = ''
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'docmend-images-'))
  })
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true })
  })

  it('never writes or embeds a part declared text/html: it is left out, with a warning, and its alt text stays', async () => {
    const html = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>')
    await writeFile(join(tmp, 'html.docx'), docxWithImage('image1.html', html, 'text/html'))
    const run = await runMeasured(['convert', join(tmp, 'html.docx'), '--to', 'html,md', '--out-dir', join(tmp, 'out'), '--verbose'])
    expect(run.code).toBe(0)
    expect(run.lines.some((l) => /image 1 .*HTML, not an image; it is left out/.test(l))).toBe(true)
    expect(await readdir(join(tmp, 'out'))).toEqual(['html.html', 'html.md'])
    const page = await readFile(join(tmp, 'out', 'html.html'), 'utf8')
    expect(page).not.toMatch(/data:text\/html|\.html"|<script>alert/)
    expect(page).toContain('the chart')
    const embedded = await runMeasured(['convert', join(tmp, 'html.docx'), '--to', 'html', '--embed-images', '-o', join(tmp, 'embedded.html')])
    expect(embedded.code).toBe(0)
    expect(await readFile(join(tmp, 'embedded.html'), 'utf8')).not.toMatch(/data:text\/html|<script>alert/)
  })

  it('names a real PNG by what it is, whatever the part claims to be', async () => {
    await writeFile(join(tmp, 'png.docx'), docxWithImage('image1.html', PNG_1PX, 'text/html'))
    const run = await runMeasured(['convert', join(tmp, 'png.docx'), '--to', 'html', '--out-dir', join(tmp, 'png')])
    expect(run.code).toBe(0)
    expect(await readdir(join(tmp, 'png', 'png_media'))).toEqual(['image1.png'])
    const embedded = await runMeasured(['convert', join(tmp, 'png.docx'), '--to', 'html', '--embed-images', '-o', join(tmp, 'png.html')])
    expect(embedded.code).toBe(0)
    expect(await readFile(join(tmp, 'png.html'), 'utf8')).toContain('src="data:image/png;base64,')
  })

  it('writes an EMF picture as a file but never inlines it; refuses an SVG (it can carry script)', async () => {
    const emf = Buffer.alloc(88)
    emf.writeUInt32LE(1, 0)
    emf.write(' EMF', 40, 'latin1')
    await writeFile(join(tmp, 'emf.docx'), docxWithImage('image1.emf', emf, 'image/x-emf'))
    const run = await runMeasured(['convert', join(tmp, 'emf.docx'), '--to', 'html', '--out-dir', join(tmp, 'emf')])
    expect(run.code).toBe(0)
    expect(await readdir(join(tmp, 'emf', 'emf_media'))).toEqual(['image1.emf'])
    const embedded = await runMeasured(['convert', join(tmp, 'emf.docx'), '--to', 'html', '--embed-images', '-o', join(tmp, 'emf.html')])
    const embeddedHtml = await readFile(join(tmp, 'emf.html'), 'utf8')
    expect(embeddedHtml).not.toContain('data:image')
    // The page still links the EMF, so that file is written beside it.
    const linked = /<img[^>]* src="([^"]+\.emf)"/.exec(embeddedHtml)?.[1]
    expect(linked).toBeDefined()
    expect((await readFile(join(tmp, decodeURI(linked!)))).equals(emf)).toBe(true)

    // On stdout nothing is written beside the page: the EMF cannot be linked, so it is left out with a warning, its description kept.
    const cwd = await mkdtemp(join(tmpdir(), 'docmend-emf-stdout-'))
    for (const to of ['html', 'md']) {
      const piped = await runCli(['convert', join(tmp, 'emf.docx'), '--to', to], { cwd })
      expect(piped.code).toBe(0)
      const page = piped.stdout.toString('utf8')
      expect(page).not.toMatch(/\.emf/)
      expect(page).toContain('the chart')
      expect(page).toMatch(/Before[\s\S]*After/)
      expect(piped.stderr.split('\n').filter(Boolean)).toEqual([
        `docmend: ${join(tmp, 'emf.docx')}: warning: image media/image1.emf (EMF) cannot be shown inline and no file is written beside stdout; left out (convert to a file to keep it)`
      ])
      expect(await readdir(cwd)).toEqual([])
    }
    await rm(cwd, { recursive: true, force: true })

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')
    await writeFile(join(tmp, 'svg.docx'), docxWithImage('image1.svg', svg, 'image/svg+xml'))
    const svgRun = await runMeasured(['convert', join(tmp, 'svg.docx'), '--to', 'html', '--out-dir', join(tmp, 'svg'), '--verbose'])
    expect(svgRun.code).toBe(0)
    expect(svgRun.lines.some((l) => /image 1 .*SVG/.test(l))).toBe(true)
    expect(await readdir(join(tmp, 'svg'))).toEqual(['svg.html'])
  })
})
