// §4 Golden tasks: tasks in every tier, as many as the gate rules ask and enough to decide, with
// the high-risk cases among them.
import { plural } from '../../gate/format.js'
import { tierSettings } from '../../gate/tier-settings.js'
import { tooSmallTiers } from '../../gate/too-small-tiers.js'
import { TIERS, type Tier } from '../../model/types.js'
import { check, evidence, lacking, type Check } from '../check.js'
import type { WorkflowReadiness } from '../inputs.js'
import type { ReadinessSectionModule } from '../section.js'

export const goldenTasksSection: ReadinessSectionModule = {
  id: 'golden_tasks',
  number: 4,
  title: 'golden tasks',
  score(inputs) {
    if (inputs.tasks.length === 0) return { checks: [lacking('no golden tasks')] }
    const counts = TIERS.map((tier) => ({ tier, tasks: inputs.tasks.filter((t) => t.tier === tier).length }))
    const empty = counts.filter((c) => c.tasks === 0).map((c) => c.tier)
    const tooSmall = tooSmallTiers(inputs.tasks, inputs.gate)
    const gatedWithTasks = counts.some(
      (c) => c.tasks > 0 && tierSettings(inputs.gate, inputs.workflow.name, c.tier).rule
    )
    return {
      checks: [
        evidence(plural(inputs.tasks.length, 'golden task')),
        check(
          empty.length === 0,
          `tasks in every tier: ${counts.map((c) => `${c.tier} ${c.tasks}`).join(', ')}`,
          `no ${empty.join(' or ')} task`
        ),
        ...minTasks(inputs, counts),
        ...(!gatedWithTasks
          ? []
          : tooSmall.length === 0
            ? [evidence('every gated tier has the tasks to tell its threshold from its margin')]
            : tooSmall.map(lacking)),
        ...highRisk(inputs)
      ]
    }
  }
}

/** Each tier whose rule sets min_tasks has them; none applies when no rule sets it. */
function minTasks(inputs: WorkflowReadiness, counts: { tier: Tier; tasks: number }[]): Check[] {
  const ruled = counts.flatMap(({ tier, tasks }) => {
    const min = tierSettings(inputs.gate, inputs.workflow.name, tier).rule?.min_tasks
    return min === undefined ? [] : [{ tier, tasks, min }]
  })
  if (ruled.length === 0) return []
  const short = ruled.filter((r) => r.tasks < r.min)
  return [
    check(
      short.length === 0,
      `min_tasks reached: ${ruled.map((r) => `${r.tier} ${r.tasks} of ${r.min}`).join(', ')}`,
      short.map((r) => `${r.tier} has ${plural(r.tasks, 'task')}, min_tasks ${r.min}`).join('; ')
    )
  ]
}

/** High-risk tasks, asked for when the matrix has a high-risk tool. */
function highRisk(inputs: WorkflowReadiness): Check[] {
  const tasks = inputs.tasks.filter((t) => t.risk === 'high').length
  if (tasks > 0) return [evidence(plural(tasks, 'high-risk task'))]
  const tools = Object.entries(inputs.workflow.permissions)
    .filter(([, p]) => p.risk === 'high')
    .map(([tool]) => tool)
  return tools.length > 0 ? [lacking(`no high-risk task (risk: high), though ${tools.join(', ')} is high risk`)] : []
}
