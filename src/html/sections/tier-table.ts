// The numbers behind the chart.
import { formatUsd, percent, points, signedPoints, thresholdPercent, usdLimit } from '../../gate/format.js'
import type { Report, TierSummary } from '../../model/types.js'
import { decisionCell, intervalHeader, severalWorkflows, verdictCell } from '../../gate/labels.js'
import { h, type Html } from '../escape.js'
import { tierChart } from './tier-chart.js'

interface Column {
  header: string
  cell: (tier: TierSummary) => string
  numeric?: boolean
}

export function tiersSection(report: Report): Html {
  const columns = tierColumns(report)
  return h(
    'section',
    { id: 'tiers' },
    h('h2', null, 'Tiers'),
    tierChart(report),
    h(
      'table',
      { id: 'tier-table', class: 'grid-table' },
      h('thead', null, h('tr', null, ...columns.map((c) => h('th', { class: c.numeric ? 'num' : null }, c.header)))),
      h(
        'tbody',
        null,
        ...report.tiers.map((tier) =>
          h(
            'tr',
            { class: `verdict-${verdictCell(tier).replace(' ', '-')}` },
            ...columns.map((c) => h('td', { class: c.numeric ? 'num' : null }, c.cell(tier)))
          )
        )
      )
    )
  )
}

function tierColumns(report: Report): Column[] {
  const columns: Column[] = []
  if (severalWorkflows(report)) columns.push({ header: 'Workflow', cell: (t) => t.workflow })
  columns.push(
    { header: 'Tier', cell: (t) => t.tier },
    { header: 'Passed', cell: (t) => `${t.passed}/${t.total}`, numeric: true },
    { header: 'Failed', cell: (t) => String(t.failed), numeric: true },
    { header: 'Errored', cell: (t) => String(t.errored), numeric: true },
    { header: 'Not run', cell: (t) => String(t.not_run), numeric: true },
    { header: 'Flaky', cell: (t) => String(t.flaky ?? 0), numeric: true },
    { header: 'Success rate', cell: (t) => percent(t.success_rate), numeric: true },
    { header: `${intervalHeader(report)}`, cell: (t) => `${percent(t.ci_low)}–${percent(t.ci_high)}`, numeric: true },
    { header: 'Interval method', cell: (t) => t.ci_method ?? '—' },
    { header: 'Threshold', cell: thresholdCell, numeric: true },
    { header: 'Attempts', cell: attemptsText, numeric: true },
    { header: 'Decision', cell: decisionText }
  )
  if (report.attempts.total > report.tasks.length) {
    columns.push(
      { header: 'Attempts passed', cell: (t) => percent(t.attempt_success_rate), numeric: true },
      { header: 'pass^k', cell: passKText, numeric: true }
    )
  }
  if (report.baseline) {
    columns.push(
      { header: 'Baseline', cell: (t) => (t.baseline_rate == null ? '—' : percent(t.baseline_rate)), numeric: true },
      { header: 'Change (points)', cell: changeCell, numeric: true },
      { header: 'Max drop', cell: (t) => (t.max_drop == null ? '—' : points(t.max_drop)), numeric: true }
    )
  }
  columns.push(
    { header: 'Cost', cell: (t) => formatUsd(t.cost_usd), numeric: true },
    { header: 'Per success', cell: (t) => formatUsd(t.cost_per_success_usd ?? null), numeric: true }
  )
  if (report.tiers.some((t) => t.cost_per_passed_attempt_usd !== undefined))
    columns.push({
      header: 'Per passed attempt',
      cell: (t) => (t.cost_per_passed_attempt_usd === undefined ? '—' : formatUsd(t.cost_per_passed_attempt_usd)),
      numeric: true
    })
  if (report.tiers.some((t) => t.cost_limit))
    columns.push({
      header: 'Max per success',
      cell: (t) => (t.cost_limit ? usdLimit(t.cost_limit.max_usd) : '—'),
      numeric: true
    })
  if (report.tiers.some((t) => t.gross_margin !== undefined))
    columns.push({
      header: 'Gross margin',
      cell: (t) => (t.gross_margin == null ? '—' : percent(t.gross_margin)),
      numeric: true
    })
  columns.push({ header: 'Verdict', cell: verdictCell })
  return columns
}

function attemptsText(t: TierSummary): string {
  const a = t.attempts
  if (!a) return '—'
  return a.min === a.max
    ? `${a.total} (${a.max} per task)`
    : `${a.total} (${a.min}–${a.max}, mean ${a.per_task.toFixed(1)})`
}

function decisionText(t: TierSummary): string {
  const d = t.decision
  if (!d) return decisionCell(t)
  const bounds = `bounds ${percent(d.low)}–${percent(d.high)} vs ${thresholdPercent(t.threshold! - d.margin)}–${thresholdPercent(t.threshold! + d.margin)}`
  return d.note ? `${d.note} (by the estimate)` : `${decisionCell(t)}: ${bounds}`
}

function passKText(t: TierSummary): string {
  if (!t.pass_k) return '—'
  const required = t.pass_k.required
    ? ` (min ${thresholdPercent(t.pass_k.required.min)} at k=${t.pass_k.required.k})`
    : ''
  return `pass^${t.pass_k.k} ${percent(t.pass_k.rate)}${required}`
}

function thresholdCell(t: TierSummary): string {
  if (t.threshold === null) return '—'
  return `≥ ${thresholdPercent(t.threshold)}${t.min_tasks !== null ? `, min ${t.min_tasks} tasks` : ''}`
}

function changeCell(t: TierSummary): string {
  return t.baseline_rate == null ? '—' : signedPoints(t.success_rate - t.baseline_rate)
}
