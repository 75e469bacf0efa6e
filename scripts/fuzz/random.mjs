// Seeded randomness for the fuzzer (pure-rand): every case is reproducible
// from the run's seed and the case's index alone.
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/** A generator for case `index` of run `seed`, independent of every other case. */
export function rngFor(seed, index) {
  const rng = xoroshiro128plus((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) | 0)
  for (let i = 0; i < 4; i++) uniformInt(rng, 0, 1) // let nearby seeds drift apart
  return rng
}

/** An integer in [from, to]. */
export const int = (rng, from, to) => uniformInt(rng, from, to)

export const pick = (rng, items) => items[uniformInt(rng, 0, items.length - 1)]

/** Pick from `[weight, value]` pairs. */
export function weighted(rng, entries) {
  const total = entries.reduce((sum, [w]) => sum + w, 0)
  let at = uniformInt(rng, 0, total - 1)
  for (const [w, value] of entries) {
    if (at < w) return value
    at -= w
  }
  return entries.at(-1)[1]
}

export function randomBytes(rng, n) {
  const out = Buffer.alloc(n)
  for (let i = 0; i < n; i++) out[i] = uniformInt(rng, 0, 255)
  return out
}
