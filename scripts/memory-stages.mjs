// Peak memory of one stage, for finding where a conversion's peak comes from:
//   /usr/bin/time -f %M node scripts/memory-stages.mjs FILE none|txt|md|html|json
// reads FILE with readDocument, then (unless `none`) writes one format.
import { readFileSync } from 'node:fs'
import { readDocument, writeDocument } from '../dist/index.js'

const [file, format = 'none'] = process.argv.slice(2)
const { doc } = await readDocument(readFileSync(file))
if (format !== 'none') await writeDocument(doc, format)
