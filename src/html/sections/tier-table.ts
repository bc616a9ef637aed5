// The numbers behind the chart.
import { formatUsd, percent, points, signedPoints, thresholdPercent, usdLimit } from '../../gate/format.js'
import type { Report, TierSummary } from '../../model/types.js'
import { decisionCell, intervalHeader, severalWorkflows, verdictCell } from '../../gate/labels.js'
import { h, type Html } from '../escape.js'
import { tierChart } from './tier-chart.js'

export interface TierColumn {
  header: string
  cell: (tier: TierSummary) => string
  numeric?: boolean
}

export function tiersSection(report: Report): Html {
  return h(
    'section',
    { id: 'tiers' },
    h('h2', null, 'Tiers'),
    tierChart(report),
    tierTable(report, tierColumns(report))
  )
}

/** The tiers as a table of `columns` (report.html: all of them; the evidence pack: briefTierColumns). */
export function tierTable(report: Report, columns: TierColumn[]): Html {
  return h(
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
}

/** What a reader outside the team needs of each tier: its rate, how sure, its bar, the verdict and the cost of a success. */
export function briefTierColumns(report: Report): TierColumn[] {
  return [...workflowColumn(report), TIER, PASSED, RATE, intervalColumn(report), THRESHOLD, PER_SUCCESS, VERDICT]
}

const TIER: TierColumn = { header: 'Tier', cell: (t) => t.tier }
const PASSED: TierColumn = { header: 'Passed', cell: (t) => `${t.passed}/${t.total}`, numeric: true }
const RATE: TierColumn = { header: 'Success rate', cell: (t) => percent(t.success_rate), numeric: true }
const THRESHOLD: TierColumn = { header: 'Threshold', cell: thresholdCell, numeric: true }
const VERDICT: TierColumn = { header: 'Verdict', cell: verdictCell }
const PER_SUCCESS: TierColumn = {
  header: 'Per success',
  cell: (t) => formatUsd(t.cost_per_success_usd ?? null),
  numeric: true
}

function workflowColumn(report: Report): TierColumn[] {
  return severalWorkflows(report) ? [{ header: 'Workflow', cell: (t) => t.workflow }] : []
}

function intervalColumn(report: Report): TierColumn {
  return { header: intervalHeader(report), cell: (t) => `${percent(t.ci_low)}–${percent(t.ci_high)}`, numeric: true }
}

function tierColumns(report: Report): TierColumn[] {
  const columns: TierColumn[] = [...workflowColumn(report)]
  columns.push(
    TIER,
    PASSED,
    { header: 'Failed', cell: (t) => String(t.failed), numeric: true },
    { header: 'Errored', cell: (t) => String(t.errored), numeric: true },
    { header: 'Not run', cell: (t) => String(t.not_run), numeric: true },
    { header: 'Flaky', cell: (t) => String(t.flaky ?? 0), numeric: true },
    RATE,
    intervalColumn(report),
    { header: 'Interval method', cell: (t) => t.ci_method ?? '—' },
    THRESHOLD,
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
  columns.push({ header: 'Cost', cell: (t) => formatUsd(t.cost_usd), numeric: true }, PER_SUCCESS)
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
  columns.push(VERDICT)
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
