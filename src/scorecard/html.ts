// scorecard.html: the same tables as scorecard.md and a chart of the success rates, in one
// self-contained page (inline style and SVG, no script, nothing fetched from the network).
import { chartSeries, successRateChart } from './chart.js'
import { DEFINITIONS, metricRows, scopeLine } from './cells.js'
import { escapeHtml } from './escape.js'
import type { Scorecard, ScorecardColumn } from './model.js'

const BAD_DECISIONS = new Set(['fail', 'error'])

const STYLE = `
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
.scope, .note { color: #4b5563; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #e5e7eb; padding: 0.3rem 0.6rem; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f9fafb; }
.commit { font: 12px ui-monospace, monospace; font-weight: normal; color: #4b5563; }
tr.strong td { font-weight: 600; }
td.fail, td.error { color: #b91c1c; }
svg text { font-size: 11px; fill: #4b5563; }
svg .grid { stroke: #e5e7eb; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.25rem 0 0; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 0.9rem; height: 0.25rem; margin-right: 0.35rem; vertical-align: middle; }
`

export function renderScorecardHtml(card: Scorecard): string {
  const head = `<tr><th>Metric</th>${card.columns.map(columnHeader).join('')}</tr>`
  const body = metricRows(card).map((row) => {
    const cells = row.cells
      .map((cell) => `<td${BAD_DECISIONS.has(cell) ? ` class="${cell}"` : ''}>${escapeHtml(cell)}</td>`)
      .join('')
    return `<tr${row.strong ? ' class="strong"' : ''}><td>${escapeHtml(row.label)}</td>${cells}</tr>`
  })
  const legend = chartSeries(card)
    .map((s) => `<li><span class="swatch" style="background:${s.color}"></span>${escapeHtml(s.label)}</li>`)
    .join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>evalgate scorecard</title>
<style>${STYLE}</style>
</head>
<body>
<h1>evalgate scorecard</h1>
<p class="scope">${escapeHtml(scopeLine(card))}</p>
<h2>Success rate over time</h2>
${successRateChart(card)}
<ul class="legend">${legend}</ul>
<div class="table-wrap"><table>
<thead>${head}</thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>
${failureModes(card)}
<h2>Reports</h2>
<ul>${card.columns.map((c) => `<li>${escapeHtml(c.label)}: <code>${escapeHtml(c.file)}</code></li>`).join('')}</ul>
<h2>How the numbers are computed</h2>
<ul class="note">${DEFINITIONS.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
</body>
</html>
`
}

/** The date, and the short commit under it, to keep the columns narrow. */
function columnHeader(column: ScorecardColumn): string {
  const date = escapeHtml(column.created_at.slice(0, 10))
  const commit = column.commit ? `<br><span class="commit">${escapeHtml(column.commit.slice(0, 7))}</span>` : ''
  return `<th title="${escapeHtml(column.file)}">${date}${commit}</th>`
}

function failureModes(card: Scorecard): string {
  if (card.failure_modes.length === 0) return '<h2>Failure modes over time</h2>\n<p>No task failed in any report.</p>'
  const head = `<tr><th>Failure mode</th>${card.columns.map(columnHeader).join('')}</tr>`
  const rows = card.failure_modes.map(
    (row) => `<tr><td>${escapeHtml(row.label)}</td>${row.counts.map((n) => `<td>${n}</td>`).join('')}</tr>`
  )
  return `<h2>Failure modes over time</h2>
<p class="note">Tasks per cause in each report, the most frequent over the series first.</p>
<div class="table-wrap"><table>
<thead>${head}</thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
}
