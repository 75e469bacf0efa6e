/**
 * Find the cell boxes of ruled tables in a page image: pixels on long
 * straight dark runs are ruling lines; the regions they enclose (flood fill
 * of everything else, text included) inside the tables' outlines are cells.
 */
import { PNG } from 'pngjs'

export interface Region {
  x0: number
  y0: number
  x1: number
  y1: number
  /** Pixels in the region. */
  area: number
}

export interface PageAnalysis {
  width: number
  height: number
  /** Bounding box of all ruling pixels. */
  rulings: Region | null
  cells: Region[]
}

export function analyseTablePage(png: Buffer, options: { minRun?: number; dark?: number } = {}): PageAnalysis {
  const minRun = options.minRun ?? 14
  const dark = options.dark ?? 190
  const { width, height, data } = PNG.sync.read(png)
  const isDark = new Uint8Array(width * height)
  for (let i = 0; i < width * height; i++) {
    const lum = 0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]
    isDark[i] = lum < dark ? 1 : 0
  }
  const ruling = new Uint8Array(width * height)
  // Rows, then columns: mark every dark run at least `minRun` long.
  markLongRuns(isDark, ruling, height, width, (line, k) => line * width + k, minRun)
  markLongRuns(isDark, ruling, width, height, (line, k) => k * width + line, minRun)
  let rulings: Region | null = null
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ruling[y * width + x]) continue
      if (!rulings) rulings = { x0: x, y0: y, x1: x, y1: y, area: 0 }
      rulings.x0 = Math.min(rulings.x0, x)
      rulings.x1 = Math.max(rulings.x1, x)
      rulings.y0 = Math.min(rulings.y0, y)
      rulings.y1 = Math.max(rulings.y1, y)
      rulings.area++
    }
  }
  // Flood-fill non-ruling pixels; regions touching the image edge are outside every table.
  const seen = new Uint8Array(width * height)
  const cells: Region[] = []
  const stack: number[] = []
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || ruling[start]) continue
    let region: Region = { x0: width, y0: height, x1: -1, y1: -1, area: 0 }
    let outside = false
    stack.push(start)
    seen[start] = 1
    while (stack.length > 0) {
      const p = stack.pop()!
      const x = p % width
      const y = (p - x) / width
      region.area++
      if (x < region.x0) region.x0 = x
      if (x > region.x1) region.x1 = x
      if (y < region.y0) region.y0 = y
      if (y > region.y1) region.y1 = y
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) outside = true
      const next = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1]
      for (const q of next) {
        if (q >= 0 && !seen[q] && !ruling[q]) {
          seen[q] = 1
          stack.push(q)
        }
      }
    }
    if (!outside && region.area >= 12) cells.push(region)
    region = { x0: 0, y0: 0, x1: 0, y1: 0, area: 0 }
  }
  return { width, height, rulings, cells }
}

function markLongRuns(dark: Uint8Array, out: Uint8Array, lines: number, length: number, at: (line: number, k: number) => number, minRun: number): void {
  for (let line = 0; line < lines; line++) {
    let k = 0
    while (k < length) {
      if (!dark[at(line, k)]) {
        k++
        continue
      }
      let end = k
      while (end < length && dark[at(line, end)]) end++
      if (end - k >= minRun) for (let j = k; j < end; j++) out[at(line, j)] = 1
      k = end
    }
  }
}

/** Do two boxes share any pixel? */
export function overlaps(a: Region, b: Region): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1
}
