/** JSON writer: the canonical mdast itself, without source positions. */
import type { Doc } from '../ast/types.js'
import type { WriteOptions, WriteResult } from './types.js'

export async function writeJson(doc: Doc, _options: WriteOptions = {}): Promise<WriteResult> {
  const json = JSON.stringify(doc.tree, (key, value) => (key === 'position' ? undefined : value), 2)
  return { data: `${json}\n`, messages: [] }
}
