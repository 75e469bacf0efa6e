import { it } from 'vitest'
import { LAYOUTS } from '../support/manglers.js'
import { generateTable } from '../support/table-generator.js'
import { scoreRepair } from '../support/repair-score.js'
it('invariant failures', () => {
  for (const layout of LAYOUTS) for (let s = 1; s <= 80; s++) {
    const sc = scoreRepair(generateTable(s), layout, s)
    const a = sc.expectedTexts, b = sc.gotTexts
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    let i = 0; while (i < a.length && a[i] === b[i]) i++
    console.log(`${layout} seed ${s}: at ${i} expected ${JSON.stringify(a.slice(i, i + 3))} got ${JSON.stringify(b.slice(i, i + 3))} (len ${a.length} vs ${b.length})`)
  }
})
