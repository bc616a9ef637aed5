import type { TaskResult } from '../model/types.js'

export interface StatusCounts {
  total: number
  passed: number
  failed: number
  errored: number
  not_run: number
}

export function countStatuses(tasks: readonly TaskResult[]): StatusCounts {
  const counts: StatusCounts = { total: tasks.length, passed: 0, failed: 0, errored: 0, not_run: 0 }
  for (const task of tasks) {
    if (task.status === 'pass') counts.passed++
    else if (task.status === 'fail') counts.failed++
    else if (task.status === 'error') counts.errored++
    else counts.not_run++
  }
  return counts
}

/** Share of the tasks that ran whose run errored; tasks that never ran are left out of both sides. */
export function errorRate(counts: StatusCounts): number {
  const ran = counts.total - counts.not_run
  return ran > 0 ? counts.errored / ran : 0
}

/** Sum of the known costs; null only when no task has a known cost. */
export function sumKnownCosts(tasks: readonly TaskResult[]): number | null {
  let sum: number | null = null
  for (const task of tasks) if (task.cost_usd !== null) sum = (sum ?? 0) + task.cost_usd
  return sum
}
