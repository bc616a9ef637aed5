import { countStatuses, errorRate, sumKnownCosts } from '../gate/counts.js'
import { compareTasks, type GateDecision } from '../gate/decide.js'
import { costFigures, runGrossMargin } from '../gate/economics.js'
import { erroredAttempts, isFlaky } from '../gate/task-attempts.js'
import { RISKS, TIERS } from '../model/types.js'
import type { DrillReport, GateChanges, Readiness, Report, RunAttempts, TaskResult, Versions } from '../model/types.js'
import { failureModes } from './failure-modes.js'
import { incidentResults, type IncidentDefinition } from './incidents.js'

export interface BuildReportArgs {
  tasks: TaskResult[]
  gate: Report['gate']
  /** The decide step's answer for these tasks (src/gate/decide-run.ts). */
  decided: GateDecision
  /** How the attempts were spent (src/gate/run-attempts.ts). */
  attempts: RunAttempts
  workflows: Report['workflows']
  /** `--repeat K`: a fixed K attempts per task. Absent: attempts were adaptive. */
  repeat?: number
  commit?: string
  shard?: Report['shard']
  createdAt?: Date
  /** Models without a price, so that a `null` cost can say why; the caller knows the pricing table. */
  costUnknownModels?: string[]
  /** What the PR changed about its gate, when the run had a base commit. */
  gateChanges?: GateChanges
  /** The kill-switch drill, when a workflow declares a kill switch. */
  drill?: DrillReport
  /** The files that define each workflow's agent (src/run/versions.ts). */
  versions?: Versions
  /** The workflows' incidents.yml entries; their tasks' statuses come from `tasks`. */
  incidents?: readonly IncidentDefinition[]
  /** The readiness checklist (src/readiness). */
  readiness?: Readiness
}

/** The report step: graded tasks and their decision as report.json holds them. */
export function buildReport(args: BuildReportArgs): Report {
  const tasks = [...args.tasks].sort(compareTasks)
  const { decided, attempts } = args
  return {
    version: 1,
    decision: decided.decision,
    reasons: decided.reasons,
    ...(args.commit ? { commit: args.commit } : {}),
    created_at: (args.createdAt ?? new Date()).toISOString(),
    ...(args.repeat !== undefined ? { repeat: args.repeat } : {}),
    attempts,
    ...(args.shard ? { shard: args.shard } : {}),
    workflows: args.workflows,
    tiers: decided.tiers,
    totals: computeTotals(tasks, args.costUnknownModels, decided),
    failure_modes: failureModes(tasks),
    flaky_tasks: flakyTasks(tasks),
    ...(decided.baseline ? { baseline: decided.baseline } : {}),
    ...(decided.economics ? { economics: decided.economics } : {}),
    tasks,
    gate: args.gate,
    ...(args.gateChanges ? { gate_changes: args.gateChanges } : {}),
    ...(args.drill ? { drill: args.drill } : {}),
    ...(args.versions ? { versions: args.versions } : {}),
    ...(args.incidents && args.incidents.length > 0 ? { incidents: incidentResults(args.incidents, tasks) } : {}),
    ...(args.readiness ? { readiness: args.readiness } : {})
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

function computeTotals(
  tasks: TaskResult[],
  costUnknownModels: string[] | undefined,
  { economics, tiers }: GateDecision
): Report['totals'] {
  const counts = countStatuses(tasks)
  const cost = sumKnownCosts(tasks)
  const margin = economics ? runGrossMargin(economics, [...new Set(tasks.map((t) => t.workflow))]) : undefined
  const ruled = economics !== undefined || tiers.some((t) => t.cost_limit)
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
    ...(costUnknownModels && costUnknownModels.length > 0 ? { cost_unknown_models: costUnknownModels } : {}),
    ...(ruled ? { cost_per_passed_attempt_usd: costFigures(tasks).per_attempt } : {}),
    ...(margin !== undefined ? { gross_margin: margin } : {})
  }
}
