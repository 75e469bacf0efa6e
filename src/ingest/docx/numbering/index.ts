/**
 * Word's own numbering, which mammoth drops: the labels of numbered
 * paragraphs are computed from numbering.xml and styles.xml (labels.ts, pure)
 * and travel through mammoth as marker runs in document.xml (document.ts),
 * to be put back where mammoth left each paragraph (apply.ts).
 */
import { readDefinitions } from './definitions.js'
import { findParagraphs, insertMarkers } from './document.js'
import { type Label, computeLabels } from './labels.js'

export type { Label } from './labels.js'
export { applyLabels, itemLabel } from './apply.js'

export interface MarkedNumbering {
  /** document.xml with a marker run in each numbered paragraph. */
  documentXml: string
  /** Marker `i`'s label. */
  labels: Label[]
}

/** Number the paragraphs of `documentXml`; unchanged when the file has no numbering part. */
export function markNumbering(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): MarkedNumbering {
  if (!numberingXml) return { documentXml, labels: [] }
  // A document that already holds the marker character could have its own text taken for a marker: leave it be.
  if (/\uE000|&#x0*e000;|&#0*57344;/i.test(documentXml)) return { documentXml, labels: [] }
  const defs = readDefinitions(numberingXml, stylesXml)
  if (defs.nums.size === 0) return { documentXml, labels: [] }
  const sites = findParagraphs(documentXml)
  const computed = computeLabels(defs, sites.map((s) => s.numbering))
  const labels: Label[] = []
  const positions: number[] = []
  computed.forEach((label, i) => {
    if (!label) return
    labels.push(label)
    positions.push(sites[i].insertAt)
  })
  return { documentXml: insertMarkers(documentXml, positions), labels }
}
