import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import type { LoadedTask } from '../load/task-schema.js'
import type { AgentRun, Budgets, ModelPrice, TaskResult, TraceLine, Workflow } from '../model/types.js'
import { ToolSandbox } from '../sandbox/index.js'
import { AgentRunScope, runAgent } from '../agents/index.js'
import { agentModel } from '../agents/model-access.js'
import { agentTypeOf } from '../agents/registry.js'
import type { JudgeVerdict } from '../model/judge-verdict.js'
import type { GraderVerdict } from '../model/grader-verdict.js'
import type { KillSwitch } from '../model/workflow.js'
import type { GradedAttempt } from '../model/types.js'
import { createLlmRuntime, type LlmOptions, type LlmRuntime } from '../llm/index.js'
import { TraceWriter } from './trace-writer.js'
import { addAttempt, attemptCost, newTally, summarizeAttempt, summarizeTask, type TaskTally } from './aggregate.js'
import { buildTrace } from './trace.js'
import { backendFailedRun, startAttemptBackend, withBackendState, type ReplayCache } from './attempt-backend.js'
import { runGrader } from './grader.js'
import { workflowRedactor } from '../redact/redactor.js'
import { PARTIAL_TRACES } from '../report/outputs.js'
import { append } from '../util/append.js'
import { wallClock } from '../util/wall-clock.js'
import { forEachInPool } from '../util/worker-pool.js'

/**
 * After each round, the tasks (indices into `tasks`) to run once more; none ends the run.
 * Round 1 runs every task.
 */
export type NextRound = (results: TaskResult[], roundsDone: number) => readonly number[]

/** Grades one attempt of a task (the grade step, given by the caller: src/grade's gradeAttempt). */
export type GradeAttempt = (
  task: LoadedTask,
  workflow: Workflow,
  run: AgentRun,
  verdict: JudgeVerdict | undefined,
  grader?: GraderVerdict
) => GradedAttempt

export interface RunTasksOptions {
  workflows: Workflow[]
  tasks: LoadedTask[]
  grade: GradeAttempt
  budgets: Budgets
  pricing: Record<string, ModelPrice>
  outDir: string
  concurrency: number
  nextRound: NextRound
  llm?: Pick<LlmOptions, 'apiKey' | 'baseUrl' | 'cacheDir'>
  onAttempt?: (status: string) => void
  /** Called when a round starts, with the attempts it will run. */
  onRound?: (round: number, attempts: number) => void
  /** Extra fields of a task's trace lines (e.g. `form: 'pr'` for the PR form of a changed task). */
  traceFields?: (task: LoadedTask) => Pick<TraceLine, 'form'> | undefined
  /** The kill switch to turn on for a task's attempts (a drill task's), if any. */
  killSwitch?: (task: LoadedTask) => KillSwitch | undefined
}

export interface RunTasksResult {
  results: TaskResult[]
  /** traces.jsonl.partial: the caller renames it once the run is complete. */
  tracesPath: string
  rounds: number
  /** Known cost of the attempts beyond each task's first. */
  extraCostUsd: number | null
  /** Set when max_cost_usd stopped the run before every planned attempt started. */
  stoppedBy?: string
  /** Models called without a known price: their cost is unknown. */
  unpricedModels: string[]
}

/**
 * Runs the tasks in rounds through the agent, grades every attempt and streams its trace to
 * disk. Round 1 runs every task once; `nextRound` picks the tasks of each further round. Only
 * counters per task stay in memory.
 */
export async function runTasks(opts: RunTasksOptions): Promise<RunTasksResult> {
  await mkdir(opts.outDir, { recursive: true })
  const tracesPath = join(opts.outDir, PARTIAL_TRACES)
  const traces = new TraceWriter(tracesPath)
  const sandbox = await ToolSandbox.start()
  // Lives as long as the run: persistent command agents' processes.
  const scope = new AgentRunScope()
  const workflows = new Map(opts.workflows.map((w) => [w.name, w]))
  const redactors = new Map(opts.workflows.map((w) => [w.name, workflowRedactor(w)]))
  // One cache key space per attempt number: a later attempt is never a replay of the first.
  const runtimesByAttempt = new Map<number, Map<string, LlmRuntime>>()
  const runtimesFor = (attempt: number) => {
    const key = opts.llm?.cacheDir ? attempt : 0
    let runtimes = runtimesByAttempt.get(key)
    if (!runtimes)
      runtimesByAttempt.set(key, (runtimes = createRuntimes(opts, key > 0 ? `attempt ${key + 1}` : undefined)))
    return runtimes
  }
  const tallies = opts.tasks.map(() => newTally())
  const maxCost = opts.budgets.max_cost_usd
  let spent = 0
  let stoppedBy: string | undefined
  const unpriced = new Set<string>()
  const replays: ReplayCache = new Map()

  const runOne = async (taskIndex: number) => {
    if (maxCost !== undefined && spent >= maxCost) {
      stoppedBy = `max_cost_usd ${maxCost} USD reached after spending ${spent.toFixed(4)} USD`
      return
    }
    const task = opts.tasks[taskIndex]
    const tally = tallies[taskIndex]
    const workflow = workflows.get(task.workflow)!
    const llm = runtimesFor(tally.total).get(task.workflow)
    const startedAt = wallClock()
    const backend = await startAttemptBackend(task, workflow)
    const session = sandbox.open(task, workflow, opts.budgets.max_tool_calls_per_task, backend)
    const timeoutMs = opts.budgets.task_timeout_s * 1000
    try {
      const killSwitch = opts.killSwitch?.(task)
      let run = backend?.failure
        ? backendFailedRun(backend.failure)
        : await runAgent({ task, workflow, session, timeoutMs, llm, scope, ...(killSwitch ? { killSwitch } : {}) })
      if (backend) run = await withBackendState(run, backend, task, workflow, replays)
      let verdict: JudgeVerdict | undefined
      if (task.expected.judge !== undefined && llm && !run.infra_error && !run.agent_error) {
        const judged = await llm.judge(task, run, AbortSignal.timeout(timeoutMs))
        append(run.model_calls, judged.calls)
        verdict = judged.verdict
      }
      const redact = redactors.get(task.workflow)!
      // A drill attempt is graded by the drill alone.
      const gradable = run.infra_error === undefined && run.agent_error === undefined && !killSwitch
      const grader = task.expected.grader && gradable ? await runGrader(task, workflow, run, redact) : undefined
      spent += attemptCost(run)
      for (const call of run.model_calls) if (call.cost_usd === null) unpriced.add(call.model)
      const graded = redact.value(opts.grade(task, workflow, run, verdict, grader))
      const attemptNo = tally.total
      addAttempt(tally, summarizeAttempt(run, graded))
      const trace = buildTrace(task, attemptNo, run, graded, startedAt)
      await traces.write(redact.value({ ...trace, ...opts.traceFields?.(task) }))
      opts.onAttempt?.(graded.status)
    } finally {
      session.close()
      backend?.end()
    }
  }

  const summarize = () => opts.tasks.map((task, i) => summarizeTask(task, tallies[i], stoppedBy))
  // The summary the last round was decided on is the run's result when no round follows: made
  // again, it would be a second set of task results (some 300 bytes a task) for the collector.
  let summary: TaskResult[] | undefined
  let rounds = 0
  try {
    let picked: readonly number[] = opts.tasks.map((_, i) => i)
    while (picked.length > 0 && !stoppedBy) {
      rounds++
      opts.onRound?.(rounds, picked.length)
      summary = undefined
      await forEachInPool(picked, opts.concurrency, runOne)
      if (stoppedBy) break
      summary = summarize()
      picked = slowestFirst(opts.nextRound(summary, rounds), tallies)
    }
  } finally {
    await scope.end()
    await sandbox.stop()
    await traces.close()
  }

  const unknownExtra = tallies.some((t) => t.total > 1 && t.cost_usd === null)
  return {
    results: summary ?? summarize(),
    tracesPath,
    rounds,
    extraCostUsd: unknownExtra ? null : tallies.reduce((sum, t) => sum + t.extra_cost_usd, 0),
    unpricedModels: [...unpriced].sort(),
    ...(stoppedBy ? { stoppedBy } : {})
  }
}

/** One model runtime per workflow that needs one (an agent that calls a model, or a judged task), so clients are shared. */
function createRuntimes(opts: RunTasksOptions, cacheSalt: string | undefined): Map<string, LlmRuntime> {
  const judged = new Set(opts.tasks.filter((t) => t.expected.judge !== undefined).map((t) => t.workflow))
  const runtimes = new Map<string, LlmRuntime>()
  for (const workflow of opts.workflows) {
    if (!agentModel(workflow.agent) && !judged.has(workflow.name)) continue
    runtimes.set(
      workflow.name,
      createLlmRuntime(workflow, {
        budgets: opts.budgets,
        pricing: opts.pricing,
        apiKey: opts.llm?.apiKey,
        baseUrl: opts.llm?.baseUrl,
        cacheDir: opts.llm?.cacheDir,
        // Any team code in the job (an agent's, a custom grader's) could write the shared cache folder.
        judgeCache:
          opts.workflows.every((w) => !agentTypeOf(w.agent).runsTeamCode) &&
          opts.tasks.every((t) => t.expected.grader === undefined),
        ...(cacheSalt ? { cacheSalt } : {})
      })
    )
  }
  return runtimes
}

/**
 * A further round starts the tasks that took longest so far first: a slow task started last
 * would otherwise be the round's tail, with every other worker idle.
 */
function slowestFirst(picked: readonly number[], tallies: readonly TaskTally[]): number[] {
  const meanMs = (i: number) => (tallies[i].total === 0 ? 0 : tallies[i].duration_ms / tallies[i].total)
  return [...picked].sort((a, b) => meanMs(b) - meanMs(a) || a - b)
}
