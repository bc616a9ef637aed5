// What the gate reads of one task: how many attempts ran and how many passed or errored.
import type { TaskResult } from '../model/types.js'

export interface AttemptCounts {
  total: number
  passed: number
}

/** The task's pass rate over its attempts; a task that never ran counts as not passed. */
export function passRate(attempts: AttemptCounts): number {
  return attempts.total > 0 ? attempts.passed / attempts.total : 0
}

/** Mixed outcomes: some attempts passed, some did not. */
export function isFlaky(attempts: AttemptCounts): boolean {
  return attempts.passed > 0 && attempts.passed < attempts.total
}

/** Errored attempts; a report written before they were counted has only the task's status. */
export function erroredAttempts(task: Pick<TaskResult, 'attempts' | 'status'>): number {
  return task.attempts.errored ?? (task.status === 'error' ? task.attempts.total - task.attempts.passed : 0)
}

export function taskKey(task: { workflow: string; id: string }): string {
  return `${task.workflow}/${task.id}`
}

/** `passed 1 of 3 attempts`: the first reason of a task that ran several attempts and did not pass them all. */
export function attemptsReason(attempts: AttemptCounts): string {
  return `passed ${attempts.passed} of ${attempts.total} attempts`
}

/** `attempt 2/3: `, before each reason a task quotes from one of its several attempts. */
export function attemptPrefix(index: number, total: number): string {
  return `attempt ${index + 1}/${total}: `
}

/** What went wrong in the task's own words: its reasons without the attempts count and the attempt prefix. */
export function ownReasons(task: Pick<TaskResult, 'reasons' | 'attempts'>): string[] {
  const { total } = task.attempts
  if (total <= 1) return task.reasons
  const prefix = new RegExp(`^attempt \\d+/${total}: `)
  return task.reasons.filter((r) => r !== attemptsReason(task.attempts)).map((r) => r.replace(prefix, ''))
}
