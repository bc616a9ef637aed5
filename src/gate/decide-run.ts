import type { GateChanges, Report, RunAttempts, TaskResult, Versions } from '../model/types.js'
import { compareTasks, decideGate, type BaselineSnapshot, type GateDecision } from './decide.js'
import { withoutDilution, withRemovedWorkflows } from './gate-changes.js'
import { withVersionRule } from './versions.js'

export interface RunDecisionInput {
  tasks: readonly TaskResult[]
  gate: Report['gate']
  attempts: RunAttempts
  baseline?: BaselineSnapshot
  /** What the PR changed about its gate, when the run had a base commit. */
  gateChanges?: GateChanges
  shard?: Report['shard']
  /** The files of each workflow's agent against the baseline's: versioning.require_bump decides on them. */
  versions?: Versions
}

/**
 * The decide step of a run or a merge: every gated tier from the tasks' attempts, the tiers as
 * they would be without tasks the PR added, and why a partial run decides nothing alone.
 */
export function decideRun(input: RunDecisionInput): GateDecision {
  const tasks = [...input.tasks].sort(compareTasks)
  const { attempts, gateChanges } = input
  const how = { mode: attempts.mode, ...(attempts.stopped_by ? { stopped_by: attempts.stopped_by } : {}) }
  const decided = decideGate({ tasks, gate: input.gate, baseline: input.baseline, attempts: how })
  const gate = withVersionRule(
    withRemovedWorkflows(withoutDilution(decided, tasks, input.gate, gateChanges, how), gateChanges),
    input.versions
  )
  const reasons = [...gate.reasons]
  if (attempts.stopped_by) reasons.push(`${attempts.stopped_by}: the tiers were decided on the attempts that ran`)
  if (input.shard) {
    const { index, count, set_size } = input.shard
    reasons.push(
      `shard ${index + 1}/${count}: this report covers ${tasks.length} of ${set_size} tasks; merge all shards to decide the gate`
    )
  }
  return { ...gate, reasons }
}
