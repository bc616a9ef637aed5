// Which tasks the trace sample shows: a fixed choice, the same for the same report. Per workflow,
// the tasks that did not pass first (most important first, one of each cause before a second of
// any, at most MAX_FAILURES), then one pass for each tier and risk (T1 first, high risk first).
import { compareTasks } from '../gate/decide.js'
import { RISKS, TIERS, type Report, type TaskResult } from '../model/types.js'
import { primaryCause } from '../report/failure-modes.js'
import { byImportance } from '../report/summary.js'
import type { SampledTrace } from './input.js'

export const MAX_FAILURES = 3

export interface SampleChoice {
  tasks: Omit<SampledTrace, 'trace'>[]
  /** Failures beyond MAX_FAILURES per workflow, left out. */
  moreFailures: number
}

export function chooseSample(report: Report): SampleChoice {
  const tasks: SampleChoice['tasks'] = []
  let moreFailures = 0
  for (const workflow of report.workflows) {
    const own = report.tasks.filter((t) => t.workflow === workflow.name).sort(compareTasks)
    const failures = failuresShown(own.filter((t) => t.status === 'fail' || t.status === 'error'))
    moreFailures += failures.left
    for (const task of failures.shown) tasks.push({ task, why: 'failure' })
    for (const task of passPerTierAndRisk(own)) tasks.push({ task, why: 'pass' })
  }
  return { tasks, moreFailures }
}

function failuresShown(failures: TaskResult[]): { shown: TaskResult[]; left: number } {
  const ordered = [...failures].sort((a, b) => byImportance(a, b) || compareTasks(a, b))
  const causes = new Set<string>()
  const firstOfCause: TaskResult[] = []
  const rest: TaskResult[] = []
  for (const task of ordered) {
    const cause = primaryCause(task)
    if (causes.has(cause)) rest.push(task)
    else {
      causes.add(cause)
      firstOfCause.push(task)
    }
  }
  const shown = [...firstOfCause, ...rest].slice(0, MAX_FAILURES)
  return { shown, left: failures.length - shown.length }
}

function passPerTierAndRisk(tasks: TaskResult[]): TaskResult[] {
  const passed = tasks.filter((t) => t.status === 'pass')
  return TIERS.flatMap((tier) =>
    [...RISKS].reverse().flatMap((risk) => passed.find((t) => t.tier === tier && t.risk === risk) ?? [])
  )
}
