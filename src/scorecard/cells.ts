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

export interface MetricRow {
  label: string
  cells: string[]
  /** A headline number. */
  strong?: boolean
  /** Per cell: a margin flag (see `card.economics.flags`). */
  flagged?: boolean[]
}

/** The mark of a flagged cell. */
export const FLAG = '⚠'

/** The metric rows of the main table. */
export function metricRows(card: Scorecard): MetricRow[] {
  const rates = (row: ScorecardRow, strong = false) => ({ label: row.label, cells: row.values.map(rateCell), strong })
  return [
    { label: 'Decision', cells: card.columns.map((c) => c.decision) },
    { label: 'Tasks', cells: card.columns.map((c) => String(c.tasks)) },
    rates(card.success_rate, true),
    ...card.tiers.map((row) => rates({ ...row, label: `${row.label} success rate` })),
    rates(card.escalation_rate),
    rates(card.containment_rate, true),
    rates(card.error_rate),
    { label: card.cost_per_success_usd.label, cells: card.cost_per_success_usd.values.map(usdCell), strong: true },
    ...card.economics.costs.map((row) => ({ label: row.label, cells: row.values.map(usdCell) })),
    ...card.economics.margins.map((row) => {
      const flagged = row.values.map((_, column) =>
        card.economics.flags.some((f) => f.workflow === row.workflow && f.column === column)
      )
      const cells = row.values.map((value, i) => (flagged[i] ? `${rateCell(value)} ${FLAG}` : rateCell(value)))
      return { label: row.label, cells, strong: true, flagged }
    })
  ]
}

/** `2025-01-13 · bbbbbbb: Gross margin: 62.0%, under the target 70%`, oldest first. */
export function flagLines(card: Scorecard): string[] {
  return card.economics.flags.map((f) => `${card.columns[f.column].label}: ${f.text}`)
}

/** What the margin rows mean, where the scorecard has them. */
export function definitions(card: Scorecard): string[] {
  if (card.economics.margins.length === 0) return DEFINITIONS
  const [last] = DEFINITIONS.slice(-1)
  return [
    ...DEFINITIONS.slice(0, -1),
    'Cost per passed attempt (reports with a cost limit or economics): the model cost, cached responses at their price, over the attempts that passed — what budgets.max_cost_per_success_usd and economics judge.',
    `Gross margin (reports with economics.value_per_success_usd): 1 − cost per passed attempt / value per success, per workflow; ${FLAG} marks a report under its economics.min_gross_margin, or more than its economics.max_margin_drop (default 0.05) below the report before.`,
    last
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
