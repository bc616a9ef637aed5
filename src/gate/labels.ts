// The words every renderer (summary.md, the terminal table, report.html) uses for a tier and
// how the gate decided it.
import { thresholdPercent } from './format.js'
import type { Report, TierSummary } from '../model/types.js'

export function severalWorkflows(report: Report): boolean {
  return new Set(report.tiers.map((t) => t.workflow)).size > 1
}

/** `95% CI`: the tiers' interval level (`CI` alone when tiers differ). */
export function intervalHeader(report: Report): string {
  const levels = new Set(report.tiers.map((t) => t.ci_level ?? 0.95))
  return levels.size > 1 ? 'CI' : `${thresholdPercent([...levels][0] ?? 0.95)} CI`
}

/** `decided (95%)`, `inside margin (95%)`, `undecided after 5`; `—` for a tier not gated. */
export function decisionCell(t: TierSummary): string {
  const d = t.decision
  if (!d) return '—'
  const confidence = thresholdPercent(d.confidence)
  if (d.outcome === 'inside_margin') return `inside margin (${confidence})`
  return d.decided ? `decided (${confidence})` : `undecided after ${t.attempts?.max ?? 1}`
}

export function verdictCell(t: TierSummary): 'ok' | 'fail' | 'not gated' {
  // An ungated tier fails only through a high-risk regression.
  return !t.ok ? 'fail' : t.gated ? 'ok' : 'not gated'
}
