// `evalgate readiness` on the terminal: one row per section of the kit, its status, then what
// evidences it (+) and what is still missing (-), one line each, aligned with spaces.
import { readinessCounts, sectionName } from '../gate/readiness.js'
import type { Readiness } from '../model/types.js'
import { largest } from '../util/append.js'

const HEADER = ['Section', 'Status', 'Evidence (+) and what is missing (-)']

export function renderReadinessTable(readiness: Readiness, workflows: readonly string[]): string {
  const rows = readiness.sections.map((s) => ({
    cells: [sectionName(s), s.status],
    lines: [...s.evidence.map((e) => `+ ${e}`), ...s.missing.map((m) => `- ${m}`)]
  }))
  const widths = [0, 1].map((i) =>
    largest(
      rows.map((r) => r.cells[i].length),
      HEADER[i].length
    )
  )
  const indent = ' '.repeat(widths[0] + widths[1] + 4)
  const row = (cells: string[], first: string) => `${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}  ${first}`
  const table = rows.flatMap(({ cells, lines }) => [
    row(cells, lines[0] ?? ''),
    ...lines.slice(1).map((line) => indent + line)
  ])
  return [
    `evalgate readiness of ${workflows.join(', ')}: ${readinessCounts(readiness)}`,
    '',
    row(HEADER.slice(0, 2), HEADER[2]),
    ...table
  ]
    .map((line) => line.trimEnd())
    .join('\n')
}
