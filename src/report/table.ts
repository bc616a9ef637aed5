import type { Report } from '../model/types.js'
import { headline, tierColumns } from './cells.js'
import { largest } from '../util/append.js'

/** The per-tier table for the terminal, aligned with spaces, then the decision and its reasons. */
export function renderTierTable(report: Report): string {
  const { header, rows } = tierColumns(report)
  const widths = header.map((h, i) =>
    largest(
      rows.map((r) => r[i].length),
      h.length
    )
  )
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
  return [...table, '', headline(report), ...report.reasons.map((r) => `  - ${r}`)].join('\n')
}
