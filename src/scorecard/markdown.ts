// scorecard.md: the series of reports as tables, one column per report.
import { escapeCell } from '../report/summary.js'
import { definitions, flagLines, metricRows, scopeLine } from './cells.js'
import type { Scorecard } from './model.js'
import { incidentListTable, incidentMonthTable, type WordTable } from './tables.js'

export function renderScorecardMarkdown(card: Scorecard): string {
  const header = ['Metric', ...card.columns.map((c) => c.label)]
  const metrics = markdownTable(header, [
    ...metricRows(card).map((row) => [row.strong ? `**${row.label}**` : row.label, ...row.cells]),
    ...card.versions.map((row) => [row.label, ...row.cells])
  ])
  const sections = [
    '# evalgate scorecard',
    scopeLine(card),
    metrics,
    marginFlags(card),
    failureModes(card),
    incidents(card),
    '### Reports\n\n' + card.columns.map((c) => `- ${escapeCell(c.label)}: ${escapeCell(c.file)}`).join('\n'),
    '### How the numbers are computed\n\n' +
      definitions(card)
        .map((line) => `- ${line}`)
        .join('\n')
  ]
  return sections.filter((s) => s !== '').join('\n\n') + '\n'
}

function marginFlags(card: Scorecard): string {
  const lines = flagLines(card)
  return lines.length > 0 ? `### Margin flags\n\n${lines.map((l) => `- ${escapeCell(l)}`).join('\n')}` : ''
}

function failureModes(card: Scorecard): string {
  if (card.failure_modes.length === 0) return '### Failure modes over time\n\nNo task failed in any report.'
  const table = markdownTable(
    ['Failure mode', ...card.columns.map((c) => c.label)],
    card.failure_modes.map((row) => [row.label, ...row.counts.map(String)])
  )
  return `### Failure modes over time\n\nTasks per cause in each report, the most frequent over the series first.\n\n${table}`
}

/** Empty when no report records incidents. */
function incidents(card: Scorecard): string {
  if (card.incidents.length === 0) return ''
  return [
    '### Incidents',
    'Per month of their date:',
    wordTable(incidentMonthTable(card)),
    'Each incident, newest first, and whether its tasks pass in the latest report that records it:',
    wordTable(incidentListTable(card))
  ].join('\n\n')
}

export function wordTable(table: WordTable): string {
  return markdownTable(table.header, table.rows)
}

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}
