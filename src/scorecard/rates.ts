// The rates of a report's (or a month's) task results that the scorecard and its monthly review show.
import type { Report, TaskResult } from '../model/types.js'

/** As the gate counts a tier: errored and not-run tasks count as not passed. */
export function successRate(report: Pick<Report, 'tasks'>): number | null {
  const total = report.tasks.length
  return total > 0 ? report.tasks.filter((t) => t.status === 'pass').length / total : null
}

/** Share of the tasks that ran whose answer escalated (`escalated: true`). */
export function escalationRate(report: Pick<Report, 'tasks'>): number | null {
  const ran = tasksThatRan(report.tasks)
  return ran.length > 0 ? ran.filter((t) => t.escalated === true).length / ran.length : null
}

/** Share of the tasks that ran that errored. */
export function errorRate(report: Report): number | null {
  const ran = tasksThatRan(report.tasks)
  return ran.length > 0 ? ran.filter((t) => t.status === 'error').length / ran.length : null
}

function tasksThatRan(tasks: readonly TaskResult[]): TaskResult[] {
  return tasks.filter((t) => t.status !== 'not_run')
}
