/**
 * Where each input's outputs go. With `--out-dir`, an input found under a
 * folder or glob argument keeps its place in that tree (`reports/2023/a.docx`
 * → `out/2023/a.html`); plain file arguments go straight into the folder.
 */
import { dirname, join } from 'node:path'
import { extensionFor, safeStem } from '../io/output-names.js'
import type { Format } from '../emit/types.js'
import type { PlannedFile } from '../io/atomic-write.js'
import type { ExpandedInput } from './expand-inputs.js'
import type { TaskResource } from './task.js'

/** stdout, one named file (`-o`), or a folder (`--out-dir`). */
export type OutputTarget = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'dir'; dir: string }

export interface InputOutputs {
  /** Output file per format (none for stdout). */
  files: Partial<Record<Format, string>>
  /** Folder for extracted images. */
  mediaDir: string
  /** Base name used for the files and the media folder. */
  stem: string
}

function resourceExtension(path: string): string {
  const m = /\.[A-Za-z0-9]{1,5}$/.exec(path)
  return m ? m[0].toLowerCase() : ''
}

export function outputsFor(input: ExpandedInput, formats: readonly Format[], target: OutputTarget): InputOutputs {
  const stem = safeStem(input.path)
  const folder = target.kind === 'dir' ? join(target.dir, input.relDir) : target.kind === 'file' ? dirname(target.path) : '.'
  const files: InputOutputs['files'] = {}
  if (target.kind !== 'stdout') {
    for (const format of formats) files[format] = target.kind === 'file' ? target.path : join(folder, `${stem}.${extensionFor(format)}`)
  }
  return { files, mediaDir: join(folder, `${stem}_media`), stem }
}

/** The files to write for one finished conversion. */
export function plannedFiles(
  planned: InputOutputs,
  outputs: Partial<Record<Format, string | Uint8Array>>,
  resources: readonly TaskResource[],
  needsMedia: (resource: TaskResource) => boolean
): PlannedFile[] {
  const files: PlannedFile[] = []
  for (const [format, path] of Object.entries(planned.files) as [Format, string][]) files.push({ path, data: outputs[format]! })
  for (const resource of resources) {
    if (needsMedia(resource)) files.push({ path: join(planned.mediaDir, safeStem(resource.path) + resourceExtension(resource.path)), data: resource.bytes })
  }
  return files
}

/**
 * Inputs whose outputs would land on an earlier input's (`a/x.txt` and
 * `b/x.txt` into one folder): each later one gets a reason, so no output is
 * silently overwritten within a run.
 */
export function findCollisions(inputs: readonly { label: string; outputs: InputOutputs }[]): Map<number, string> {
  const owner = new Map<string, string>()
  const clashes = new Map<number, string>()
  inputs.forEach(({ label, outputs }, index) => {
    const paths = [...Object.values(outputs.files), outputs.mediaDir]
    const taken = paths.find((p) => owner.has(p))
    if (taken !== undefined) {
      clashes.set(index, `its output ${taken} would overwrite that of ${owner.get(taken)}; convert them into different folders`)
      return
    }
    for (const p of paths) owner.set(p, label)
  })
  return clashes
}
