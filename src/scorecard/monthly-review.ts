// The kit's monthly review, from the scorecard's reports: per month of their created_at, every
// task result of the month's reports pooled — success %, containment % (resolved without a human:
// the results that ran whose answer did not escalate), escalations, the incidents dated in the
// month, and its three largest failure modes.
import { failureModes } from '../report/failure-modes.js'
import type { MonthReview, ReportFile, ScorecardIncident } from './model.js'
import { escalationRate, successRate } from './rates.js'

const TOP_FAILURE_MODES = 3

export function monthlyReview(series: readonly ReportFile[], incidents: readonly ScorecardIncident[]): MonthReview[] {
  const byMonth = new Map<string, ReportFile[]>()
  for (const entry of series) {
    const month = entry.report.created_at.slice(0, 7)
    byMonth.set(month, [...(byMonth.get(month) ?? []), entry])
  }
  return [...byMonth]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, reports]) => {
      const tasks = reports.flatMap((r) => r.report.tasks)
      const escalation = escalationRate({ tasks })
      return {
        month,
        reports: reports.length,
        results: tasks.length,
        success_rate: successRate({ tasks }),
        containment_rate: escalation === null ? null : 1 - escalation,
        escalations: tasks.filter((t) => t.escalated === true).length,
        incidents: incidents.filter((i) => i.date.startsWith(month)).length,
        failure_modes: failureModes(tasks)
          .slice(0, TOP_FAILURE_MODES)
          .map((m) => ({ label: m.label, count: m.count }))
      }
    })
}
