// The interval of a tier's success rate (the mean of its tasks' pass rates). The golden set is
// the whole population: the uncertainty is each task's own variability across attempts (Miller
// 2024, "Adding Error Bars to Evals", arXiv 2411.00640, clustered standard errors).
import { normalQuantile } from './normal-quantile.js'
import { studentTQuantile } from './student-t.js'
import { passRate, type AttemptCounts } from './task-attempts.js'
import { wilsonInterval } from './wilson.js'

export interface TierInterval {
  estimate: number
  low: number
  high: number
  /** e.g. "Wilson over 60 tasks, 1 attempt", "clustered t, df 11.3, 3 attempts". */
  method: string
}

/** The interval whose each side holds with probability 1 − `tail`. */
export function tierInterval(tasks: readonly AttemptCounts[], tail: number): TierInterval {
  const n = tasks.length
  if (n === 0) return { estimate: 0, low: 0, high: 1, method: 'no tasks' }
  const estimate = tasks.reduce((sum, t) => sum + passRate(t), 0) / n
  const attempts = attemptsText(tasks)
  // A task seen once says nothing about its own variance: the between-task (binomial) interval.
  if (tasks.some((t) => t.total < 2)) {
    const { low, high } = wilsonInterval(estimate * n, n, normalQuantile(1 - tail))
    return { estimate, low, high, method: `Wilson over ${n} tasks, ${attempts}` }
  }
  let sumV = 0
  let sumV2 = 0
  for (const t of tasks) {
    const p = t.passed / t.total
    const s2 = (t.total / (t.total - 1)) * p * (1 - p)
    const v = s2 / t.total
    sumV += v
    sumV2 += (v * v) / (t.total - 1)
  }
  // Every task's attempts agree: the rate is exact for this task set.
  if (sumV === 0)
    return { estimate, low: estimate, high: estimate, method: `exact: every task's attempts agree, ${attempts}` }
  const df = (sumV * sumV) / sumV2 // Welch–Satterthwaite
  const halfWidth = (studentTQuantile(1 - tail, df) * Math.sqrt(sumV)) / n
  return {
    estimate,
    low: Math.max(0, estimate - halfWidth),
    high: Math.min(1, estimate + halfWidth),
    method: `clustered t, df ${df.toFixed(1)}, ${attempts}`
  }
}

function attemptsText(tasks: readonly AttemptCounts[]): string {
  let min = Infinity
  let max = 0
  for (const t of tasks) {
    min = Math.min(min, t.total)
    max = Math.max(max, t.total)
  }
  const range = min === max ? `${min}` : `${min}–${max}`
  return `${range} attempt${max === 1 ? '' : 's'}${min === max ? '' : ' per task'}`
}
