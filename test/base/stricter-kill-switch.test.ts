// kill_switch on a pull request (src/base/stricter-kill-switch.ts): the base's switch and the
// larger drill stay; a switch new in the PR applies.
import { describe, expect, it } from '@jest/globals'
import { stricterKillSwitch } from '../../src/base/stricter-kill-switch.js'
import { workflow } from './builders.js'

const env = (name: string, drill_tasks = 10) => ({ kill_switch: { env: name, value: '1', drill_tasks } })

describe('kill_switch on a PR', () => {
  it('a switch the base has not applies; none on either side is none', () => {
    expect(stricterKillSwitch(workflow('wf'), workflow('wf', env('OFF')))).toEqual({
      killSwitch: { env: 'OFF', value: '1', drill_tasks: 10 }
    })
    expect(stricterKillSwitch(workflow('wf'), workflow('wf'))).toEqual({})
  })

  it("the same switch with a smaller drill: the base's size, said", () => {
    expect(stricterKillSwitch(workflow('wf', env('OFF', 8)), workflow('wf', env('OFF', 2)))).toEqual({
      killSwitch: { env: 'OFF', value: '1', drill_tasks: 8 },
      note: 'kill_switch.drill_tasks 8 -> 2 in this PR: 8 tasks'
    })
    expect(stricterKillSwitch(workflow('wf', env('OFF', 2)), workflow('wf', env('OFF', 8))).killSwitch).toEqual({
      env: 'OFF',
      value: '1',
      drill_tasks: 8
    })
  })

  it('a header switch the PR replaces with another is kept until it merges', () => {
    const base = workflow('wf', { kill_switch: { header: 'X-Off', value: 'yes', drill_tasks: 3 } })
    expect(stricterKillSwitch(base, workflow('wf', env('OFF', 3)))).toEqual({
      killSwitch: { header: 'X-Off', value: 'yes', drill_tasks: 3 },
      note: 'kill_switch header X-Off="yes" -> env OFF="1" in this PR: the drill sets the base\'s until it merges'
    })
  })
})
