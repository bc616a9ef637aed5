import type { GoldenTask, Report, Thresholds } from '../model/types.js'
import type { CommitSource } from '../base/source.js'
import { InputError, type Problem } from '../load/problems.js'
import { findRepoRoot, loadProject, parseFilter, type LoadedProject } from '../load/index.js'
import { missingApiKey } from '../llm/index.js'
import { loadBaseline } from '../gate/baseline.js'
import { buildReport } from '../report/build.js'
import { writeReportFiles } from '../report/write.js'
import { parseShard, shardTasks, taskSetHash } from '../report/shard.js'
import { runTasks } from './runner.js'
import { workflowInfo } from './workflow-info.js'
import { createProgress } from './progress.js'
import { asLoaded, asOnBaseCommit, withPrForms } from './gate-inputs.js'

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
  /** Model access for openai agents and the judge. */
  openaiApiKey?: string
  openaiBaseUrl?: string
  cacheDir?: string
  /** When given, the run is judged as on this base commit (PRODUCT.md section 6). */
  base?: CommitSource
  /** The repository root, which the files the manifests name must not leave (default: see LoadOptions.repoRoot). */
  repoRoot?: string
}

export interface EvaluateResult {
  report: Report
  /** The rules this run was decided by: with a base, each the stricter of base and PR. */
  thresholds: Thresholds
  paths: { report: string; summary: string; traces: string; junit: string; html: string }
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
    workflow: opts.workflow,
    repoRoot: opts.repoRoot
  })
  if (project.problems.length) throw new InputError(project.problems)
  const judged = opts.base
    ? await asOnBaseCommit(project, {
        base: opts.base,
        repoRoot: opts.repoRoot ?? findRepoRoot(),
        tasksDir: opts.tasksDir,
        thresholdsFile: opts.thresholdsFile,
        workflow: opts.workflow
      })
    : asLoaded(project)
  const baseline = opts.baselineFile ? await loadBaseline(opts.baselineFile) : undefined

  const selected = judged.counted.filter(matches)
  if (selected.length === 0)
    throw new InputError(
      `no golden tasks found in ${opts.tasksDir}${opts.filter ? ` matching --filter ${opts.filter}` : ''}`
    )
  const tasks = shard ? shardTasks(selected, shard.index, shard.count) : selected
  // A changed task's PR form runs where its base form runs.
  const running = new Set(tasks.map(taskKey))
  const prForms = judged.prForms.filter((t) => running.has(taskKey(t)))
  const keyProblems = missingKeys(judged, [...tasks, ...prForms], opts)
  if (keyProblems.length) throw new InputError(keyProblems)

  const progress = opts.progress ? createProgress((tasks.length + prForms.length) * opts.repeat) : undefined
  const { thresholds } = judged
  const prForm = new Set(prForms)
  const run = await runTasks({
    workflows: judged.workflows,
    tasks: [...tasks, ...prForms],
    budgets: thresholds.budgets,
    pricing: thresholds.pricing,
    llm: { apiKey: opts.openaiApiKey, baseUrl: opts.openaiBaseUrl, cacheDir: opts.cacheDir },
    outDir: opts.outDir,
    concurrency: opts.concurrency,
    repeat: opts.repeat,
    onAttempt: progress ? (status) => progress.tick(status) : undefined,
    traceFields: prForm.size > 0 ? (task) => (prForm.has(task) ? { form: 'pr' } : undefined) : undefined
  })
  progress?.done()

  const counted = run.results.slice(0, tasks.length)
  const report = buildReport({
    tasks: counted,
    gate: {
      rules: thresholds.rules,
      workflows: thresholds.workflows,
      max_error_rate: thresholds.budgets.max_error_rate
    },
    workflows: judged.workflows.map((w) => workflowInfo(w, tasks.filter((t) => t.workflow === w.name).length)),
    repeat: opts.repeat,
    commit: opts.commit,
    costUnknownModels: run.unpricedModels,
    shard: shard ? { ...shard, set_hash: taskSetHash(selected), set_size: selected.length } : undefined,
    baseline,
    gateChanges: judged.changes && withPrForms(judged.changes, run.results.slice(tasks.length))
  })
  const written = await writeReportFiles(opts.outDir, report, run.tracesPath)
  const paths = {
    report: written.reportPath,
    summary: written.summaryPath,
    traces: run.tracesPath,
    junit: written.junitPath,
    html: written.htmlPath
  }
  return { report, thresholds, paths }
}

function taskKey(task: GoldenTask): string {
  return `${task.workflow}/${task.id}`
}

/** Each workflow that needs a model key it does not have, in plain words (fork PRs get no secrets). */
export function missingKeys(
  project: Pick<LoadedProject, 'workflows' | 'thresholds'>,
  tasks: GoldenTask[],
  opts: Pick<EvaluateOptions, 'openaiApiKey' | 'openaiBaseUrl'>
): Problem[] {
  const judged = new Set(tasks.filter((t) => t.expected.judge !== undefined).map((t) => t.workflow))
  const running = new Set(tasks.map((t) => t.workflow))
  const llm = {
    budgets: project.thresholds.budgets,
    pricing: project.thresholds.pricing,
    apiKey: opts.openaiApiKey,
    baseUrl: opts.openaiBaseUrl
  }
  return project.workflows.flatMap((w) => {
    const message = running.has(w.name) ? missingApiKey(w, llm, judged.has(w.name)) : undefined
    return message ? [{ file: w.source.file, message, severity: 'error' as const }] : []
  })
}
