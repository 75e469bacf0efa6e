import { describe, expect, it } from 'vitest'
import { xmlShape } from '../src/ingest/docx/xml-depth.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('one scan of an XML part for its depth and its elements', () => {
  it('counts the elements a part opens, not closing tags, comments, declarations or markup inside quotes', () => {
    const xml = '<?xml version="1.0"?><!-- <x> --><w:document a="<b>"><w:body><w:p/><w:p><w:t>1 &lt; 2</w:t></w:p></w:body></w:document>'
    expect(xmlShape(bytes(xml))).toEqual({ tooDeep: false, elements: 5 })
  })

  it('finds a part that nests deeper than the limit', () => {
    expect(xmlShape(bytes('<a>'.repeat(300) + '</a>'.repeat(300))).tooDeep).toBe(true)
    expect(xmlShape(bytes('<a>'.repeat(200) + '</a>'.repeat(200)))).toEqual({ tooDeep: false, elements: 200 })
  })

  it('still counts the elements after a quote or comment that never ends', () => {
    const paragraphs = '<w:p><w:t>x</w:t></w:p>'.repeat(1000)
    expect(xmlShape(bytes(`<w:document a="${paragraphs}`)).elements).toBeGreaterThanOrEqual(2000)
    expect(xmlShape(bytes(`<w:document><!-- ${paragraphs}`)).elements).toBeGreaterThanOrEqual(2000)
  })
})
