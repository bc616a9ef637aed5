// The words and number formats both scorecard renderers (markdown and HTML) use.
import { formatUsd, percent, plural } from '../gate/format.js'
import type { Scorecard, ScorecardRow } from './model.js'

export const NOTHING = '—'

export function rateCell(value: number | null): string {
  return value === null ? NOTHING : percent(value)
}

export function usdCell(value: number | null): string {
  return value === null ? NOTHING : formatUsd(value)
}

/** The metric rows of the main table: label, cells, and whether the row is a headline number. */
export function metricRows(card: Scorecard): { label: string; cells: string[]; strong?: boolean }[] {
  const rates = (row: ScorecardRow, strong = false) => ({ label: row.label, cells: row.values.map(rateCell), strong })
  return [
    { label: 'Decision', cells: card.columns.map((c) => c.decision) },
    { label: 'Tasks', cells: card.columns.map((c) => String(c.tasks)) },
    rates(card.success_rate, true),
    ...card.tiers.map((row) => rates({ ...row, label: `${row.label} success rate` })),
    rates(card.escalation_rate),
    rates(card.containment_rate, true),
    rates(card.error_rate),
    { label: card.cost_per_success_usd.label, cells: card.cost_per_success_usd.values.map(usdCell), strong: true }
  ]
}

/** One line saying what the scorecard covers. */
export function scopeLine(card: Scorecard): string {
  const dates = card.columns.map((c) => c.created_at.slice(0, 10))
  const span = dates.length > 1 ? `, ${dates[0]} to ${dates[dates.length - 1]}` : `, ${dates[0]}`
  const workflows = card.workflows.length > 0 ? `${card.workflows.join(', ')}: ` : ''
  return `${workflows}${plural(card.columns.length, 'report')}${span}, oldest first (ordered by created_at).`
}

export const DEFINITIONS = [
  "Success rate: the mean over the tasks of each task's pass rate across its attempts, as the gate counts it (one attempt each: the share of the tasks that passed; errored attempts and not-run tasks count as not passed).",
  'Escalation rate: share of the tasks that ran whose answer escalated (`escalated: true`); containment rate = 1 − escalation rate.',
  'Error rate: share of the attempts that ran that errored (agent unreachable, timeouts, judge errors).',
  'Cost per successful task: the run’s model cost divided by the tasks that passed; — when no task passed or no model had a price.',
  'Failure modes: tasks that did not pass, counted once under each of their causes.'
]
