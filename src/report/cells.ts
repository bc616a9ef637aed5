// The words and numbers both renderers (summary.md and the terminal table) show.
import { failedChecks } from '../gate/decide.js'
import { formatUsd, percent, plural, points, signedPoints, thresholdPercent, usdLimit } from '../gate/format.js'
import { decisionCell, intervalHeader, severalWorkflows, verdictCell } from '../gate/labels.js'
import type { Report, TierSummary, WorkflowEconomics } from '../model/types.js'

function tierLabel(report: Report, tier: TierSummary): string {
  return severalWorkflows(report) ? `${tier.workflow} ${tier.tier}` : tier.tier
}

const HEADLINE_FACTS = 3

/** `evalgate: FAIL — T2 76.0% < 80%`: the verdict and what decided it, in a few words. */
export function headline(report: Report, bold = false): string {
  const verdict = `evalgate: ${report.decision.toUpperCase()}`
  return `${bold ? `**${verdict}**` : verdict} — ${decisiveSummary(report)}`
}

/** `T2 76.0% < 80%`: what decided the gate, the first few facts. */
export function decisiveSummary(report: Report): string {
  const facts = decisiveFacts(report)
  const shown = facts.slice(0, HEADLINE_FACTS).join(', ')
  const more = facts.length > HEADLINE_FACTS ? ` and ${facts.length - HEADLINE_FACTS} more` : ''
  return `${shown}${more}`
}

function decisiveFacts(report: Report): string[] {
  const { totals, gate } = report
  const facts: string[] = []
  if (report.decision === 'error') {
    if (totals.error_rate > gate.max_error_rate) {
      facts.push(`error rate ${percent(totals.error_rate)} > ${thresholdPercent(gate.max_error_rate)}`)
    }
    if (totals.not_run > 0) facts.push(`${plural(totals.not_run, 'task')} not run`)
    if (costUndecided(report)) facts.push('cost per passed attempt unknown (no price)')
    if (facts.length > 0) return facts
  }
  const gated = report.tiers.filter((t) => t.gated)
  if (gated.length === 0) return [totals.tasks === 0 ? 'no tasks were run' : 'no tier is gated']
  for (const tier of report.tiers) {
    const label = tierLabel(report, tier)
    // An ungated tier is named only for its cost rule, which holds whether the tier is gated or not.
    const checks = failedChecks(tier).filter((c) => tier.gated || c === 'max_cost_per_success')
    for (const check of checks) {
      if (check === 'min_success')
        facts.push(`${label} ${percent(tier.success_rate)} < ${thresholdPercent(tier.threshold!)}`)
      if (check === 'min_tasks') facts.push(`${label} only ${plural(tier.total, 'task')} (min ${tier.min_tasks})`)
      if (check === 'max_drop') facts.push(`${label} ${signedPoints(-(tier.paired?.drop ?? 0))} points vs baseline`)
      if (check === 'pass_k') facts.push(`${label} pass^${tier.pass_k!.required!.k} not met`)
      if (check === 'high_risk_regression')
        facts.push(`${label} ${plural(tier.paired!.high_risk_regressions.length, 'high-risk regression')}`)
      if (check === 'max_cost_per_success') facts.push(costFact(label, tier))
    }
  }
  for (const e of report.economics ?? []) if (!e.ok) facts.push(marginFact(report, e))
  if (facts.length > 0) return facts
  if (report.decision !== 'pass') return [report.reasons[0] ?? 'see the reasons']
  return gated.map((t) => `${tierLabel(report, t)} ${percent(t.success_rate)} ≥ ${thresholdPercent(t.threshold!)}`)
}

/** `T1 cost per passed attempt $0.031 > $0.02`, or `T1 nothing passed, $0.12 spent`. */
export function costFact(label: string, tier: TierSummary): string {
  const limit = usdLimit(tier.cost_limit!.max_usd)
  if (tier.cost_limit!.outcome === 'nothing_passed') return `${label} nothing passed, ${formatUsd(tier.cost_usd)} spent`
  return `${label} cost per passed attempt ${formatUsd(tier.cost_per_passed_attempt_usd ?? null)} > ${limit}`
}

/** `margin 62.0% < 70%` (`refunds margin ...` when the report has several workflows). */
function marginFact(report: Report, e: WorkflowEconomics): string {
  const name = severalWorkflows(report) ? `${e.workflow} ` : ''
  const margin = e.gross_margin === null ? 'no margin' : `margin ${percent(e.gross_margin)}`
  return `${name}${margin} < ${thresholdPercent(e.min_gross_margin ?? 0)}`
}

/** A cost rule that a model without a price left undecided. */
function costUndecided(report: Report): boolean {
  return (
    report.tiers.some((t) => t.cost_limit?.outcome === 'unknown') ||
    (report.economics ?? []).some((e) => e.unpriced && e.min_gross_margin !== null)
  )
}

export interface TierColumns {
  header: string[]
  rows: string[][]
}

/** `| [Workflow] | Tier | Passed | Rate | 95% CI | Threshold | Attempts | Decision | [Baseline] | Verdict |` */
export function tierColumns(report: Report): TierColumns {
  const withWorkflow = severalWorkflows(report)
  const withBaseline = report.baseline !== undefined
  const header = [
    ...(withWorkflow ? ['Workflow'] : []),
    'Tier',
    'Passed',
    'Rate',
    intervalHeader(report),
    'Threshold',
    'Attempts',
    'Decision',
    ...(withBaseline ? ['Baseline'] : []),
    'Verdict'
  ]
  const rows = report.tiers.map((t) => [
    ...(withWorkflow ? [t.workflow] : []),
    t.tier,
    passedCell(t),
    percent(t.success_rate),
    `${(t.ci_low * 100).toFixed(1)}–${percent(t.ci_high)}`,
    thresholdCell(t),
    attemptsCell(t),
    decisionCell(t),
    ...(withBaseline ? [baselineCell(t)] : []),
    verdictCell(t)
  ])
  return { header, rows }
}

/** Tasks that passed every attempt; flaky ones (mixed outcomes) counted apart. */
function passedCell(t: TierSummary): string {
  const extra = [
    ...(t.flaky ? [`${t.flaky} flaky`] : []),
    ...(t.errored > 0 ? [`${t.errored} errored`] : []),
    ...(t.not_run > 0 ? [`${t.not_run} not run`] : [])
  ]
  return `${t.passed}/${t.total}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`
}

/** `1` or `2.7/task`. */
export function attemptsCell(t: TierSummary): string {
  if (!t.attempts || t.attempts.max <= 1) return t.attempts?.max === 0 ? '0' : '1'
  return t.attempts.min === t.attempts.max ? `${t.attempts.max}` : `${t.attempts.per_task.toFixed(1)}/task`
}

function thresholdCell(t: TierSummary): string {
  if (t.threshold === null) return '—'
  return `≥ ${thresholdPercent(t.threshold)}${t.min_tasks !== null ? `, min ${t.min_tasks} tasks` : ''}`
}

function baselineCell(t: TierSummary): string {
  if (t.baseline_rate == null) return '—'
  const limit = t.max_drop != null ? `, max drop ${points(t.max_drop)}` : ''
  return `${percent(t.baseline_rate)} (${signedPoints(t.success_rate - t.baseline_rate)}${limit})`
}
