// workflow.yml `kill_switch`: the form the agent's type takes (src/agents: `killSwitch`), and a
// drill no larger than the workflow's task set.
import type { KillSwitchForm } from '../agents/agent-type.js'
import type { KillSwitch } from '../model/workflow.js'
import type { Path } from './located.js'

/** A problem of `kill_switch`, at `at`. */
export interface KillSwitchProblem {
  at: Path
  message: string
}

const FIELDS = ['env', 'header'] as const

/** Problems of a kill switch for an agent of `type` whose switch takes `form`. */
export function killSwitchProblems(killSwitch: KillSwitch, type: string, form: KillSwitchForm): KillSwitchProblem[] {
  if ('notApplicable' in form) return [{ at: ['kill_switch'], message: form.notApplicable }]
  const given = FIELDS.filter((field) => killSwitch[field] !== undefined)
  const wrong = given.filter((field) => field !== form.field)
  if (wrong.length > 0)
    return wrong.map((field) => ({
      at: ['kill_switch', field],
      message: `kill_switch.${field} does not apply to a ${type} agent: its switch is kill_switch.${form.field}`
    }))
  if (given.length === 0)
    return [{ at: ['kill_switch'], message: `kill_switch of a ${type} agent needs kill_switch.${form.field}` }]
  return []
}

/** `drill_tasks` written larger than the workflow's task set: the drill cannot run that many. */
export function drillSizeProblem(drillTasks: number, taskCount: number): string | undefined {
  return drillTasks > taskCount
    ? `kill_switch.drill_tasks is ${drillTasks}, more than the ${taskCount} golden task${taskCount === 1 ? '' : 's'} of this workflow`
    : undefined
}
