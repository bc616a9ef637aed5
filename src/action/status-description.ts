// The one line a commit status shows beside its context (GitHub allows 140 characters). Pure.
import { failedChecks } from '../gate/decide.js'
import { percent, points, thresholdPercent } from '../gate/format.js'
import type { Report, TierSummary } from '../model/types.js'
import { costFact } from '../report/cells.js'
import { preview } from '../util/preview.js'

export const MAX_DESCRIPTION_LENGTH = 140

/** `T1 95.1% >= 92%, T2 76.0% < 80%`; failing tiers come first when not all fit. */
export function gateDescription(report: Report): string {
  if (report.decision === 'error') return fitDescription(`error: ${report.reasons[0] ?? 'the gate could not decide'}`)
  const several = new Set(report.tiers.map((t) => t.workflow)).size > 1
  const gated = report.tiers.filter((t) => t.gated && t.threshold !== null)
  if (gated.length === 0) return fitDescription(report.reasons[0] ?? 'no tier is gated')
  // A failure no tier explains (a workflow the PR removed): its reason, not passing tiers.
  if (report.decision === 'fail' && gated.every((t) => t.ok)) return fitDescription(report.reasons[0] ?? 'fail')
  const parts = gated.map((t) => ({ text: tierFact(t, several ? `${t.workflow}/${t.tier}` : t.tier), failed: !t.ok }))
  const all = parts.map((p) => p.text).join(', ')
  if (all.length <= MAX_DESCRIPTION_LENGTH) return all
  const ordered = [...parts.filter((p) => p.failed), ...parts.filter((p) => !p.failed)].map((p) => p.text)
  return joinWhatFits(ordered)
}

function tierFact(t: TierSummary, label: string): string {
  const checks = failedChecks(t)
  if (checks.includes('min_tasks')) return `${label} ${t.total} tasks < min ${t.min_tasks}`
  if (checks.includes('high_risk_regression')) return `${label} high-risk regression`
  if (checks.includes('max_drop') && !checks.includes('min_success'))
    return `${label} dropped ${points(t.paired?.drop ?? t.baseline_rate! - t.success_rate)} pts`
  if (checks.includes('max_cost_per_success') && !checks.includes('min_success')) return costFact(label, t)
  if (checks.includes('pass_k') && !checks.includes('min_success'))
    return `${label} pass^${t.pass_k!.k} ${percent(t.pass_k!.rate)} < ${thresholdPercent(t.pass_k!.required!.min)}`
  return `${label} ${percent(t.success_rate)} ${t.ok ? '>=' : '<'} ${thresholdPercent(t.threshold!)}`
}

function joinWhatFits(parts: string[]): string {
  for (let shown = parts.length - 1; shown > 0; shown--) {
    const text = `${parts.slice(0, shown).join(', ')} (+${parts.length - shown} more)`
    if (text.length <= MAX_DESCRIPTION_LENGTH) return text
  }
  return fitDescription(parts[0])
}

/** One line, at most 140 characters. */
export function fitDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return preview(line, MAX_DESCRIPTION_LENGTH, { markInside: true })
}
