// §7 Escalation & fallback: the agent hands over on low confidence, tool failure and out-of-scope
// requests, falls back as defined, can be switched off, and the team has a runbook for it.
import { plural } from '../../gate/format.js'
import { FALLBACKS } from '../../model/types.js'
import { check, evidence, lacking, type Check } from '../check.js'
import type { WorkflowReadiness } from '../inputs.js'
import type { ReadinessSectionModule } from '../section.js'

export const escalationSection: ReadinessSectionModule = {
  id: 'escalation_fallback',
  number: 7,
  title: 'escalation & fallback',
  score(inputs) {
    const { workflow, tasks } = inputs
    const escalating = tasks.filter((t) => t.expected.escalate === true).length
    const faulted = tasks.filter(hasToolFault).length
    const minConfidence = workflow.escalation?.min_confidence
    return {
      checks: [
        check(
          escalating > 0,
          `${tasksThat(escalating)} escalation`,
          'no golden task expects escalation (expected.escalate: true)'
        ),
        check(
          minConfidence !== undefined,
          `an answer less confident than ${minConfidence} must escalate (escalation.min_confidence)`,
          'no escalation.min_confidence: a low-confidence answer need not escalate'
        ),
        check(
          faulted > 0,
          `${plural(faulted, 'golden task')} with a tool fault`,
          'no golden task has a tool fault (a fixture case with fault)'
        ),
        fallbacks(inputs),
        killSwitch(inputs),
        runbook(inputs.runbook)
      ]
    }
  }
}

function hasToolFault(task: WorkflowReadiness['tasks'][number]): boolean {
  return Object.values(task.fixtures).some((f) => f.kind === 'cases' && f.cases.some((c) => c.fault !== undefined))
}

function fallbacks({ tasks }: WorkflowReadiness): Check {
  const counts = FALLBACKS.map((kind) => ({ kind, tasks: tasks.filter((t) => t.expected.fallback === kind).length }))
  const total = counts.reduce((sum, c) => sum + c.tasks, 0)
  const shown = counts.filter((c) => c.tasks > 0).map((c) => `${c.kind} ${c.tasks}`)
  return check(
    total > 0,
    `${tasksThat(total)} a fallback (${shown.join(', ')})`,
    'no golden task expects a fallback (expected.fallback)'
  )
}

function killSwitch({ workflow, run }: WorkflowReadiness): Check {
  const declared = workflow.kill_switch
  if (!declared) return lacking('no kill_switch: nothing shows automation can be turned off')
  const how = declared.env !== undefined ? `env ${declared.env}` : `header ${declared.header}`
  const drill = run?.drill
  if (drill && drill.failed > 0)
    return lacking(
      `kill switch drill: ${drill.failed} of ${plural(drill.tasks, 'task')} still acted with the switch on`
    )
  const drilled = drill
    ? `: this run's drill passed on ${plural(drill.tasks, 'task')}`
    : `, drilled on ${plural(declared.drill_tasks, 'task')} each run`
  return evidence(`kill switch ${how}${drilled}`)
}

function runbook(declared: WorkflowReadiness['runbook']): Check {
  if (!declared) return lacking('no runbook (workflow.yml runbook)')
  if (declared.sectionsMissing.length > 0)
    return lacking(`runbook ${declared.path} lacks: ${declared.sectionsMissing.join(', ')}`)
  return evidence(`runbook ${declared.path}: when to escalate, fallback behaviour, on-call, how to disable automation`)
}

/** `1 golden task expects`, `3 golden tasks expect`. */
function tasksThat(count: number): string {
  return `${plural(count, 'golden task')} ${count === 1 ? 'expects' : 'expect'}`
}
