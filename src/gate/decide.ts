import { TIERS } from '../model/types.js'
import type { Decision, Report, TaskResult, Tier, TierRule, TierSummary } from '../model/types.js'
import { countStatuses, errorRate, sumKnownCosts } from './counts.js'
import { percent, plural, points, signedPoints, thresholdPercent } from './format.js'
import { wilsonInterval } from './wilson.js'

export interface BaselineSnapshot {
  file: string
  tiers: { workflow: string; tier: Tier; success_rate: number }[]
  /** Task statuses keyed by `${workflow}/${id}`. */
  statuses: Record<string, string>
}

export interface GateInput {
  tasks: TaskResult[]
  gate: Report['gate']
  baseline?: BaselineSnapshot
}

export interface GateDecision {
  decision: Decision
  /** Plain-English lines, the decisive ones first. */
  reasons: string[]
  tiers: TierSummary[]
  baseline?: Report['baseline']
}

// Rates are ratios of small integers compared with decimal thresholds: 0.92 must meet 0.92.
const EPSILON = 1e-9

interface TierVerdict {
  summary: TierSummary
  failures: string[]
  notes: string[]
}

export function decideGate(input: GateInput): GateDecision {
  const { gate, baseline } = input
  const tasks = [...input.tasks].sort(compareTasks)
  const severalWorkflows = new Set(tasks.map((t) => t.workflow)).size > 1
  const verdicts = groupByTier(tasks).map((group) =>
    judgeTier(group, gate, baseline, severalWorkflows ? `${group.workflow} ` : '')
  )

  const errorLines: string[] = []
  const notes: string[] = []
  const counts = countStatuses(tasks)
  const rate = errorRate(counts)
  const ran = counts.total - counts.not_run
  if (rate > gate.max_error_rate + EPSILON) {
    errorLines.push(
      `error rate ${percent(rate)} (${counts.errored}/${ran} tasks errored) exceeds max_error_rate ` +
        `${thresholdPercent(gate.max_error_rate)} — decision error`
    )
  } else if (counts.errored > 0) {
    notes.push(
      `${plural(counts.errored, 'task')} errored (${percent(rate)}), within max_error_rate ${thresholdPercent(gate.max_error_rate)}`
    )
  }
  // A run that did not finish cannot pass, whatever the rates of the tasks that did run.
  if (counts.not_run > 0) {
    const why = tasks.find((t) => t.status === 'not_run')?.reasons[0]?.match(/^not run: (.+)$/)?.[1]
    errorLines.push(
      `${plural(counts.not_run, 'task')} ${counts.not_run === 1 ? 'was' : 'were'} not run${why ? ` (${why})` : ''} — decision error`
    )
  }

  const anyGated = verdicts.some((v) => v.summary.gated)
  const noGateLines = anyGated
    ? []
    : [
        tasks.length === 0
          ? 'no tasks to run: nothing was checked — fail'
          : 'no tier is gated: add tiers to thresholds.yml'
      ]
  const tierFailures = verdicts.flatMap((v) => v.failures)

  const baselineSection = baseline ? compareWithBaseline(tasks, baseline, severalWorkflows) : undefined
  if (baselineSection && baselineSection.regressions.length > 0) {
    notes.push(
      `${plural(baselineSection.regressions.length, 'regression')} against the baseline (passed there, fail now)`
    )
  }

  const decision: Decision =
    errorLines.length > 0 ? 'error' : noGateLines.length > 0 || tierFailures.length > 0 ? 'fail' : 'pass'
  return {
    decision,
    reasons: [...errorLines, ...noGateLines, ...tierFailures, ...verdicts.flatMap((v) => v.notes), ...notes],
    tiers: verdicts.map((v) => v.summary),
    ...(baselineSection ? { baseline: baselineSection } : {})
  }
}

export function compareTasks(a: TaskResult, b: TaskResult): number {
  return compareStrings(a.workflow, b.workflow) || compareStrings(a.id, b.id)
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

interface TierGroup {
  workflow: string
  tier: Tier
  tasks: TaskResult[]
}

/** Groups in report order: by workflow, then T1..T3. Expects tasks sorted by workflow. */
function groupByTier(tasks: TaskResult[]): TierGroup[] {
  const groups = new Map<string, TierGroup>()
  for (const task of tasks) {
    const key = `${task.workflow}\u0000${task.tier}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { workflow: task.workflow, tier: task.tier, tasks: [] }))
    group.tasks.push(task)
  }
  return [...groups.values()].sort(
    (a, b) => compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)
  )
}

function tierRule(gate: Report['gate'], workflow: string, tier: Tier): TierRule | undefined {
  return gate.workflows[workflow]?.tiers?.[tier] ?? gate.rules.tiers[tier]
}

function maxDropRule(gate: Report['gate'], workflow: string, tier: Tier): number | undefined {
  return gate.workflows[workflow]?.max_drop?.[tier] ?? gate.rules.max_drop[tier]
}

function judgeTier(
  group: TierGroup,
  gate: Report['gate'],
  baseline: BaselineSnapshot | undefined,
  prefix: string
): TierVerdict {
  const { workflow, tier, tasks } = group
  const counts = countStatuses(tasks)
  // Errored and not-run tasks count as not passed: the rate is over every task of the tier.
  const successRate = counts.total > 0 ? counts.passed / counts.total : 0
  const interval = wilsonInterval(counts.passed, counts.total)
  const attempts = tasks.reduce(
    (sum, t) => ({ total: sum.total + t.attempts.total, passed: sum.passed + t.attempts.passed }),
    {
      total: 0,
      passed: 0
    }
  )
  const rule = tierRule(gate, workflow, tier)
  const drop = maxDropRule(gate, workflow, tier)
  const baselineRate = baseline?.tiers.find((b) => b.workflow === workflow && b.tier === tier)?.success_rate

  const cost = sumKnownCosts(tasks)
  const summary: TierSummary = {
    workflow,
    tier,
    ...counts,
    success_rate: successRate,
    ci_low: interval.low,
    ci_high: interval.high,
    threshold: rule?.min_success ?? null,
    min_tasks: rule?.min_tasks ?? null,
    gated: rule !== undefined,
    ok: true,
    attempt_success_rate: attempts.total > 0 ? attempts.passed / attempts.total : 0,
    ...(baseline ? { baseline_rate: baselineRate ?? null, max_drop: drop ?? null } : {}),
    cost_usd: cost,
    cost_per_success_usd: cost !== null && counts.passed > 0 ? cost / counts.passed : null
  }
  const label = `${prefix}${tier}`
  const rateText = `${percent(successRate)} (${counts.passed}/${counts.total})`
  if (!rule)
    return { summary, failures: [], notes: [`${label}: ${plural(counts.total, 'task')}, not gated (no threshold)`] }

  const failed = failedChecks(summary)
  summary.ok = failed.length === 0
  const failures = failed.map((check) => {
    if (check === 'min_success') return `${label}: ${rateText} < ${thresholdPercent(rule.min_success)} required — fail`
    if (check === 'min_tasks')
      return `${label}: only ${plural(counts.total, 'task')}, fewer than min_tasks ${rule.min_tasks} — fail`
    return (
      `${label}: dropped ${points(baselineRate! - successRate)} points from the baseline ` +
      `(${percent(baselineRate!)} → ${percent(successRate)}), more than max_drop ${points(drop!)} — fail`
    )
  })
  if (!summary.ok) return { summary, failures, notes: [] }

  const baselineText =
    baselineRate === undefined
      ? ''
      : `, baseline ${percent(baselineRate)} (${signedPoints(successRate - baselineRate)} points` +
        `${drop === undefined ? '' : `, max_drop ${points(drop)}`})`
  return {
    summary,
    failures,
    notes: [`${label}: ${rateText} >= ${thresholdPercent(rule.min_success)} required${baselineText} — ok`]
  }
}

export type TierCheck = 'min_success' | 'min_tasks' | 'max_drop'

/** The rules a tier breaks, from its summary alone (renderers use it to say why a tier failed). */
export function failedChecks(tier: TierSummary): TierCheck[] {
  if (!tier.gated || tier.threshold === null) return []
  const failed: TierCheck[] = []
  if (tier.success_rate < tier.threshold - EPSILON) failed.push('min_success')
  if (tier.min_tasks !== null && tier.total < tier.min_tasks) failed.push('min_tasks')
  // The drop rule only applies to gated tiers: an ungated tier is reported, never decisive.
  const { baseline_rate: baselineRate, max_drop: maxDrop } = tier
  if (baselineRate != null && maxDrop != null && baselineRate - tier.success_rate > maxDrop + EPSILON)
    failed.push('max_drop')
  return failed
}

function compareWithBaseline(
  tasks: TaskResult[],
  baseline: BaselineSnapshot,
  severalWorkflows: boolean
): NonNullable<Report['baseline']> {
  const regressions: string[] = []
  const fixed: string[] = []
  for (const task of tasks) {
    const before = baseline.statuses[`${task.workflow}/${task.id}`]
    const name = severalWorkflows ? `${task.workflow}/${task.id}` : task.id
    const failedNow = task.status === 'fail' || task.status === 'error'
    if (before === 'pass' && failedNow) regressions.push(name)
    else if ((before === 'fail' || before === 'error') && task.status === 'pass') fixed.push(name)
  }
  return { file: baseline.file, regressions, fixed, tiers: baseline.tiers, statuses: baseline.statuses }
}
