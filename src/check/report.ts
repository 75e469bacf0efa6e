/** The check's result as text for people (`docmend check`). Pure. */
import type { DocumentCheck, DocumentFinding } from './check-document.js'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function toleranceText(tolerance: number | undefined): string {
  return tolerance === undefined ? 'auto: exact for whole numbers, rounding allowed for decimals and percentages' : String(tolerance)
}

/** Parts as `（三）不予公开 › 1.属于国家秘密 0, 2.其他… 0`: a group named once per run of its lines. */
function partsText(parts: DocumentFinding['parts']): string {
  let previousGroup = ''
  return parts
    .map((p) => {
      const cut = p.label.lastIndexOf(' › ')
      const group = cut === -1 ? '' : p.label.slice(0, cut)
      const name = group !== '' && group === previousGroup ? p.label.slice(cut + 3) : p.label
      previousGroup = group
      return `${name} ${p.text || '(blank)'}`
    })
    .join(', ')
}

/** The lines reporting one finding. Rows and columns are 1-based grid positions, head rows included. */
export function formatFinding(f: DocumentFinding): string[] {
  const along = f.sums === 'rows' ? `rows of column ${f.col + 1}` : `columns of row ${f.row + 1}`
  const difference = f.stated - f.computed
  return [
    `table ${f.table} "${f.title}": a total does not add up`,
    `  cell:     row ${f.row + 1}, column ${f.col + 1}: "${f.rowHeader}" × "${f.colHeader}"`,
    `  stated:   ${f.statedText}`,
    `  computed: ${f.computedText} (difference ${difference > 0 ? '+' : ''}${Number(difference.toFixed(10))}, tolerance ${f.tolerance})`,
    `  summed:   ${f.parts.length} ${along}, ${f.basis}:`,
    `            ${partsText(f.parts)}`
  ]
}

/** Everything `docmend check` prints for one input. */
export function formatCheck(name: string, check: DocumentCheck, options: { explain?: boolean } = {}): string {
  const lines: string[] = []
  for (const t of check.tables) {
    if (options.explain) {
      lines.push(`${name}: table ${t.table} "${t.title}": ${plural(t.totals, 'total')}, ${plural(t.sums, 'sum')} checked`)
      for (const note of t.notes) lines.push(`  - ${note}`)
    }
    for (const f of check.findings.filter((x) => x.table === t.table)) {
      lines.push(...formatFinding(f).map((line, i) => (i === 0 ? `${name}: ${line}` : line)))
    }
  }
  const totals = check.tables.reduce((n, t) => n + t.totals, 0)
  const sums = check.tables.reduce((n, t) => n + t.sums, 0)
  const outcome = check.findings.length === 0 ? (sums === 0 ? 'nothing to check' : 'all hold') : `${check.findings.length} ${check.findings.length === 1 ? 'does' : 'do'} not add up`
  lines.push(
    `${name}: ${plural(check.tables.length, 'table')}, ${plural(totals, 'total')}, ${plural(sums, 'sum')} checked: ${outcome} (tolerance ${toleranceText(check.tolerance)})`
  )
  return `${lines.join('\n')}\n`
}
