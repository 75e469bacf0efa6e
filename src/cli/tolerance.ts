/** `--tolerance` for `convert --check` and `check`. */
import { UsageError } from '../errors.js'

/** `auto` (undefined) or a non-negative amount; throws UsageError (exit 2). */
export function parseTolerance(value: string): number | undefined {
  if (value.trim().toLowerCase() === 'auto') return undefined
  const amount = Number(value)
  if (value.trim() === '' || !Number.isFinite(amount) || amount < 0) throw new UsageError(`--tolerance wants 'auto' or an amount ≥ 0, not '${value}'`)
  return amount
}
