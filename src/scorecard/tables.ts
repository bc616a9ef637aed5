// The scorecard's tables of words that both renderers (markdown and HTML) draw: incidents per
// month, the incidents with whether their tasks pass now, and the monthly review.
import { plural } from '../gate/format.js'
import { passingWords } from '../report/versions-section.js'
import { SEVERITIES } from '../model/incident.js'
import { NOTHING, rateCell } from './cells.js'
import type { Scorecard } from './model.js'

export interface WordTable {
  header: string[]
  rows: string[][]
}

export function incidentMonthTable(card: Scorecard): WordTable {
  return {
    header: ['Month', 'Incidents', ...SEVERITIES, 'Tasks fail now'],
    rows: card.incident_months.map((m) => [
      m.month,
      String(m.count),
      ...SEVERITIES.map((s) => String(m.severities[s])),
      String(m.failing)
    ])
  }
}

/** Newest first; "passes now" is from the latest report that records the incident. */
export function incidentListTable(card: Scorecard): WordTable {
  const several = new Set(card.incidents.map((i) => i.workflow)).size > 1
  return {
    header: ['Incident', 'Date', 'Severity', 'Summary', 'Tasks', 'Passes now', 'As of'],
    rows: card.incidents.map((i) => [
      several ? `${i.workflow}/${i.id}` : i.id,
      i.date,
      i.severity,
      i.summary,
      i.tasks.map((t) => t.id).join(', ') || 'none',
      passingWords(i.passing),
      i.created_at.slice(0, 10)
    ])
  }
}

/** What the review covers, e.g. `refunds: 12 reports in 3 months, 2025-01-06 to 2025-03-17; newest month first.` */
export function reviewScopeLine(card: Scorecard): string {
  const dates = card.columns.map((c) => c.created_at.slice(0, 10))
  const span = dates.length > 1 ? `${dates[0]} to ${dates[dates.length - 1]}` : dates[0]
  const workflows = card.workflows.length > 0 ? `${card.workflows.join(', ')}: ` : ''
  return `${workflows}${plural(card.columns.length, 'report')} in ${plural(card.months.length, 'month')}, ${span}; newest month first.`
}

/** Newest month first: the month under review heads the table. */
export function monthlyReviewTable(card: Scorecard): WordTable {
  return {
    header: ['Month', 'Reports', 'Success', 'Containment', 'Escalations', 'Incidents', 'Top 3 failure modes'],
    rows: [...card.months]
      .reverse()
      .map((m) => [
        m.month,
        `${m.reports} (${plural(m.results, 'task result')})`,
        rateCell(m.success_rate),
        rateCell(m.containment_rate),
        String(m.escalations),
        String(m.incidents),
        m.failure_modes.map((f) => `${f.label} (${f.count})`).join(', ') || NOTHING
      ])
  }
}

export const REVIEW_DEFINITIONS = [
  'Each month holds the reports created in it (UTC); every task result of those reports counts, pooled (a task run in three reports counts three times).',
  'Success: the share of the task results that passed (errored and not-run count as not passed).',
  'Containment: the share of the task results that ran whose answer did not escalate (`escalated: true`) — handled without a human; 1 − escalation rate.',
  'Escalations: the task results whose answer escalated.',
  "Incidents: the incidents of incidents.yml dated in the month; whether each one's tasks pass now is from the latest report that records it.",
  'Top 3 failure modes: the causes of the task results that did not pass, largest first; a result with several causes counts under each.'
]
