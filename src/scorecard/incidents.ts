// The scorecard's incidents: every incident any report of the series records (incidents.yml),
// as its latest report records it, with whether its tasks pass there; and their count per month
// of the incident's date.
import type { Severity } from '../model/types.js'
import { SEVERITIES } from '../model/incident.js'
import type { IncidentMonth, ReportFile, ScorecardIncident } from './model.js'

/** Newest incident first. */
export function seriesIncidents(series: readonly ReportFile[]): ScorecardIncident[] {
  const latest = new Map<string, ScorecardIncident>()
  for (const { file, report } of series)
    for (const incident of report.incidents ?? [])
      latest.set(`${incident.workflow}/${incident.id}`, { ...incident, file, created_at: report.created_at })
  return [...latest.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
}

/** Oldest month first; months without an incident are left out. */
export function incidentMonths(incidents: readonly ScorecardIncident[]): IncidentMonth[] {
  const months = new Map<string, IncidentMonth>()
  for (const incident of incidents) {
    const month = incident.date.slice(0, 7)
    const row = months.get(month) ?? {
      month,
      count: 0,
      severities: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
      failing: 0
    }
    row.count += 1
    row.severities[incident.severity] += 1
    if (incident.passing === false) row.failing += 1
    months.set(month, row)
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1))
}
