import type { Decision, Report, RunAttempts, TaskResult, TierSummary, WorkflowEconomics } from '../model/types.js'
import { countStatuses, sumKnownCosts } from './counts.js'
import {
  costFigures,
  costLimitLines,
  costLimitOutcome,
  economicsSettings,
  grossMargin,
  judgeEconomics,
  type RuleLines
} from './economics.js'
import { percent, plural, points, signedPoints, thresholdPercent } from './format.js'
import { pairedTier, type BaselineSnapshot } from './paired.js'
import { EPSILON, judgeRate } from './rate-decision.js'
import { erroredAttempts, isFlaky, passRate } from './task-attempts.js'
import { compareStrings, groupByTier, type TierGroup } from './tier-groups.js'
import { tierInterval } from './tier-interval.js'
import { tierPassK } from './tier-pass-k.js'
import { tierSettings, type TierSettings } from './tier-settings.js'
import { tooSmallWarning } from './too-small.js'
import { append, largest } from '../util/append.js'

export type { BaselineSnapshot } from './paired.js'

export interface GateInput {
  tasks: TaskResult[]
  gate: Report['gate']
  baseline?: BaselineSnapshot
  /** How the attempts were spent (default: a fixed number, nothing stopped them). */
  attempts?: Pick<RunAttempts, 'mode' | 'stopped_by'>
}

export interface GateDecision {
  decision: Decision
  /** Plain-English lines, the decisive ones first. */
  reasons: string[]
  tiers: TierSummary[]
  baseline?: Report['baseline']
  /** Per workflow with economics.value_per_success_usd. */
  economics?: WorkflowEconomics[]
}

interface TierVerdict {
  summary: TierSummary
  failures: string[]
  notes: string[]
  /** Rules the tier's figures cannot decide (a cost unknown): the decision is `error`. */
  errors: string[]
  /** Task names, for the baseline section. */
  regressed: string[]
  fixed: string[]
  flaky: string[]
}

/** Every gated tier decided from the tasks' attempts; the same function decides a run, a merge and a round. */
export function decideGate(input: GateInput): GateDecision {
  const { gate, baseline } = input
  const tasks = [...input.tasks].sort(compareTasks)
  const several = new Set(tasks.map((t) => t.workflow)).size > 1
  const name = (t: TaskResult) => (several ? `${t.workflow}/${t.id}` : t.id)
  const context: TierContext = { gate, baseline, attempts: input.attempts ?? { mode: 'fixed' }, name }
  const verdicts = groupByTier(tasks).map((group) => judgeTier(group, context, several ? `${group.workflow} ` : ''))
  const economics = [...new Set(tasks.map((t) => t.workflow))].flatMap((workflow) => {
    const verdict = judgeEconomics(workflow, tasks, gate)
    return verdict ? [verdict] : []
  })

  const { errorLines, notes } = errorChecks(tasks, gate.max_error_rate)
  append(errorLines, [...verdicts.flatMap((v) => v.errors), ...economics.flatMap((e) => e.errors)])
  const anyGated = verdicts.some((v) => v.summary.gated)
  const noGateLines = anyGated
    ? []
    : [
        tasks.length === 0
          ? 'no tasks to run: nothing was checked — fail'
          : 'no tier is gated: add tiers to thresholds.yml'
      ]
  const tierFailures = [...verdicts.flatMap((v) => v.failures), ...economics.flatMap((e) => e.failures)]

  const baselineSection = baseline ? baselineRecord(baseline, verdicts) : undefined
  if (baselineSection && baselineSection.regressions.length > 0) {
    notes.push(
      `${plural(baselineSection.regressions.length, 'regression')} against the baseline (passed there, fail now)`
    )
  }

  const decision: Decision =
    errorLines.length > 0 ? 'error' : noGateLines.length > 0 || tierFailures.length > 0 ? 'fail' : 'pass'
  return {
    decision,
    reasons: [
      ...errorLines,
      ...noGateLines,
      ...tierFailures,
      ...verdicts.flatMap((v) => v.notes),
      ...economics.flatMap((e) => e.notes),
      ...notes
    ],
    tiers: verdicts.map((v) => v.summary),
    ...(baselineSection ? { baseline: baselineSection } : {}),
    ...(economics.length > 0 ? { economics: economics.map((e) => e.record) } : {})
  }
}

export function compareTasks(a: TaskResult, b: TaskResult): number {
  return compareStrings(a.workflow, b.workflow) || compareStrings(a.id, b.id)
}

/** Errored attempts over max_error_rate, and tasks never run, make the decision `error`. */
function errorChecks(tasks: TaskResult[], maxErrorRate: number): { errorLines: string[]; notes: string[] } {
  const errorLines: string[] = []
  const notes: string[] = []
  let ran = 0
  let errored = 0
  for (const task of tasks) {
    ran += task.attempts.total
    errored += erroredAttempts(task)
  }
  // With one attempt per task, an attempt is a task: say it in the words of a single run.
  const unit = tasks.every((t) => t.attempts.total <= 1) ? 'task' : 'attempt'
  const rate = ran > 0 ? errored / ran : 0
  if (rate > maxErrorRate + EPSILON) {
    errorLines.push(
      `error rate ${percent(rate)} (${errored}/${ran} ${unit}s errored) exceeds max_error_rate ` +
        `${thresholdPercent(maxErrorRate)} — decision error`
    )
  } else if (errored > 0) {
    notes.push(
      `${plural(errored, unit)} errored (${percent(rate)}), within max_error_rate ${thresholdPercent(maxErrorRate)}`
    )
  }
  // A run that did not finish cannot pass, whatever the rates of the tasks that did run.
  const notRun = tasks.filter((t) => t.status === 'not_run')
  if (notRun.length > 0) {
    const why = notRun[0].reasons[0]?.match(/^not run: (.+)$/)?.[1]
    errorLines.push(
      `${plural(notRun.length, 'task')} ${notRun.length === 1 ? 'was' : 'were'} not run${why ? ` (${why})` : ''} — decision error`
    )
  }
  return { errorLines, notes }
}

interface TierContext {
  gate: Report['gate']
  baseline?: BaselineSnapshot
  attempts: NonNullable<GateInput['attempts']>
  name: (task: TaskResult) => string
}

function judgeTier(group: TierGroup, context: TierContext, prefix: string): TierVerdict {
  const { workflow, tier, tasks } = group
  const { baseline, name } = context
  const settings = tierSettings(context.gate, workflow, tier)
  const counts = countStatuses(tasks)
  const attempts = tierAttempts(tasks)
  const successRate = tasks.length > 0 ? tasks.reduce((sum, t) => sum + passRate(t.attempts), 0) / tasks.length : 0
  const ci = tierInterval(
    tasks.map((t) => t.attempts),
    (1 - settings.confidence) / 2
  )
  const baselineRate = baseline?.tiers.find((b) => b.workflow === workflow && b.tier === tier)?.success_rate
  const paired = baseline ? pairedTier(tasks, baseline, settings.confidence) : undefined
  const highRisk = settings.block_high_risk_regressions
    ? (paired?.regressed ?? []).filter((t) => t.risk === 'high' && t.attempts.total >= 2)
    : []
  const cost = sumKnownCosts(tasks)
  const figures = costFigures(tasks)
  const { value } = economicsSettings(context.gate, workflow)
  const { rule } = settings
  const summary: TierSummary = {
    workflow,
    tier,
    ...counts,
    success_rate: successRate,
    ci_low: ci.low,
    ci_high: ci.high,
    threshold: rule?.min_success ?? null,
    min_tasks: rule?.min_tasks ?? null,
    gated: rule !== undefined,
    ok: true,
    attempt_success_rate: attempts.total > 0 ? attempts.passed / attempts.total : 0,
    ...(baseline ? { baseline_rate: baselineRate ?? null, max_drop: settings.max_drop ?? null } : {}),
    cost_usd: cost,
    cost_per_success_usd: cost !== null && counts.passed > 0 ? cost / counts.passed : null,
    ...(settings.max_cost_per_success_usd !== undefined || value !== undefined
      ? { cost_per_passed_attempt_usd: figures.per_attempt }
      : {}),
    ...(settings.max_cost_per_success_usd !== undefined
      ? {
          cost_limit: {
            max_usd: settings.max_cost_per_success_usd,
            outcome: costLimitOutcome(figures, settings.max_cost_per_success_usd)
          }
        }
      : {}),
    ...(value !== undefined ? { gross_margin: grossMargin(figures.per_attempt, value) } : {}),
    ci_method: ci.method,
    ci_level: settings.confidence,
    attempts,
    flaky: tasks.filter((t) => isFlaky(t.attempts)).length,
    pass_k: tierPassK(tasks, settings.pass_k),
    ...(paired?.comparison ? { paired: { ...paired.comparison, high_risk_regressions: highRisk.map(name) } } : {})
  }
  const label = `${prefix}${tier}`
  const costLines: RuleLines = summary.cost_limit
    ? costLimitLines(`${workflow} ${tier}`, figures, summary.cost_limit)
    : { failures: [], errors: [], notes: [] }
  const lists = {
    errors: costLines.errors,
    regressed: (paired?.regressed ?? []).map(name),
    fixed: (paired?.fixed ?? []).map(name),
    flaky: (paired?.flaky ?? []).map(name)
  }
  const highRiskLines = highRisk.map(
    (t) =>
      `${label}: high-risk task ${name(t)} regressed: passed every attempt on the baseline, failed ` +
      `${t.attempts.total} of ${t.attempts.total} now — fail (baseline.block_high_risk_regressions)`
  )
  if (!rule) {
    summary.ok = highRiskLines.length === 0 && costLines.failures.length === 0
    return {
      summary,
      failures: [...highRiskLines, ...costLines.failures],
      notes: [`${label}: ${plural(counts.total, 'task')}, not gated (no threshold)`, ...costLines.notes],
      ...lists
    }
  }

  summary.decision = rateDecision(tasks, rule.min_success, settings, context.attempts)
  const tooSmall = tooSmallWarning({
    label,
    tasks: tasks.length,
    threshold: rule.min_success,
    confidence: settings.confidence,
    margin: settings.margin,
    attempts: context.attempts.mode === 'fixed' ? attempts.max : settings.max_attempts
  })
  if (tooSmall) summary.too_small = tooSmall

  const failed = failedChecks(summary)
  summary.ok = failed.length === 0
  const rateText =
    attempts.max <= 1
      ? `${percent(successRate)} (${counts.passed}/${counts.total})`
      : `${percent(successRate)} (${plural(counts.total, 'task')}, ${plural(attempts.total, 'attempt')})`
  // With --repeat K the user fixed the attempts: the table says whether the interval decided.
  const atLimit = summary.decision?.decided === false && context.attempts.mode === 'adaptive'
  const rateLine = (ok: boolean) =>
    atLimit
      ? `${label}: ${summary.decision!.note} — ${ok ? 'ok' : 'fail'} (by the estimate)`
      : `${label}: ${rateText} ${ok ? '>=' : '<'} ${thresholdPercent(rule.min_success)} required`
  const pairedText = summary.paired
    ? `on ${plural(summary.paired.common, 'paired task')} (${summary.paired.regressed} regressed, ` +
      `${summary.paired.fixed} fixed; McNemar p = ${pValue(summary.paired.p_value)})`
    : ''
  const failures = failed.flatMap((check) => {
    if (check === 'min_success') {
      const line = rateLine(false)
      return [atLimit ? line : `${line} — fail`]
    }
    if (check === 'min_tasks')
      return [`${label}: only ${plural(counts.total, 'task')}, fewer than min_tasks ${rule.min_tasks} — fail`]
    if (check === 'pass_k') return [passKLine(label, summary.pass_k!)]
    if (check === 'high_risk_regression') return highRiskLines
    if (check === 'max_cost_per_success') return costLines.failures
    return [
      `${label}: dropped ${points(summary.paired!.drop)} points from the baseline ${pairedText}, ` +
        `more than max_drop ${points(settings.max_drop!)} — fail`
    ]
  })
  if (!summary.ok) return { summary, failures, notes: costLines.notes, ...lists }

  const baselineText =
    baselineRate === undefined
      ? ''
      : `, baseline ${percent(baselineRate)} (${signedPoints(successRate - baselineRate)} points` +
        `${settings.max_drop === undefined ? '' : `, max_drop ${points(settings.max_drop)}`})`
  const line = rateLine(true)
  const notes = [atLimit ? line : `${line}${baselineText} — ok`, ...costLines.notes]
  const paired_ = summary.paired
  if (paired_ && settings.max_drop !== undefined && paired_.drop > settings.max_drop + EPSILON)
    notes.push(
      `${label}: dropped ${points(paired_.drop)} points ${pairedText}, more than max_drop ${points(settings.max_drop)} ` +
        `but not significant at ${thresholdPercent(settings.confidence)} confidence — ok`
    )
  return { summary, failures, notes, ...lists }
}

function rateDecision(
  tasks: TaskResult[],
  threshold: number,
  settings: TierSettings,
  attempts: TierContext['attempts']
): NonNullable<TierSummary['decision']> {
  const looks = attempts.mode === 'fixed' ? 1 : settings.max_attempts
  const judged = judgeRate(
    tasks.map((t) => t.attempts),
    threshold,
    settings,
    looks
  )
  const record = {
    confidence: settings.confidence,
    margin: settings.margin,
    max_attempts: settings.max_attempts,
    looks,
    low: judged.bounds.low,
    high: judged.bounds.high,
    outcome: judged.outcome,
    decided: judged.outcome !== 'undecided'
  }
  if (record.decided) return record
  const most = largest(
    tasks.map((t) => t.attempts.total),
    0
  )
  const stopped = attempts.stopped_by ? ' (max_cost_usd stopped extra attempts)' : ''
  return {
    ...record,
    note: `undecided after ${plural(most, 'attempt')}: ${percent(judged.bounds.estimate)} vs ${thresholdPercent(threshold)}${stopped}`
  }
}

function passKLine(label: string, passK: NonNullable<TierSummary['pass_k']>): string {
  const required = passK.required!
  if (passK.k < required.k)
    return `${label}: pass^${required.k} needs ${plural(required.k, 'attempt')} of every task; some ran only ${passK.k} — fail`
  return `${label}: pass^${passK.k} ${percent(passK.rate)} < ${thresholdPercent(required.min)} required — fail`
}

function pValue(p: number): string {
  return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1)
}

function tierAttempts(tasks: TaskResult[]): NonNullable<TierSummary['attempts']> {
  let total = 0
  let passed = 0
  let errored = 0
  let min = Infinity
  let max = 0
  for (const t of tasks) {
    total += t.attempts.total
    passed += t.attempts.passed
    errored += erroredAttempts(t)
    min = Math.min(min, t.attempts.total)
    max = Math.max(max, t.attempts.total)
  }
  return {
    total,
    passed,
    errored,
    per_task: tasks.length > 0 ? total / tasks.length : 0,
    min: tasks.length > 0 ? min : 0,
    max
  }
}

export type TierCheck =
  'min_success' | 'min_tasks' | 'max_drop' | 'pass_k' | 'high_risk_regression' | 'max_cost_per_success'

/** The rules a tier breaks, from its summary alone (renderers use it to say why a tier failed). */
export function failedChecks(tier: TierSummary): TierCheck[] {
  const failed: TierCheck[] = []
  // Whatever the rates and whether the tier is gated (on by default).
  const highRisk = (tier.paired?.high_risk_regressions.length ?? 0) > 0
  const overCost = tier.cost_limit?.outcome === 'over' || tier.cost_limit?.outcome === 'nothing_passed'
  if (!tier.gated || tier.threshold === null)
    return [
      ...(highRisk ? (['high_risk_regression'] as const) : []),
      ...(overCost ? (['max_cost_per_success'] as const) : [])
    ]
  // Every decision, by the interval or at the limit, agrees with the estimate (see rate-decision.ts).
  if (tier.success_rate < tier.threshold - EPSILON) failed.push('min_success')
  if (tier.min_tasks !== null && tier.total < tier.min_tasks) failed.push('min_tasks')
  const required = tier.pass_k?.required
  if (required && (tier.pass_k!.k < required.k || tier.pass_k!.rate < required.min - EPSILON)) failed.push('pass_k')
  // The drop rule only applies to gated tiers, on the paired comparison, and only when significant.
  const { paired, max_drop: maxDrop } = tier
  if (paired && maxDrop != null && paired.significant && paired.drop > maxDrop + EPSILON) failed.push('max_drop')
  if (highRisk) failed.push('high_risk_regression')
  if (overCost) failed.push('max_cost_per_success')
  return failed
}

function baselineRecord(baseline: BaselineSnapshot, verdicts: TierVerdict[]): NonNullable<Report['baseline']> {
  const missing = verdicts
    .map((v) => ({ workflow: v.summary.workflow, tier: v.summary.tier }))
    .filter((t) => !baseline.tiers.some((b) => b.workflow === t.workflow && b.tier === t.tier))
  return {
    ...(missing.length > 0 ? { missing_tiers: missing } : {}),
    file: baseline.file,
    regressions: verdicts.flatMap((v) => v.regressed),
    fixed: verdicts.flatMap((v) => v.fixed),
    flaky: verdicts.flatMap((v) => v.flaky),
    high_risk_regressions: verdicts.flatMap((v) => v.summary.paired?.high_risk_regressions ?? []),
    tiers: baseline.tiers,
    statuses: baseline.statuses,
    ...(baseline.attempts ? { attempts: baseline.attempts } : {})
  }
}
