import pLimit from 'p-limit'
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import type { Budgets, GoldenTask, ModelPrice, Workflow } from '../model/types.js'
import { ToolSandbox } from '../sandbox/index.js'
import { runAgent } from '../agents/index.js'
import { gradeAttempt, type JudgeVerdict } from '../grade/index.js'
import { createLlmRuntime, type LlmOptions, type LlmRuntime } from '../llm/index.js'
import { TraceWriter } from './trace-writer.js'
import { attemptCost, summarizeAttempt, summarizeTask, type AttemptSummary } from './aggregate.js'
import { buildTrace } from './trace.js'
import { createRedactor } from '../redact/redactor.js'

export interface RunTasksOptions {
  workflows: Workflow[]
  tasks: GoldenTask[]
  budgets: Budgets
  pricing: Record<string, ModelPrice>
  outDir: string
  concurrency: number
  repeat: number
  llm?: Pick<LlmOptions, 'apiKey' | 'baseUrl' | 'cacheDir'>
  onAttempt?: (status: string) => void
  /** Extra fields of a task's trace lines (e.g. `form: 'pr'` for the PR form of a changed task). */
  traceFields?: (task: GoldenTask) => Record<string, unknown> | undefined
}

export interface RunTasksResult {
  results: ReturnType<typeof summarizeTask>[]
  tracesPath: string
  /** Set when max_cost_usd stopped the run before every task started. */
  stoppedBy?: string
  /** Models called without a known price: their cost is unknown. */
  unpricedModels: string[]
}

/**
 * Runs every attempt of every task through the agent, grades it and streams its trace to disk.
 * Only a small summary of each attempt stays in memory.
 */
export async function runTasks(opts: RunTasksOptions): Promise<RunTasksResult> {
  await mkdir(opts.outDir, { recursive: true })
  const tracesPath = join(opts.outDir, 'traces.jsonl')
  const traces = new TraceWriter(tracesPath)
  const sandbox = await ToolSandbox.start()
  const workflows = new Map(opts.workflows.map((w) => [w.name, w]))
  const redactors = new Map(opts.workflows.map((w) => [w.name, createRedactor(w.data_governance?.redact)]))
  const runtimes = createRuntimes(opts)
  const attempts: AttemptSummary[][] = opts.tasks.map(() => [])
  const limit = pLimit(Math.max(1, opts.concurrency))
  const maxCost = opts.budgets.max_cost_usd
  let spent = 0
  let stoppedBy: string | undefined
  const unpriced = new Set<string>()

  const runOne = async (taskIndex: number) => {
    if (maxCost !== undefined && spent >= maxCost) {
      stoppedBy = `max_cost_usd ${maxCost} USD reached after spending ${spent.toFixed(4)} USD`
      return
    }
    const task = opts.tasks[taskIndex]
    const workflow = workflows.get(task.workflow)!
    const llm = runtimes.get(task.workflow)
    const session = sandbox.open(task, workflow)
    const timeoutMs = opts.budgets.task_timeout_s * 1000
    try {
      const run = await runAgent({ task, workflow, session, timeoutMs, llm })
      let verdict: JudgeVerdict | undefined
      if (task.expected.judge !== undefined && llm && !run.infra_error && !run.agent_error) {
        const judged = await llm.judge(task, run, AbortSignal.timeout(timeoutMs))
        run.model_calls.push(...judged.calls)
        verdict = judged.verdict
      }
      spent += attemptCost(run)
      for (const call of run.model_calls) if (call.cost_usd === null) unpriced.add(call.model)
      const redact = redactors.get(task.workflow)!
      const graded = redact.value(gradeAttempt(task, workflow, run, verdict))
      attempts[taskIndex].push(summarizeAttempt(run, graded))
      const trace = buildTrace(task, attempts[taskIndex].length - 1, opts.repeat, run, graded)
      await traces.write(redact.value({ ...trace, ...opts.traceFields?.(task) }))
      opts.onAttempt?.(graded.status)
    } finally {
      session.close()
    }
  }

  try {
    const jobs: Promise<void>[] = []
    opts.tasks.forEach((_, i) => {
      for (let k = 0; k < opts.repeat; k++) jobs.push(limit(() => runOne(i)))
    })
    await Promise.all(jobs)
  } finally {
    await sandbox.stop()
    await traces.close()
  }

  const results = opts.tasks.map((task, i) => summarizeTask(task, attempts[i], opts.repeat, stoppedBy))
  return { results, tracesPath, unpricedModels: [...unpriced].sort(), ...(stoppedBy ? { stoppedBy } : {}) }
}

/** One model runtime per workflow that needs one (an openai agent or a judged task), so clients are shared. */
function createRuntimes(opts: RunTasksOptions): Map<string, LlmRuntime> {
  const judged = new Set(opts.tasks.filter((t) => t.expected.judge !== undefined).map((t) => t.workflow))
  const runtimes = new Map<string, LlmRuntime>()
  for (const workflow of opts.workflows) {
    if (workflow.agent.type !== 'openai' && !judged.has(workflow.name)) continue
    runtimes.set(
      workflow.name,
      createLlmRuntime(workflow, {
        budgets: opts.budgets,
        pricing: opts.pricing,
        apiKey: opts.llm?.apiKey,
        baseUrl: opts.llm?.baseUrl,
        // A cache would make K attempts one: it is off with --repeat.
        cacheDir: opts.repeat > 1 ? undefined : opts.llm?.cacheDir
      })
    )
  }
  return runtimes
}
