import { countStatuses, errorRate, sumKnownCosts } from '../gate/counts.js'
import { compareTasks, decideGate } from '../gate/decide.js'
import type { BaselineSnapshot } from '../gate/decide.js'
import { withoutDilution, withRemovedWorkflows } from '../gate/gate-changes.js'
import { erroredAttempts, isFlaky } from '../gate/task-attempts.js'
import { RISKS, TIERS } from '../model/types.js'
import type { GateChanges, Report, RunAttempts, TaskResult } from '../model/types.js'
import { failureModes } from './failure-modes.js'

export interface BuildReportArgs {
  tasks: TaskResult[]
  gate: Report['gate']
  workflows: Report['workflows']
  /** `--repeat K`: a fixed K attempts per task. Absent: attempts were adaptive. */
  repeat?: number
  /** What the runner knows of its rounds (a merge: of all its shards'). */
  rounds?: Partial<Pick<RunAttempts, 'rounds' | 'extra_cost_usd' | 'stopped_by'>>
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
  const attempts = runAttempts(tasks, args)
  const how = { mode: attempts.mode, ...(attempts.stopped_by ? { stopped_by: attempts.stopped_by } : {}) }
  const decided = decideGate({ tasks, gate: args.gate, baseline: args.baseline, attempts: how })
  const gate = withRemovedWorkflows(withoutDilution(decided, tasks, args.gate, args.gateChanges, how), args.gateChanges)
  const reasons = [...gate.reasons]
  if (attempts.stopped_by) reasons.push(`${attempts.stopped_by}: the tiers were decided on the attempts that ran`)
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
    ...(args.repeat !== undefined ? { repeat: args.repeat } : {}),
    attempts,
    ...(args.shard ? { shard: args.shard } : {}),
    workflows: args.workflows,
    tiers: gate.tiers,
    totals: computeTotals(tasks, args.costUnknownModels),
    failure_modes: failureModes(tasks),
    flaky_tasks: flakyTasks(tasks),
    ...(gate.baseline ? { baseline: gate.baseline } : {}),
    tasks,
    gate: args.gate,
    ...(args.gateChanges ? { gate_changes: args.gateChanges } : {})
  }
}

export function runAttempts(
  tasks: readonly TaskResult[],
  args: Pick<BuildReportArgs, 'repeat' | 'rounds'>
): RunAttempts {
  let total = 0
  let extra = 0
  let most = 0
  for (const task of tasks) {
    total += task.attempts.total
    extra += Math.max(0, task.attempts.total - 1)
    most = Math.max(most, task.attempts.total)
  }
  const stoppedBy = args.rounds?.stopped_by
  return {
    mode: args.repeat !== undefined ? 'fixed' : 'adaptive',
    rounds: args.rounds?.rounds ?? most,
    total,
    extra,
    extra_cost_usd: args.rounds?.extra_cost_usd !== undefined ? args.rounds.extra_cost_usd : extra === 0 ? 0 : null,
    ...(stoppedBy ? { stopped_by: stoppedBy } : {})
  }
}

/** Tasks with mixed outcomes, T1 and high risk first. */
export function flakyTasks(tasks: readonly TaskResult[]): string[] {
  const several = new Set(tasks.map((t) => t.workflow)).size > 1
  return tasks
    .filter((t) => isFlaky(t.attempts))
    .sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk))
    .map((t) => (several ? `${t.workflow}/${t.id}` : t.id))
}

function computeTotals(tasks: TaskResult[], costUnknownModels: string[] | undefined): Report['totals'] {
  const counts = countStatuses(tasks)
  const cost = sumKnownCosts(tasks)
  let duration = 0
  let modelCalls = 0
  let toolCalls = 0
  let attempts = 0
  let errored = 0
  const tokens = { input: 0, output: 0 }
  for (const task of tasks) {
    duration += task.duration_ms
    modelCalls += task.model_calls
    toolCalls += task.tool_calls
    tokens.input += task.tokens.input
    tokens.output += task.tokens.output
    attempts += task.attempts.total
    errored += erroredAttempts(task)
  }
  return {
    tasks: counts.total,
    passed: counts.passed,
    failed: counts.failed,
    errored: counts.errored,
    not_run: counts.not_run,
    // Over attempts: with one attempt per task, the share of the tasks that ran that errored.
    error_rate: attempts > 0 ? errored / attempts : errorRate(counts),
    duration_ms: duration,
    model_calls: modelCalls,
    tool_calls: toolCalls,
    tokens,
    cost_usd: cost,
    cost_per_success_usd: cost !== null && counts.passed > 0 ? cost / counts.passed : null,
    ...(costUnknownModels && costUnknownModels.length > 0 ? { cost_unknown_models: costUnknownModels } : {})
  }
}
