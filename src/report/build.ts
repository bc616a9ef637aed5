import { countStatuses, errorRate, sumKnownCosts } from '../gate/counts.js'
import { compareTasks, decideGate } from '../gate/decide.js'
import type { BaselineSnapshot } from '../gate/decide.js'
import { withoutDilution, withRemovedWorkflows } from '../gate/gate-changes.js'
import type { GateChanges, Report, TaskResult } from '../model/types.js'
import { failureModes } from './failure-modes.js'

export interface BuildReportArgs {
  tasks: TaskResult[]
  gate: Report['gate']
  workflows: Report['workflows']
  repeat: number
  commit?: string
  shard?: Report['shard']
  baseline?: BaselineSnapshot
  createdAt?: Date
  /** Models without a price, so that a `null` cost can say why; the caller knows the pricing table. */
  costUnknownModels?: string[]
  /** What the PR changed about its gate, when the run had a base commit. */
  gateChanges?: GateChanges
}

export function buildReport(args: BuildReportArgs): Report {
  const tasks = [...args.tasks].sort(compareTasks)
  const decided = decideGate({ tasks, gate: args.gate, baseline: args.baseline })
  const gate = withRemovedWorkflows(withoutDilution(decided, tasks, args.gate, args.gateChanges), args.gateChanges)
  const reasons = [...gate.reasons]
  if (args.shard) {
    const { index, count, set_size } = args.shard
    reasons.push(
      `shard ${index + 1}/${count}: this report covers ${tasks.length} of ${set_size} tasks; merge all shards to decide the gate`
    )
  }
  return {
    version: 1,
    decision: gate.decision,
    reasons,
    ...(args.commit ? { commit: args.commit } : {}),
    created_at: (args.createdAt ?? new Date()).toISOString(),
    repeat: args.repeat,
    ...(args.shard ? { shard: args.shard } : {}),
    workflows: args.workflows,
    tiers: gate.tiers,
    totals: computeTotals(tasks, args.costUnknownModels),
    failure_modes: failureModes(tasks),
    ...(gate.baseline ? { baseline: gate.baseline } : {}),
    tasks,
    gate: args.gate,
    ...(args.gateChanges ? { gate_changes: args.gateChanges } : {})
  }
}

function computeTotals(tasks: TaskResult[], costUnknownModels: string[] | undefined): Report['totals'] {
  const counts = countStatuses(tasks)
  const cost = sumKnownCosts(tasks)
  let duration = 0
  let modelCalls = 0
  let toolCalls = 0
  const tokens = { input: 0, output: 0 }
  for (const task of tasks) {
    duration += task.duration_ms
    modelCalls += task.model_calls
    toolCalls += task.tool_calls
    tokens.input += task.tokens.input
    tokens.output += task.tokens.output
  }
  return {
    tasks: counts.total,
    passed: counts.passed,
    failed: counts.failed,
    errored: counts.errored,
    not_run: counts.not_run,
    error_rate: errorRate(counts),
    duration_ms: duration,
    model_calls: modelCalls,
    tool_calls: toolCalls,
    tokens,
    cost_usd: cost,
    cost_per_success_usd: cost !== null && counts.passed > 0 ? cost / counts.passed : null,
    ...(costUnknownModels && costUnknownModels.length > 0 ? { cost_unknown_models: costUnknownModels } : {})
  }
}
