// Each task against its own result on the baseline (paired), rather than tier rate against tier rate.
import type { PairedComparison, TaskResult, Tier, Versions } from '../model/types.js'
import { mcnemarOneSided } from './binomial-tail.js'
import { isFlaky, passRate, taskKey, type AttemptCounts } from './task-attempts.js'

export interface BaselineSnapshot {
  file: string
  tiers: { workflow: string; tier: Tier; success_rate: number }[]
  /** Task statuses keyed by `${workflow}/${id}`. */
  statuses: Record<string, string>
  /** Attempts per task, same keys; a task missing here counts one attempt from its status. */
  attempts?: Record<string, AttemptCounts>
  /** The baseline's record of the agent's files; absent in a report written before it (versions unknown). */
  versions?: Versions
}

export type PairedClass = 'regressed' | 'fixed' | 'flaky' | 'same'

/** The task's attempts on the baseline; undefined when the baseline did not run it. */
export function baselineAttempts(baseline: BaselineSnapshot, task: TaskResult): AttemptCounts | undefined {
  const key = taskKey(task)
  const attempts = baseline.attempts?.[key]
  if (attempts) return attempts.total > 0 ? attempts : undefined
  const status = baseline.statuses[key]
  if (status === 'pass') return { total: 1, passed: 1 }
  if (status === 'fail' || status === 'error') return { total: 1, passed: 0 }
  return undefined
}

/** Undefined when the task is not in both runs. */
export function classify(now: AttemptCounts, before: AttemptCounts | undefined): PairedClass | undefined {
  if (!before || now.total === 0) return undefined
  if (isFlaky(now) || isFlaky(before)) return 'flaky'
  const passedBefore = before.passed === before.total
  const passesNow = now.passed === now.total
  if (passedBefore && !passesNow) return 'regressed'
  if (!passedBefore && passesNow) return 'fixed'
  return 'same'
}

/**
 * A task that differs from the baseline and has agreed with itself so far: further attempts
 * tell a regression (or fix) from a flaky task.
 */
export function isDiscordant(task: TaskResult, baseline: BaselineSnapshot): boolean {
  const c = classify(task.attempts, baselineAttempts(baseline, task))
  return c === 'regressed' || c === 'fixed'
}

export interface PairedTier {
  comparison?: Omit<PairedComparison, 'high_risk_regressions'>
  regressed: TaskResult[]
  fixed: TaskResult[]
  flaky: TaskResult[]
}

/**
 * Regressed and fixed tasks are the discordant pairs of an exact one-sided McNemar test; flaky
 * tasks are left out (when the sides ran different numbers of attempts, a flaky task is more
 * often classed fixed than regressed, so the test errs towards passing, never towards blocking).
 */
export function pairedTier(tasks: readonly TaskResult[], baseline: BaselineSnapshot, confidence: number): PairedTier {
  const result: PairedTier = { regressed: [], fixed: [], flaky: [] }
  let common = 0
  let drop = 0
  for (const task of tasks) {
    const before = baselineAttempts(baseline, task)
    const c = classify(task.attempts, before)
    if (!c || !before) continue
    common++
    drop += passRate(before) - passRate(task.attempts)
    if (c !== 'same') result[c].push(task)
  }
  if (common === 0) return result
  const pValue = mcnemarOneSided(result.regressed.length, result.fixed.length)
  result.comparison = {
    common,
    drop: drop / common,
    regressed: result.regressed.length,
    fixed: result.fixed.length,
    flaky: result.flaky.length,
    p_value: pValue,
    significant: pValue < 1 - confidence
  }
  return result
}
