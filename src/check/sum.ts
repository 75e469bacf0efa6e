/**
 * One sum in one place: does the stated total equal its parts, within the
 * rounding tolerance? Pure.
 *
 * Tolerance (`tolerance` undefined = auto): exact for whole amounts; for
 * amounts written with decimals, and for percentages, half a unit of the
 * last written digit for each figure involved, since each was rounded.
 */
import type { SlotValue } from './axes.js'
import type { ReportNumber } from '../tables/cell-type.js'

export interface SignedValue {
  value: SlotValue
  sign: 1 | -1
}

export type SumResult =
  | { kind: 'checked'; held: boolean; stated: ReportNumber; computed: number; tolerance: number; decimals: number; percent: boolean }
  | { kind: 'skipped'; reason: string }

const half = (decimals: number) => 0.5 * 10 ** -decimals

/** Round away float noise (0.1 + 0.2) at the precision the figures were written with. */
function roundTo(value: number, decimals: number): number {
  const f = 10 ** Math.min(decimals + 2, 12)
  return Math.round(value * f) / f
}

/**
 * A stated figure between the smallest and the largest of two or more
 * positive parts: what an average or a rate is, and what no sum of them can
 * be (it exceeds each).
 */
export function liesBetweenParts(stated: SlotValue, parts: SignedValue[]): boolean {
  if (stated.kind !== 'number') return false
  const values = parts.flatMap((p) => (p.value.kind === 'number' && !p.value.number.dash ? [p.value.number.value] : []))
  if (values.filter((v) => v > 0).length < 2 || values.some((v) => v < 0)) return false
  return stated.number.value >= Math.min(...values) && stated.number.value <= Math.max(...values)
}

export function checkSum(stated: SlotValue, parts: SignedValue[], options: { tolerance?: number | undefined; percentPlace?: boolean } = {}): SumResult {
  if (stated.kind !== 'number') return { kind: 'skipped', reason: stated.kind === 'covered' ? 'the total is a merged cell' : 'no total written' }
  const numbers: ReportNumber[] = []
  for (const part of parts) {
    if (part.value.kind === 'covered') return { kind: 'skipped', reason: 'a part is a merged cell' }
    if (part.value.kind === 'text') return { kind: 'skipped', reason: 'a part holds text' }
    if (part.value.kind === 'number') numbers.push(part.value.number)
  }
  if (numbers.length === 0) return { kind: 'skipped', reason: 'no parts written' }
  const written = [stated.number, ...numbers].filter((n) => !n.dash)
  const percent = options.percentPlace === true || written.some((n) => n.percent)
  if (percent) {
    // Shares of a whole add up to 100%; rates and changes do not add up at all.
    if (written.some((n) => !n.percent) && written.some((n) => n.percent)) return { kind: 'skipped', reason: 'percentages mixed with amounts' }
    if (Math.abs(stated.number.value - 100) > 0.5 * numbers.length + 0.5) return { kind: 'skipped', reason: 'percentages that are not shares of 100%' }
  }
  const decimals = Math.max(0, ...written.map((n) => n.decimals))
  let computed = 0
  parts.forEach((part) => {
    if (part.value.kind !== 'number') return
    const value = part.value.number.value
    // "Less: depreciation (2,500)" is already negative: the sign is said twice, not meant twice.
    computed += part.sign < 0 && value < 0 ? value : part.sign * value
  })
  computed = roundTo(computed, decimals)
  const tolerance =
    options.tolerance ?? (percent || decimals > 0 ? roundTo(written.reduce((t, n) => t + half(n.decimals), 0), decimals + 1) : 0)
  const slack = 1e-9 * Math.max(1, Math.abs(stated.number.value), Math.abs(computed))
  const held = Math.abs(stated.number.value - computed) <= tolerance + slack
  return { kind: 'checked', held, stated: stated.number, computed, tolerance, decimals, percent }
}
