import type { GateChanges } from '../model/types.js'
import type { GateDecision } from './decide.js'

/**
 * A workflow the PR removed has golden tasks that can no longer run: the gate fails (an
 * approver may override), whatever the tiers of the workflows that did run.
 */
export function withRemovedWorkflows(gate: GateDecision, changes: GateChanges | undefined): GateDecision {
  const lines = (changes?.workflows.removed ?? []).map(
    (name) =>
      `workflow ${name} was removed in this PR; its golden tasks cannot run without it — an approver may override`
  )
  if (lines.length === 0) return gate
  return { ...gate, decision: gate.decision === 'error' ? 'error' : 'fail', reasons: [...lines, ...gate.reasons] }
}
