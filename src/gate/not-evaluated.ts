// A run that leaves a gated tier without a task (a --filter, shards of a filtered run) cannot pass:
// a passing decision becomes `error` (undecided), and the decision says which tiers did not run.
import type { Decision, Report, Tier } from '../model/types.js'
import { TIERS } from '../model/types.js'
import { compareStrings } from './tier-groups.js'
import { tierSettings } from './tier-settings.js'

export interface TierOfTask {
  workflow: string
  tier: Tier
}

/**
 * The gated tiers (a threshold, for a workflow the run has tasks of) of which the golden set has
 * tasks and the run none, as one reason line; `cause` says why, of "it" or "them". None when
 * every gated tier ran.
 */
export function notEvaluatedReasons(
  golden: readonly TierOfTask[],
  ran: readonly TierOfTask[],
  gate: Report['gate'],
  cause: (them: 'it' | 'them') => string
): string[] {
  const present = new Set(ran.map((t) => t.workflow))
  const evaluated = new Set(ran.map(key))
  const missing = new Map<string, TierOfTask>()
  for (const t of golden)
    if (present.has(t.workflow) && !evaluated.has(key(t)) && tierSettings(gate, t.workflow, t.tier).rule)
      missing.set(key(t), { workflow: t.workflow, tier: t.tier })
  if (missing.size === 0) return []
  const order = (a: TierOfTask, b: TierOfTask) =>
    compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)
  const several = present.size > 1
  const labels = [...missing.values()].sort(order).map((t) => (several ? `${t.workflow} ${t.tier}` : t.tier))
  const one = labels.length === 1
  return [
    `${labels.join(', ')} ${one ? 'is' : 'are'} gated but ${one ? 'was' : 'were'} not evaluated: ` +
      `${cause(one ? 'it' : 'them')} — the run cannot pass`
  ]
}

/**
 * The decision with the reasons it cannot pass for, first: `pass` becomes `error` (the gate is
 * undecided); `fail` and `error` stay. As it is when there are none.
 */
export function failClosed<D extends { decision: Decision; reasons: string[] }>(decided: D, reasons: string[]): D {
  if (reasons.length === 0) return decided
  const decision = decided.decision === 'pass' ? 'error' : decided.decision
  return { ...decided, decision, reasons: [...reasons, ...decided.reasons] }
}

function key(t: TierOfTask): string {
  return `${t.workflow}\u0000${t.tier}`
}
