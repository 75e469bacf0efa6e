/**
 * `--skip-existing`, the way make decides: an input needs converting again
 * unless every one of its outputs exists and was written after the input last
 * changed.
 */
import { stat } from 'node:fs/promises'

async function modifiedMs(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return null
  }
}

/** True when `outputs` is not empty and each output is newer than `input` (stdin is never up to date). */
export async function isUpToDate(input: string, outputs: readonly string[]): Promise<boolean> {
  if (input === '-' || outputs.length === 0) return false
  const source = await modifiedMs(input)
  if (source === null) return false
  for (const output of outputs) {
    const written = await modifiedMs(output)
    if (written === null || written <= source) return false
  }
  return true
}
