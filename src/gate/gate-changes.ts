import type { GateChanges, Report, TaskResult } from '../model/types.js'
import { decideGate, type GateDecision, type GateInput } from './decide.js'
import { percent, plural, thresholdPercent } from './format.js'

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

/**
 * Tasks a PR adds count, but they must not lift its own gate: a tier that passes only with them
 * (twenty easy tasks diluting four failures) fails. Each tier is decided with and without the
 * added tasks and the stricter result holds; a tier with no task from before is judged as it is.
 */
export function withoutDilution(
  gate: GateDecision,
  tasks: TaskResult[],
  rules: Report['gate'],
  changes: GateChanges | undefined,
  attempts?: GateInput['attempts']
): GateDecision {
  const added = new Set((changes?.tasks.added ?? []).map((t) => `${t.workflow}/${t.id}`))
  if (added.size === 0) return gate
  const before = tasks.filter((t) => !added.has(`${t.workflow}/${t.id}`))
  if (before.length === 0) return gate
  const without = decideGate({ tasks: before, gate: rules, attempts })
  const several = new Set(tasks.map((t) => t.workflow)).size > 1
  const lines: string[] = []
  const tiers = gate.tiers.map((tier) => {
    const earlier = without.tiers.find((t) => t.workflow === tier.workflow && t.tier === tier.tier)
    if (!tier.gated || !tier.ok || !earlier || earlier.ok) return tier
    const label = `${several ? `${tier.workflow} ` : ''}${tier.tier}`
    const count = tier.total - earlier.total
    lines.push(
      `${label}: without the ${plural(count, 'task')} this PR adds, ${percent(earlier.success_rate)} ` +
        `(${earlier.passed}/${earlier.total}) does not meet the rule — fail (tasks a PR adds cannot lift its own gate)`
    )
    return { ...tier, ok: false }
  })
  const economics = gate.economics?.map((now) => {
    const earlier = without.economics?.find((e) => e.workflow === now.workflow)
    if (!now.ok || !earlier || earlier.ok) return now
    const margin = earlier.gross_margin === null ? 'no gross margin' : `gross margin ${percent(earlier.gross_margin)}`
    lines.push(
      `${now.workflow}: without the tasks this PR adds, ${margin} does not meet min_gross_margin ` +
        `${thresholdPercent(now.min_gross_margin!)} — fail (tasks a PR adds cannot lift its own gate)`
    )
    return { ...now, ok: false }
  })
  if (lines.length === 0) return gate
  return {
    ...gate,
    tiers,
    ...(economics ? { economics } : {}),
    decision: gate.decision === 'error' ? 'error' : 'fail',
    reasons: [...lines, ...gate.reasons]
  }
}
