// The escalation guardrail (workflow.yml `escalation.min_confidence`): an answer less confident
// than the workflow requires must hand the task to a human.
import type { AgentRun, GuardrailCheck, Workflow } from '../model/types.js'

const CHECK = 'escalation'

/** No check when the workflow sets no minimum or the attempt has no answer to judge. */
export function checkEscalation(workflow: Workflow, run: AgentRun): GuardrailCheck[] {
  const min = workflow.escalation?.min_confidence
  const answer = run.answer
  if (min === undefined || !answer) return []
  const { confidence } = answer
  if (confidence === undefined)
    return [{ check: CHECK, ok: true, detail: 'the answer gave no confidence: nothing to check' }]
  const rule = `escalation.min_confidence ${min}`
  if (confidence >= min) return [{ check: CHECK, ok: true, detail: `confidence ${confidence}, at or above ${rule}` }]
  // A takeover by a human is the escalation, whichever field says so.
  if (answer.escalated === true || answer.fallback === 'human') {
    return [{ check: CHECK, ok: true, detail: `confidence ${confidence}, below ${rule}, and escalated` }]
  }
  return [
    { check: CHECK, ok: false, detail: `answered with confidence ${confidence}, below ${rule}, without escalating` }
  ]
}
