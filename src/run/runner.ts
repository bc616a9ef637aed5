import pLimit from 'p-limit'
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import type { Budgets, GoldenTask, Workflow } from '../model/types.js'
import { ToolSandbox } from '../sandbox/index.js'
import { runAgent } from '../agents/index.js'
import { gradeAttempt } from '../grade/index.js'
import { TraceWriter } from './trace-writer.js'
import { attemptCost, summarizeTask, type Attempt } from './aggregate.js'
import { buildTrace } from './trace.js'

export interface RunTasksOptions {
  workflows: Workflow[]
  tasks: GoldenTask[]
  budgets: Budgets
  outDir: string
  concurrency: number
  repeat: number
  onAttempt?: (status: string) => void
}

export interface RunTasksResult {
  results: ReturnType<typeof summarizeTask>[]
  tracesPath: string
  costLimitReached: boolean
}

/**
 * Runs every attempt of every task through the agent, grades it and streams its trace to disk.
 * Only the small per-task summaries stay in memory.
 */
export async function runTasks(opts: RunTasksOptions): Promise<RunTasksResult> {
  await mkdir(opts.outDir, { recursive: true })
  const tracesPath = join(opts.outDir, 'traces.jsonl')
  const traces = new TraceWriter(tracesPath)
  const sandbox = await ToolSandbox.start()
  const byName = new Map(opts.workflows.map((w) => [w.name, w]))
  const attempts: Attempt[][] = opts.tasks.map(() => [])
  const limit = pLimit(Math.max(1, opts.concurrency))
  const maxCost = opts.budgets.max_cost_usd
  let spent = 0
  let costLimitReached = false

  const runOne = async (taskIndex: number, attemptNo: number) => {
    if (maxCost !== undefined && spent >= maxCost) {
      costLimitReached = true
      return
    }
    const task = opts.tasks[taskIndex]
    const workflow = byName.get(task.workflow)!
    const session = sandbox.open(task, workflow)
    try {
      const run = await runAgent({ task, workflow, session, timeoutMs: opts.budgets.task_timeout_s * 1000 })
      spent += attemptCost(run)
      const graded = gradeAttempt(task, workflow, run)
      attempts[taskIndex][attemptNo] = { run, graded }
      await traces.write(buildTrace(task, attemptNo, opts.repeat, run, graded))
      opts.onAttempt?.(graded.status)
    } finally {
      session.close()
    }
  }

  try {
    const jobs: Promise<void>[] = []
    opts.tasks.forEach((_, i) => {
      for (let k = 0; k < opts.repeat; k++) jobs.push(limit(() => runOne(i, k)))
    })
    await Promise.all(jobs)
  } finally {
    await sandbox.stop()
    await traces.close()
  }

  const results = opts.tasks.map((task, i) => summarizeTask(task, attempts[i].filter(Boolean), opts.repeat))
  return { results, tracesPath, costLimitReached }
}
