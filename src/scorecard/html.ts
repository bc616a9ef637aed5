// scorecard.html: the same tables as scorecard.md and a chart of the success rates, in one
// self-contained page (inline style and SVG, no script, nothing fetched from the network),
// built like report.html: its page shell, stylesheet and markup builder.
import { documentEnd, documentStart, MAIN_END, pageStyle } from '../html/document.js'
import { h, render, type Child, type Html } from '../html/escape.js'
import { chartSeries, successRateChart } from './chart.js'
import { definitions, flagLines, metricRows, scopeLine, type MetricRow } from './cells.js'
import type { Scorecard, ScorecardColumn } from './model.js'
import { incidentListTable, incidentMonthTable, type WordTable } from './tables.js'

const BAD_DECISIONS = new Set(['fail', 'error'])

// The legend's swatches take their series' colour from a style attribute.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'"

const SCORECARD_RULES = `
.scope { color: var(--muted); }
.table-wrap { overflow-x: auto; }
.series { width: auto; }
.series th, .series td { text-align: right; white-space: nowrap; }
.series th:first-child, .series td:first-child { text-align: left; }
.series .commit { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.series tr.strong td { font-weight: 600; }
.series td.fail, .series td.error { color: var(--fail); }
ul.legend { list-style: none; margin: 4px 0 0; padding: 0; }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
`

export function renderScorecardHtml(card: Scorecard): string {
  const rows: MetricRow[] = [...metricRows(card), ...card.versions]
  const metrics = rows.map((row) =>
    h(
      'tr',
      { class: row.strong ? 'strong' : null },
      h('td', null, row.label),
      row.cells.map((cell, i) =>
        h('td', { class: row.flagged?.[i] ? 'fail flagged' : BAD_DECISIONS.has(cell) ? cell : null }, cell)
      )
    )
  )
  const legend = chartSeries(card).map((s) =>
    h('li', null, h('span', { class: 'swatch', style: `background:${s.color}` }), s.label)
  )
  const main: Child[] = [
    h('h1', null, 'evalgate scorecard'),
    h('p', { class: 'scope' }, scopeLine(card)),
    h('h2', null, 'Success rate over time'),
    h('figure', { class: 'chart' }, successRateChart(card), h('ul', { class: 'legend' }, legend)),
    table(card, 'Metric', metrics),
    marginFlags(card),
    failureModes(card),
    incidents(card),
    h('h2', null, 'Reports'),
    h(
      'ul',
      null,
      card.columns.map((c) => h('li', null, `${c.label}: `, h('code', null, c.file)))
    ),
    h('h2', null, 'How the numbers are computed'),
    h(
      'ul',
      { class: 'note' },
      definitions(card).map((line) => h('li', null, line))
    )
  ]
  return scorecardDocument('evalgate scorecard', main)
}

/** A self-contained page of the scorecard's style: scorecard.html and monthly-review.html. */
export function scorecardDocument(title: string, main: Child[]): string {
  const shell = { doctype: '<!doctype html>', title, policy: POLICY, style: pageStyle(SCORECARD_RULES) } as const
  return documentStart(shell) + render(main) + MAIN_END + documentEnd()
}

/** A table of words (src/scorecard/tables.ts). */
export function wordTableHtml(table: WordTable): Html {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'grid-table series' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          table.header.map((cell) => h('th', null, cell))
        )
      ),
      h(
        'tbody',
        null,
        table.rows.map((row) =>
          h(
            'tr',
            null,
            row.map((cell) => h('td', null, cell))
          )
        )
      )
    )
  )
}

/** Nothing when no report records incidents. */
function incidents(card: Scorecard): Child[] {
  if (card.incidents.length === 0) return []
  return [
    h('h2', null, 'Incidents'),
    h('p', { class: 'note' }, 'Per month of their date:'),
    wordTableHtml(incidentMonthTable(card)),
    h(
      'p',
      { class: 'note' },
      'Each incident, newest first, and whether its tasks pass in the latest report that records it:'
    ),
    wordTableHtml(incidentListTable(card))
  ]
}

/** A table with a column per report: the row label's heading, then the reports. */
function table(card: Scorecard, first: string, rows: Html[]): Html {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'grid-table series' },
      h('thead', null, h('tr', null, h('th', null, first), card.columns.map(columnHeader))),
      h('tbody', null, rows)
    )
  )
}

/** The date, and the short commit under it, to keep the columns narrow. */
function columnHeader(column: ScorecardColumn): Html {
  return h(
    'th',
    { title: column.file },
    column.created_at.slice(0, 10),
    column.commit && [h('br', null), h('span', { class: 'commit' }, column.commit.slice(0, 7))]
  )
}

function marginFlags(card: Scorecard): Child[] {
  const lines = flagLines(card)
  if (lines.length === 0) return []
  return [
    h('h2', null, 'Margin flags'),
    h(
      'ul',
      { id: 'margin-flags' },
      lines.map((line) => h('li', null, line))
    )
  ]
}

function failureModes(card: Scorecard): Child[] {
  const heading = h('h2', null, 'Failure modes over time')
  if (card.failure_modes.length === 0) return [heading, h('p', null, 'No task failed in any report.')]
  const rows = card.failure_modes.map((row) =>
    h(
      'tr',
      null,
      h('td', null, row.label),
      row.counts.map((n) => h('td', null, n))
    )
  )
  return [
    heading,
    h('p', { class: 'note' }, 'Tasks per cause in each report, the most frequent over the series first.'),
    table(card, 'Failure mode', rows)
  ]
}
