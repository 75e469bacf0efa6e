import { describe, expect, it } from 'vitest'
import { xmlShape } from '../src/ingest/docx/xml-depth.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('the depth and element count of an XML part, found without parsing it', () => {
  it('counts every element a parser could open, closing tags and declarations aside', () => {
    const xml = '<?xml version="1.0"?><!-- <x> --><w:document a="1"><w:body><w:p/><w:p><w:t>1 &lt; 2</w:t></w:p></w:body></w:document>'
    // The commented-out <x> counts too: the count is an upper bound.
    expect(xmlShape(bytes(xml))).toEqual({ tooDeep: false, elements: 6 })
  })

  it('finds a part that nests deeper than the limit, and not one whose nesting sits in a comment, CDATA or an attribute', () => {
    expect(xmlShape(bytes('<a>'.repeat(300) + '</a>'.repeat(300))).tooDeep).toBe(true)
    expect(xmlShape(bytes('<a>'.repeat(200) + '</a>'.repeat(200)))).toEqual({ tooDeep: false, elements: 200 })
    const deepText = '<b>'.repeat(300)
    expect(xmlShape(bytes(`<a><!--${deepText}--><![CDATA[${deepText}]]><c d=">${'&gt;'.repeat(300)}"/></a>`)).tooDeep).toBe(false)
  })

  // xmldom gives up on a malformed construct and reads the elements after it:
  // none of them may hide elements from the count or the depth (found in review).
  const tricks = {
    'a comment that is not one': (inner: string) => `<w:document><!-x>${inner}-->`,
    'a CDATA section that is not one': (inner: string) => `<w:document><![x[${inner}]]>`,
    'a stray quote in a tag': (inner: string) => `<w:document><w:p "x>${inner}">`,
    'a comment that never ends': (inner: string) => `<w:document><!--${inner}`
  }
  for (const [name, wrap] of Object.entries(tricks)) {
    it(`sees the elements behind ${name}`, () => {
      expect(xmlShape(bytes(wrap('<w:p/>'.repeat(10_000)))).elements).toBeGreaterThanOrEqual(10_000)
      expect(xmlShape(bytes(wrap('<w:p>'.repeat(300)))).tooDeep).toBe(true)
    })
  }
})
