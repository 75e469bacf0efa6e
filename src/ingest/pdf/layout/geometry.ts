/** Small numeric helpers for page geometry. */

/** An axis-aligned box in page coordinates (y down). */
export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The most common value after rounding to `step`, weighted. */
export function weightedMode(values: readonly { value: number; weight: number }[], step = 0.5): number {
  const totals = new Map<number, number>()
  for (const { value, weight } of values) {
    const key = Math.round(value / step) * step
    totals.set(key, (totals.get(key) ?? 0) + weight)
  }
  let best = 0
  let bestWeight = -1
  for (const [key, weight] of totals) {
    if (weight > bestWeight || (weight === bestWeight && key < best)) {
      best = key
      bestWeight = weight
    }
  }
  return best
}

/**
 * Sorted values merged where they lie within `tolerance` of the previous
 * one; each cluster is represented by its mean.
 */
export function cluster(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const out: number[] = []
  let sum = 0
  let count = 0
  let last = Number.NEGATIVE_INFINITY
  for (const v of sorted) {
    if (count > 0 && v - last > tolerance) {
      out.push(sum / count)
      sum = 0
      count = 0
    }
    sum += v
    count++
    last = v
  }
  if (count > 0) out.push(sum / count)
  return out
}

/** Length of the overlap of [a1, a2] and [b1, b2] (0 when apart). */
export function overlap(a1: number, a2: number, b1: number, b2: number): number {
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1))
}

/** Index of the value in sorted `values` nearest to `v`, if within `tolerance`. */
export function nearestIndex(values: readonly number[], v: number, tolerance: number): number {
  let best = -1
  let bestDistance = tolerance
  for (let i = 0; i < values.length; i++) {
    const d = Math.abs(values[i] - v)
    if (d <= bestDistance) {
      best = i
      bestDistance = d
    }
  }
  return best
}
