// How the agent behaved when a tool failed: the tasks whose fixtures made a tool fault
// (`fault`, PRODUCT.md section 7), with what the agent answered and how the task was graded.
import type { Report, TaskResult } from '../model/types.js'

export interface FaultedTask {
  task: string
  tier: TaskResult['tier']
  status: TaskResult['status']
  faults: string[]
  /** `escalated`, `fallback human`, both, or `neither`. */
  answered: string
}

export function faultedTasks(report: Report): FaultedTask[] {
  const several = report.workflows.length > 1
  return report.tasks.flatMap((t) =>
    t.tool_faults === undefined
      ? []
      : [
          {
            task: several ? `${t.workflow}/${t.id}` : t.id,
            tier: t.tier,
            status: t.status,
            faults: t.tool_faults,
            answered: answeredWith(t)
          }
        ]
  )
}

function answeredWith(task: TaskResult): string {
  const said = [task.escalated ? 'escalated' : '', task.fallback ? `fallback ${task.fallback}` : ''].filter(Boolean)
  return said.length > 0 ? said.join(', ') : 'neither'
}

/** `6 tasks met a tool fault: 4 passed, 2 failed`. */
export function toolFaultsLine(faulted: readonly FaultedTask[]): string {
  const passed = faulted.filter((t) => t.status === 'pass').length
  const others = faulted.length - passed
  const noun = faulted.length === 1 ? 'task' : 'tasks'
  return `${faulted.length} ${noun} met a tool fault: ${passed} passed, ${others} did not`
}
