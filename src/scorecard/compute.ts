// The numbers of the scorecard, from a series of reports already in order.
import { TIERS } from '../model/types.js'
import type { Report, Tier } from '../model/types.js'
import { causeLabel, failureModes } from '../report/failure-modes.js'
import type { FailureModeRow, ReportFile, Scorecard, ScorecardColumn, ScorecardRow } from './model.js'
import { scorecardEconomics } from './margins.js'
import { incidentMonths, seriesIncidents } from './incidents.js'
import { monthlyReview } from './monthly-review.js'
import { errorRate, escalationRate, successRate } from './rates.js'
import { versionRows } from './versions.js'

export type { ReportFile } from './model.js'

export function computeScorecard(series: readonly ReportFile[]): Scorecard {
  const reports = series.map((s) => s.report)
  const incidents = seriesIncidents(series)
  const row = (label: string, measure: (report: Report) => number | null): ScorecardRow => ({
    label,
    values: reports.map(measure)
  })
  return {
    columns: series.map(column),
    workflows: [...new Set(reports.flatMap((r) => r.tiers.map((t) => t.workflow)))].sort(),
    success_rate: row('Success rate', successRate),
    tiers: tierRows(reports),
    escalation_rate: row('Escalation rate', escalationRate),
    containment_rate: row('Containment rate', (r) => {
      const rate = escalationRate(r)
      return rate === null ? null : 1 - rate
    }),
    error_rate: row('Error rate', errorRate),
    cost_per_success_usd: row('Cost per successful task', (r) => r.totals.cost_per_success_usd),
    economics: scorecardEconomics(reports),
    failure_modes: failureModeRows(reports),
    versions: versionRows(reports),
    incidents,
    incident_months: incidentMonths(incidents),
    months: monthlyReview(series, incidents)
  }
}

function column({ file, report }: ReportFile): ScorecardColumn {
  const date = report.created_at.slice(0, 10)
  const commit = report.commit?.slice(0, 7)
  return {
    file,
    created_at: report.created_at,
    ...(report.commit ? { commit: report.commit } : {}),
    label: commit ? `${date} · ${commit}` : date,
    decision: report.decision,
    tasks: report.tasks.length
  }
}

function tierRows(reports: readonly Report[]): ScorecardRow[] {
  const keys = new Map<string, { workflow: string; tier: Tier }>()
  for (const report of reports)
    for (const { workflow, tier } of report.tiers) keys.set(`${workflow}\u0000${tier}`, { workflow, tier })
  const several = new Set([...keys.values()].map((k) => k.workflow)).size > 1
  return [...keys.values()]
    .sort((a, b) => compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier))
    .map(({ workflow, tier }) => ({
      label: several ? `${workflow} ${tier}` : tier,
      values: reports.map((r) => r.tiers.find((t) => t.workflow === workflow && t.tier === tier)?.success_rate ?? null)
    }))
}

/** A row per cause seen in any report, the most frequent over the series first. */
function failureModeRows(reports: readonly Report[]): FailureModeRow[] {
  // Recomputed from the tasks, so that reports written before failure_modes existed count alike.
  const perReport = reports.map((r) => new Map(failureModes(r.tasks).map((m) => [m.cause, m.count])))
  const causes = [...new Set(perReport.flatMap((counts) => [...counts.keys()]))]
  const rows = causes.map((cause) => ({
    cause,
    label: causeLabel(cause),
    counts: perReport.map((counts) => counts.get(cause) ?? 0)
  }))
  const total = (row: FailureModeRow) => row.counts.reduce((sum, n) => sum + n, 0)
  return rows.sort((a, b) => total(b) - total(a) || compareStrings(a.cause, b.cause))
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
