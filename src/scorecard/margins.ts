// The gross margin of each workflow over the series, and the columns where it needs a look: under
// the target its report was judged by (economics.min_gross_margin), or fallen more than
// economics.max_margin_drop since the column before. Both come from each report's own record
// (report.json `economics`), since a scorecard reads nothing but reports.
import { percent, points, thresholdPercent } from '../gate/format.js'
import { EPSILON } from '../gate/rate-decision.js'
import type { Report, WorkflowEconomics } from '../model/types.js'
import type { MarginFlag, ScorecardEconomics } from './model.js'

export function scorecardEconomics(reports: readonly Report[]): ScorecardEconomics {
  const workflows = [...new Set(reports.flatMap((r) => (r.economics ?? []).map((e) => e.workflow)))].sort()
  const several = new Set(reports.flatMap((r) => r.tiers.map((t) => t.workflow))).size > 1
  const margins: ScorecardEconomics['margins'] = []
  const flags: MarginFlag[] = []
  for (const workflow of workflows) {
    const records = reports.map((r) => r.economics?.find((e) => e.workflow === workflow))
    const name = several ? `${workflow} gross margin` : 'Gross margin'
    margins.push({ workflow, label: name, values: records.map((e) => e?.gross_margin ?? null) })
    records.forEach((record, column) => {
      const text = record && flagText(record, records[column - 1])
      if (text) flags.push({ column, workflow, text: `${name}: ${text}` })
    })
  }
  const perAttempt = reports.map((r) => r.totals.cost_per_passed_attempt_usd)
  const costs = perAttempt.some((v) => v !== undefined)
    ? [{ label: 'Cost per passed attempt', values: perAttempt.map((v) => v ?? null) }]
    : []
  return { costs, margins, flags }
}

/** Why a column's margin is flagged, or undefined. */
function flagText(now: WorkflowEconomics, before: WorkflowEconomics | undefined): string | undefined {
  const min = now.min_gross_margin
  const reasons: string[] = []
  if (min !== null && now.gross_margin === null && (now.cost_usd ?? 0) > 0 && now.successes === 0)
    reasons.push(`no attempt passed (target ${thresholdPercent(min)})`)
  if (min !== null && now.gross_margin !== null && now.gross_margin < min - EPSILON)
    reasons.push(`${percent(now.gross_margin)}, under the target ${thresholdPercent(min)}`)
  const previous = before?.gross_margin
  if (now.gross_margin !== null && previous != null && previous - now.gross_margin > now.max_margin_drop + EPSILON)
    reasons.push(
      `dropped ${points(previous - now.gross_margin)} points from ${percent(previous)} to ${percent(now.gross_margin)} ` +
        `(more than max_margin_drop ${now.max_margin_drop})`
    )
  return reasons.length > 0 ? reasons.join('; ') : undefined
}
