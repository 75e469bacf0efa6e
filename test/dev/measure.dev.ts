import { it } from 'vitest'
import { LAYOUTS } from '../support/manglers.js'
import { generateTable } from '../support/table-generator.js'
import { scoreRepair } from '../support/repair-score.js'
it('measure', () => {
  const N = Number(process.env.N ?? 60)
  for (const layout of LAYOUTS) {
    let t = 0, u = 0, f = 0, inv = 0
    const worst: [number, number][] = []
    for (let s = 1; s <= N; s++) {
      const sc = scoreRepair(generateTable(s), layout, s)
      t += sc.teds; u += sc.underHeaders; f += sc.found ? 1 : 0
      if (JSON.stringify(sc.expectedTexts) === JSON.stringify(sc.gotTexts)) inv++
      worst.push([sc.teds, s])
    }
    worst.sort((a, b) => a[0] - b[0])
    console.log(`${layout.padEnd(11)} TEDS ${(t / N).toFixed(3)}  under-headers ${(u / N).toFixed(3)}  found ${f}/${N}  invariant ${inv}/${N}  worst ${worst.slice(0, 6).map(([x, s]) => `${s}:${x.toFixed(2)}`).join(' ')}`)
  }
})
