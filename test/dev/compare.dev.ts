import { it } from 'vitest'
import { generateTable } from '../support/table-generator.js'
import { scoreRepair } from '../support/repair-score.js'
it('compare layouts per seed', () => {
  const a = process.env.A as any, b = process.env.B as any
  for (let s = 1; s <= 60; s++) {
    const x = scoreRepair(generateTable(s), a, s), y = scoreRepair(generateTable(s), b, s)
    if (Math.abs(x.underHeaders - y.underHeaders) > 1e-9 || Math.abs(x.teds - y.teds) > 1e-9) console.log(`seed ${s}: ${a} teds ${x.teds.toFixed(2)} uh ${x.underHeaders.toFixed(2)} | ${b} teds ${y.teds.toFixed(2)} uh ${y.underHeaders.toFixed(2)}`)
  }
})
