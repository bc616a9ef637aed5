// Why tasks did not pass, grouped by cause and largest group first: the first thing a
// reviewer of a failed run wants to know is which two or three mistakes account for it.
import { CAUSE_LABELS, type Cause } from '../grade/causes.js'
import { RISKS, TIERS } from '../model/types.js'
import type { FailureMode, TaskResult } from '../model/types.js'

/** The cause of a task that did not pass but carries none (reports of older versions). */
export const UNCLASSIFIED = 'unclassified' satisfies Cause

// Most severe first: a task's primary cause is the first of its causes in this list, so a
// guardrail violation is reported as one even when the task also got its label wrong.
const SEVERITY: readonly Cause[] = [
  'guardrail_violation',
  'forbidden_action',
  'wrong_escalation',
  'unexpected_action',
  'missing_action',
  'wrong_order',
  'wrong_label',
  'wrong_result',
  'judge_failed',
  'budget_exhausted',
  'tool_budget_exhausted',
  'crash',
  'bad_output',
  'bad_answer',
  'agent_error',
  'timeout',
  'unreachable',
  'rate_limited',
  'bad_response',
  'context_length',
  'config',
  'internal',
  'infra_error',
  'judge_error',
  'not_run'
]

/** A cause in plain words: `wrong_label` -> "wrong label"; an unknown cause keeps its name. */
export function causeLabel(cause: string): string {
  return Object.hasOwn(CAUSE_LABELS, cause) ? CAUSE_LABELS[cause as Cause] : cause.replace(/_/g, ' ')
}

/** The causes of a task that did not pass, without repeats; never empty. */
export function taskCauses(task: TaskResult): string[] {
  const causes = [...new Set(task.causes)]
  return causes.length > 0 ? causes : [UNCLASSIFIED]
}

/** The most severe of a task's causes (see SEVERITY); unknown causes rank after known ones, by name. */
export function primaryCause(task: TaskResult): string {
  return taskCauses(task).sort(compareSeverity)[0]
}

function compareSeverity(a: string, b: string): number {
  const rank = (cause: string) => {
    const index = SEVERITY.indexOf(cause as Cause)
    return index < 0 ? SEVERITY.length : index
  }
  return rank(a) - rank(b) || compareStrings(a, b)
}

/**
 * Failed, errored and not-run tasks grouped by cause. A task counts once under each of its
 * causes. Largest group first, ties by cause name; in a group, the most important tasks first
 * (T1 before T3, high risk before low), as in the failed-task table.
 */
export function failureModes(tasks: readonly TaskResult[]): FailureMode[] {
  const withWorkflow = new Set(tasks.map((t) => t.workflow)).size > 1
  const notPassed = tasks.filter((t) => t.status !== 'pass').sort(byImportance)
  const groups = new Map<string, string[]>()
  for (const task of notPassed) {
    const name = withWorkflow ? `${task.workflow}/${task.id}` : task.id
    for (const cause of taskCauses(task)) groups.set(cause, [...(groups.get(cause) ?? []), name])
  }
  return [...groups.entries()]
    .map(([cause, names]) => ({ cause, label: causeLabel(cause), count: names.length, tasks: names }))
    .sort((a, b) => b.count - a.count || compareStrings(a.cause, b.cause))
}

function byImportance(a: TaskResult, b: TaskResult): number {
  return (
    TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) ||
    RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk) ||
    compareStrings(a.workflow, b.workflow) ||
    compareStrings(a.id, b.id)
  )
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
