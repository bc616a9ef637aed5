import type { Report } from '../model/types.js'
import { retentionDaysOutput } from './retention-days.js'

/** The step outputs `passed`, `failed` and `total`, the report's task counts. */
export interface TaskCounts {
  passed: number
  /** Every task that did not pass: failed, errored or not run (so passed + failed = total). */
  failed: number
  total: number
}

export function taskCounts(report: Report): TaskCounts {
  const { tasks, passed } = report.totals
  return { passed, failed: tasks - passed, total: tasks }
}

/** The step outputs a report gives besides its decision and paths: the task counts and `retention-days`. */
export function reportOutputs(report: Report): { counts: TaskCounts; retentionDays?: number } {
  const retentionDays = retentionDaysOutput(report)
  return { counts: taskCounts(report), ...(retentionDays === undefined ? {} : { retentionDays }) }
}
