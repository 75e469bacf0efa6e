/**
 * fast-check run options for the property tests: a fixed seed, so that every
 * run (CI's included) tries the same cases and a failure is reproducible.
 *
 * DOCMEND_FC_SEED overrides it for exploring: an integer runs that seed, and
 * `random` lets fast-check draw one (it prints the seed of any failure, to be
 * replayed with DOCMEND_FC_SEED=<seed>).
 */
export function propertyRuns(numRuns: number, seed: number): { numRuns: number; seed?: number } {
  const chosen = process.env.DOCMEND_FC_SEED?.trim()
  if (!chosen) return { numRuns, seed }
  if (chosen === 'random') return { numRuns }
  const n = Number(chosen)
  if (!Number.isSafeInteger(n)) throw new Error(`DOCMEND_FC_SEED must be an integer or "random", not ${JSON.stringify(chosen)}`)
  return { numRuns, seed: n }
}
