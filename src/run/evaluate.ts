import type { Report } from '../model/types.js'
import { InputError } from '../load/problems.js'
import { loadProject, parseFilter } from '../load/index.js'
import { loadBaseline } from '../gate/baseline.js'
import { buildReport } from '../report/build.js'
import { writeReportFiles } from '../report/write.js'
import { parseShard, shardTasks, taskSetHash } from '../report/shard.js'
import { runTasks } from './runner.js'
import { createProgress } from './progress.js'

export interface EvaluateOptions {
  tasksDir: string
  thresholdsFile: string
  outDir: string
  concurrency: number
  repeat: number
  shard?: string
  baselineFile?: string
  workflow?: string
  filter?: string
  commit?: string
  progress?: boolean
}

export interface EvaluateResult {
  report: Report
  paths: { report: string; summary: string; traces: string }
}

/** The whole gate: files -> validated model -> run -> graded results -> decision -> report files. */
export async function evaluate(opts: EvaluateOptions): Promise<EvaluateResult> {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1)
    throw new InputError('--concurrency must be a positive integer')
  if (!Number.isInteger(opts.repeat) || opts.repeat < 1) throw new InputError('--repeat must be a positive integer')
  const shard = opts.shard ? parseShard(opts.shard) : undefined
  const matches = opts.filter ? parseFilter(opts.filter) : () => true

  const project = await loadProject({
    tasksDir: opts.tasksDir,
    thresholdsFile: opts.thresholdsFile,
    workflow: opts.workflow
  })
  if (project.problems.length) throw new InputError(project.problems)
  const baseline = opts.baselineFile ? await loadBaseline(opts.baselineFile) : undefined

  const selected = project.tasks.filter(matches)
  if (selected.length === 0)
    throw new InputError(
      `no golden tasks found in ${opts.tasksDir}${opts.filter ? ` matching --filter ${opts.filter}` : ''}`
    )
  const tasks = shard ? shardTasks(selected, shard.index, shard.count) : selected

  const progress = opts.progress ? createProgress(tasks.length * opts.repeat) : undefined
  const { thresholds } = project
  const run = await runTasks({
    workflows: project.workflows,
    tasks,
    budgets: thresholds.budgets,
    outDir: opts.outDir,
    concurrency: opts.concurrency,
    repeat: opts.repeat,
    onAttempt: progress ? (status) => progress.tick(status) : undefined
  })
  progress?.done()

  const report = buildReport({
    tasks: run.results,
    gate: {
      rules: thresholds.rules,
      workflows: thresholds.workflows,
      max_error_rate: thresholds.budgets.max_error_rate
    },
    workflows: project.workflows.map((w) => ({
      name: w.name,
      ...(w.description ? { description: w.description } : {}),
      file: w.source.file,
      tasks: tasks.filter((t) => t.workflow === w.name).length
    })),
    repeat: opts.repeat,
    commit: opts.commit,
    shard: shard ? { ...shard, set_hash: taskSetHash(selected), set_size: selected.length } : undefined,
    baseline
  })
  if (run.costLimitReached) {
    report.reasons.unshift(`max_cost_usd ${thresholds.budgets.max_cost_usd} reached: the remaining tasks were not run`)
  }
  const written = await writeReportFiles(opts.outDir, report)
  return { report, paths: { report: written.reportPath, summary: written.summaryPath, traces: run.tracesPath } }
}
