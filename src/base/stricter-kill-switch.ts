// kill_switch on a pull request: the base's switch still applies (a PR must not remove its own
// drill, nor shrink it), with the larger drill_tasks of the two. A PR may add a switch the base has not.
import type { KillSwitch } from '../model/workflow.js'
import type { Workflow } from '../model/types.js'
import { stricterOf } from './stricter.js'

export function stricterKillSwitch(base: Workflow, pr: Workflow): { killSwitch?: KillSwitch; note?: string } {
  const theirs = base.kill_switch
  const mine = pr.kill_switch
  if (!theirs) return mine ? { killSwitch: mine } : {}
  const drillTasks = stricterOf(theirs.drill_tasks, mine?.drill_tasks, 'higher')!
  const killSwitch: KillSwitch = { ...theirs, drill_tasks: drillTasks }
  if (!mine)
    return { killSwitch, note: `kill_switch was removed in this PR: the base's (${switchOf(theirs)}) still applies` }
  if (switchOf(theirs) !== switchOf(mine))
    return {
      killSwitch,
      note: `kill_switch ${switchOf(theirs)} -> ${switchOf(mine)} in this PR: the drill sets the base's until it merges`
    }
  if (theirs.drill_tasks !== mine.drill_tasks)
    return {
      killSwitch,
      note: `kill_switch.drill_tasks ${theirs.drill_tasks} -> ${mine.drill_tasks} in this PR: ${drillTasks} tasks`
    }
  return { killSwitch }
}

function switchOf(killSwitch: KillSwitch): string {
  const where = killSwitch.env !== undefined ? `env ${killSwitch.env}` : `header ${killSwitch.header}`
  return `${where}=${JSON.stringify(killSwitch.value)}`
}
