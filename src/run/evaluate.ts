import type { LoadedTask } from '../load/task-schema.js'
import type {
  DrillReport,
  GateChanges,
  Phase,
  Readiness,
  Report,
  RunAttempts,
  TaskResult,
  Thresholds,
  Versions
} from '../model/types.js'
import type { BaselineSnapshot } from '../gate/paired.js'
import { tasksForAnotherRound } from '../gate/next-round.js'
import { taskKey } from '../gate/task-attempts.js'
import { tierSettings } from '../gate/tier-settings.js'
import type { CommitSource } from '../model/commit-source.js'
import { InputError, type Problem } from '../util/problems.js'
import type { LoadedProject } from '../load/index.js'
import { parseFilter } from '../load/filter.js'
import { missingApiKey, registerWorkflowSecrets } from '../agents/model-access.js'
import { checkBaselineTiers } from '../gate/baseline.js'
import { failClosed, notEvaluatedReasons } from '../gate/not-evaluated.js'
import { loadBaseline } from '../report/read-report.js'
import { scrubValue } from '../util/secrets.js'
import { buildReport } from '../report/build.js'
import { writeReportFiles } from '../report/write.js'
import { clearOutputs, removeUnfinishedSync, type OutputPaths } from '../report/outputs.js'
import { onStop } from '../util/stop-signals.js'
import { parseShard, shardTasks, taskSetHash } from '../report/shard.js'
import { runTasks, type NextRound, type RunTasksResult } from './runner.js'
import { gradeAttempt } from '../grade/index.js'
import { gradeDrillAttempt } from '../grade/drill.js'
import { drillReport, withDrill } from '../gate/drill.js'
import { drillTasksOf } from './drill-tasks.js'
import { decideRun } from '../gate/decide-run.js'
import { runAttempts, type AttemptRounds } from '../gate/run-attempts.js'
import type { GateDecision } from '../gate/decide.js'
import { workflowInfo } from './workflow-info.js'
import { createProgress } from './progress.js'
import { ensureCacheFolder } from './cache-folder.js'
import { gateRulesOf, judgedProject, withPrForms } from './gate-inputs.js'
import { traceExport } from '../otel/index.js'
import { incidentsOf, versionsOf } from './versions.js'
import { withReadiness, type ReadinessMode } from '../gate/readiness.js'
import { judgedReadiness } from './readiness.js'
import { keepHeapGrowthSmall } from '../util/heap-growth.js'

export interface EvaluateOptions {
  tasksDir: string
  thresholdsFile: string
  outDir: string
  concurrency: number
  /** A fixed number of attempts per task; absent: adaptive rounds (issue 9). */
  repeat?: number
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
  /** OTLP/HTTP base endpoint for the attempts' traces (default: the OTEL_EXPORTER_OTLP_* variables). */
  otlpEndpoint?: string
  /** Where a warning goes (default: a line on stderr). */
  warn?: (message: string) => void
  /** `--phase`: judge every workflow at this rollout phase (its sandbox rules and its tier rules) instead of its own. */
  phase?: Phase
  /** `strict`: a section of the readiness checklist that is missing fails the gate (default `report`: it is only shown). */
  readiness?: ReadinessMode
}

export interface EvaluateResult {
  report: Report
  /** The rules this run was decided by: with a base, each the stricter of base and PR. */
  thresholds: Thresholds
  paths: OutputPaths
}

/**
 * The whole gate: files -> validated model -> run -> graded results -> decision -> report files.
 * The previous run's files in the output folder go first; a stop before the end leaves only the
 * partial traces.
 */
export async function evaluate(opts: EvaluateOptions): Promise<EvaluateResult> {
  keepHeapGrowthSmall()
  await clearOutputs(opts.outDir)
  const unregister = onStop(() => {
    removeUnfinishedSync(opts.outDir)
    process.stderr.write(`evalgate: no report written in ${opts.outDir} (the run did not finish)\n`)
  })
  try {
    return await evaluateOnce(opts)
  } finally {
    unregister()
  }
}

/** The steps README's "What a run does" draws, in order. */
async function evaluateOnce(opts: EvaluateOptions): Promise<EvaluateResult> {
  const plan = await load(opts)
  // Before any agent starts: it registers the exporter's header secrets.
  const telemetry = traceExport(opts.otlpEndpoint, opts.warn)
  const run = await runAndGrade(plan, opts)
  const formsEnd = plan.tasks.length + plan.prForms.length
  const counted = run.results.slice(0, plan.tasks.length)
  const gateChanges =
    plan.judged.changes && withPrForms(plan.judged.changes, run.results.slice(plan.tasks.length, formsEnd))
  const drill = plan.drill.length > 0 ? drillReport(run.results.slice(formsEnd)) : undefined
  const attempts = runAttempts(counted, { repeat: opts.repeat, rounds: roundsOf(run, counted) })
  const decidedTiers = failClosed(
    decideRun({
      tasks: counted,
      gate: plan.gate,
      attempts,
      baseline: plan.baseline,
      gateChanges,
      shard: plan.shard,
      versions: plan.versions
    }),
    plan.notEvaluated
  )
  const drilled = drill ? withDrill(decidedTiers, drill) : decidedTiers
  const readiness = judgedReadiness(plan.judged, { tasks: counted, ...(drill ? { drill } : {}) })
  const decided = opts.readiness === 'strict' ? withReadiness(drilled, readiness) : drilled
  const report = reportOf(plan, run, counted, decided, attempts, { gateChanges, drill, readiness }, opts)
  const paths = await writeReportFiles(opts.outDir, report, [run.tracesPath])
  await telemetry?.send(paths.traces)
  return { report, thresholds: plan.judged.thresholds, paths }
}

/** What one run will do, read and checked before any agent starts. */
interface RunPlan {
  judged: Awaited<ReturnType<typeof judgedProject>>
  /** The tasks that count (this shard's); their PR forms run after them. */
  tasks: LoadedTask[]
  prForms: LoadedTask[]
  /** The kill-switch drill's tasks (copies), run once each after the PR forms. */
  drill: LoadedTask[]
  gate: Report['gate']
  baseline?: BaselineSnapshot
  /** This shard of the golden set, with the set's hash and size that a merge checks. */
  shard?: Report['shard']
  /** Why the run cannot pass: gated tiers it leaves without a task. */
  notEvaluated: string[]
  /** The files that define each workflow's agent, as loaded, against the baseline's. */
  versions: Versions
}

/** Load: files -> validated model (as on the base when there is one), the tasks selected, keys checked. */
async function load(opts: EvaluateOptions): Promise<RunPlan> {
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1)
    throw new InputError('--concurrency must be a positive integer')
  const { repeat } = opts
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1))
    throw new InputError('--repeat must be a positive integer')
  if (opts.cacheDir !== undefined) await ensureCacheFolder(opts.cacheDir)
  const shard = opts.shard ? parseShard(opts.shard) : undefined
  const matches = opts.filter ? parseFilter(opts.filter) : () => true

  const judged = await judgedProject(opts)
  registerWorkflowSecrets(judged.workflows)
  const baseline = opts.baselineFile ? await loadBaseline(opts.baselineFile) : undefined

  const selected = judged.counted.filter(matches)
  if (selected.length === 0)
    throw new InputError(
      `no golden tasks found in ${opts.tasksDir}${opts.filter ? ` matching --filter ${opts.filter}` : ''}`
    )
  if (baseline) checkBaselineTiers(baseline, selected)
  const tasks = shard ? shardTasks(selected, shard.index, shard.count) : selected
  // A changed task's PR form runs where its base form runs.
  const running = new Set(tasks.map(taskKey))
  const prForms = judged.prForms.filter((t) => running.has(taskKey(t)))
  const keyProblems = missingKeys(judged, [...tasks, ...prForms], opts)
  if (keyProblems.length) throw new InputError(keyProblems)

  const gate = gateRulesOf(judged.thresholds)
  if (repeat !== undefined) checkRepeatFitsPassK(repeat, tasks, gate)
  const reportShard = shard && { ...shard, set_hash: taskSetHash(selected), set_size: selected.length }
  // A gated tier the --filter left without a task does not run: the run cannot pass for it.
  const notEvaluated = notEvaluatedReasons(
    judged.counted,
    selected,
    gate,
    (them) => `--filter "${opts.filter}" left no task in ${them}`
  )
  return {
    judged,
    tasks,
    prForms,
    drill: drillTasksOf(judged.workflows, tasks),
    gate,
    notEvaluated,
    versions: versionsOf(judged.workflows, judged.thresholdsFile, opts.commit, baseline),
    ...(baseline ? { baseline } : {}),
    ...(reportShard ? { shard: reportShard } : {})
  }
}

/** Run and grade: every attempt through its agent and the sandbox, graded as it ends, in rounds. */
async function runAndGrade(plan: RunPlan, opts: EvaluateOptions): Promise<RunTasksResult> {
  const { judged, tasks, prForms, drill, gate, baseline } = plan
  const { thresholds } = judged
  const progress = opts.progress ? createProgress(tasks.length + prForms.length + drill.length) : undefined
  const prForm = new Set(prForms)
  const drilled = new Set(drill)
  const form = (task: LoadedTask) => (prForm.has(task) ? 'pr' : drilled.has(task) ? 'drill' : undefined)
  const run = await runTasks({
    workflows: judged.workflows,
    tasks: [...tasks, ...prForms, ...drill],
    grade: (task, workflow, agentRun, verdict, grader) =>
      drilled.has(task)
        ? gradeDrillAttempt(workflow, agentRun)
        : gradeAttempt(task, workflow, agentRun, verdict, grader),
    killSwitch: (task) =>
      drilled.has(task) ? judged.workflows.find((w) => w.name === task.workflow)?.kill_switch : undefined,
    budgets: thresholds.budgets,
    pricing: thresholds.pricing,
    llm: { apiKey: opts.openaiApiKey, baseUrl: opts.openaiBaseUrl, cacheDir: opts.cacheDir },
    outDir: opts.outDir,
    concurrency: opts.concurrency,
    nextRound:
      opts.repeat !== undefined
        ? fixedRounds(opts.repeat, tasks.length + prForms.length)
        : adaptiveRounds(tasks.length, gate, baseline, judged.changes),
    onRound: progress ? (round, attempts) => progress.round(round, attempts) : undefined,
    onAttempt: progress ? (status) => progress.tick(status) : undefined,
    traceFields: (task) => {
      const which = form(task)
      return which ? { form: which } : undefined
    }
  })
  progress?.done()
  return run
}

/** What the runner knows of its rounds. Before every task ran once the tasks left are not_run, and say so themselves. */
function roundsOf(run: RunTasksResult, counted: TaskResult[]): AttemptRounds['rounds'] {
  return {
    rounds: run.rounds,
    extra_cost_usd: run.extraCostUsd,
    ...(run.stoppedBy && counted.every((t) => t.attempts.total > 0)
      ? { stopped_by: `${run.stoppedBy}: extra attempts stopped` }
      : {})
  }
}

/** Report: graded tasks and their decision as report.json holds them, scrubbed before anything renders it (a later escape or cut would hide a secret from the scrub). */
function reportOf(
  plan: RunPlan,
  run: RunTasksResult,
  counted: TaskResult[],
  decided: GateDecision,
  attempts: RunAttempts,
  { gateChanges, drill, readiness }: { gateChanges?: GateChanges; drill?: DrillReport; readiness: Readiness },
  opts: EvaluateOptions
): Report {
  const { tasks } = plan
  const built = buildReport({
    tasks: counted,
    gate: plan.gate,
    decided,
    attempts,
    workflows: plan.judged.workflows.map((w) => workflowInfo(w, tasks.filter((t) => t.workflow === w.name).length)),
    ...(opts.repeat !== undefined ? { repeat: opts.repeat } : {}),
    commit: opts.commit,
    costUnknownModels: run.unpricedModels,
    shard: plan.shard,
    gateChanges,
    drill,
    versions: plan.versions,
    incidents: incidentsOf(plan.judged.workflows),
    readiness
  })
  return scrubValue(built)
}

/** `--repeat K`: every task (PR forms too) runs K rounds. */
function fixedRounds(repeat: number, count: number): NextRound {
  const all = Array.from({ length: count }, (_, i) => i)
  return (_, done) => (done < repeat ? all : [])
}

/**
 * Further rounds for the counted tasks (the first `counted` of the run) that the decision still
 * needs; a PR that adds tasks has each tier judged without them too, so that view's undecided
 * tiers count as well. PR forms of changed tasks run once.
 */
function adaptiveRounds(
  counted: number,
  gate: Report['gate'],
  baseline: BaselineSnapshot | undefined,
  changes: GateChanges | undefined
): NextRound {
  const added = new Set((changes?.tasks.added ?? []).map(taskKey))
  return (results) => {
    const tasks = results.slice(0, counted)
    const next = tasksForAnotherRound({ tasks, gate, baseline })
    if (added.size > 0) {
      const before = tasks.filter((t) => !added.has(taskKey(t)))
      for (const key of tasksForAnotherRound({ tasks: before, gate })) next.add(key)
    }
    return tasks.flatMap((t, i) => (next.has(taskKey(t)) ? [i] : []))
  }
}

/** A pass^k rule cannot be met by fewer than k attempts: say so before running anything. */
function checkRepeatFitsPassK(repeat: number, tasks: LoadedTask[], gate: Report['gate']): void {
  const problems = new Set<string>()
  for (const task of tasks) {
    const k = tierSettings(gate, task.workflow, task.tier).pass_k?.k
    if (k !== undefined && k > repeat)
      problems.add(
        `--repeat ${repeat} is fewer than the ${k} attempts the pass_k rule of ${task.workflow} ${task.tier} needs`
      )
  }
  if (problems.size > 0) throw new InputError([...problems].join('; '))
}

/** Each workflow that needs a model key it does not have, in plain words (fork PRs get no secrets). */
export function missingKeys(
  project: Pick<LoadedProject, 'workflows' | 'thresholds'>,
  tasks: LoadedTask[],
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
