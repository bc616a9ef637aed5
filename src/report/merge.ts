import { isDeepStrictEqual } from 'node:util'
import type { BaselineSnapshot } from '../gate/decide.js'
import { InputError, type Problem } from '../util/problems.js'
import { isFlaky } from '../gate/task-attempts.js'
import type { GateChanges, Report, TaskResult } from '../model/types.js'
import { ruleProblems, setProblems, taskProblems, versionProblems, type MergeRules } from './merge-checks.js'
import { buildReport } from './build.js'
import { decideRun } from '../gate/decide-run.js'
import { runAttempts, type AttemptRounds } from '../gate/run-attempts.js'
import { plural } from '../gate/format.js'
import { failClosed, notEvaluatedReasons } from '../gate/not-evaluated.js'
import { append, largest } from '../util/append.js'
import { incidentDefinitions } from './incidents.js'
import { withReadiness } from '../gate/readiness.js'

export type { MergeRules } from './merge-checks.js'

type ShardInfo = NonNullable<Report['shard']>

/**
 * Joins the shard reports of one sharded run into the report an unsharded run would have
 * written, and decides the gate on it by `rules` (never by a shard's). Refuses anything that would
 * make that untrue: a missing or repeated shard, shards of different task sets, rules or repeat
 * counts, shards run by other rules than `rules`, task ids that are not the set's, a task status
 * its attempts contradict.
 */
export function mergeReports(reports: Report[], files: string[], rules: MergeRules): Report {
  if (reports.length === 0) throw new InputError('merge needs at least one shard report')
  const first = reports[0]
  const firstFile = files[0]
  const problems: string[] = []

  const shards = reports.map((report, i) => ({ report, file: files[i], shard: report.shard }))
  for (const { file, shard } of shards) if (!shard) problems.push(`${file} is not a shard report`)
  if (problems.length > 0) throw mergeError(problems)
  const reference = first.shard as ShardInfo
  for (const { file, shard } of shards.slice(1)) {
    const s = shard as ShardInfo
    if (s.set_hash !== reference.set_hash || s.set_size !== reference.set_size) {
      problems.push(`${file} is from another task set than ${firstFile}`)
    } else if (s.count !== reference.count) {
      problems.push(`${file} is a shard of ${s.count}, ${firstFile} of ${reference.count}`)
    }
  }
  if (problems.length > 0) throw mergeError(problems)

  const indexProblems = checkShardIndices(shards as { file: string; shard: ShardInfo }[], reference.count)
  append(problems, indexProblems)
  for (const { report, file } of shards) append(problems, ruleProblems(report, file, rules))
  for (const { report, file } of shards.slice(1)) {
    if (report.repeat !== first.repeat) {
      problems.push(`${file} was run with ${attemptsFlag(report)}, ${firstFile} with ${attemptsFlag(first)}`)
    }
    if (report.commit && first.commit && report.commit !== first.commit) {
      problems.push(`${file} is from commit ${report.commit}, ${firstFile} from ${first.commit}`)
    }
    if (report.gate_changes?.base.sha !== first.gate_changes?.base.sha) {
      problems.push(`${file} was judged against ${baseOf(report)}, ${firstFile} against ${baseOf(first)}`)
    }
  }
  // A shard given twice would list every one of its tasks again: say it once.
  if (indexProblems.length === 0) append(problems, checkUniqueTasks(shards))
  const baselines = shards.filter((s) => s.report.baseline)
  const baselineFiles = new Set(baselines.map((s) => s.report.baseline!.file))
  if (baselineFiles.size > 1)
    problems.push(`the shards were compared with different baselines: ${[...baselineFiles].join(', ')}`)
  else if (baselines.some((s) => !isDeepStrictEqual(snapshotOf(s.report), snapshotOf(baselines[0].report))))
    problems.push(`the shards hold different records of the baseline ${[...baselineFiles][0]}`)
  else if (baselines.length > 0 && baselines.length < shards.length)
    problems.push('some shards were compared with a baseline, others were not')
  for (const { report, file } of shards) append(problems, taskProblems(report, file, rules.gate))
  // What each shard read of the agent's files and incidents.yml: one run reads them once.
  append(
    problems,
    sameRecordProblems(shards, (r) => r.versions, "versions of the agent's files")
  )
  for (const { report, file } of shards) append(problems, versionProblems(report, file, rules.golden))
  append(
    problems,
    sameRecordProblems(shards, (r) => incidentDefinitions(r.incidents ?? []), 'incidents (incidents.yml)')
  )
  if (problems.length > 0) throw mergeError(problems)

  const tasks = reports.flatMap((r) => r.tasks).map(withFlakyFromAttempts)
  if (tasks.length !== reference.set_size) {
    throw mergeError([`the shards hold ${tasks.length} tasks, but their task set has ${reference.set_size}`])
  }
  const setIssues = setProblems(tasks, reference.set_hash, rules.golden)
  if (setIssues.length > 0) throw mergeError(setIssues)
  const baselineSection = baselines[0]?.report.baseline
  const baseline: BaselineSnapshot | undefined = baselineSection && {
    file: baselineSection.file,
    tiers: baselineSection.tiers,
    statuses: baselineSection.statuses ?? {},
    ...(baselineSection.attempts ? { attempts: baselineSection.attempts } : {})
  }
  const costUnknownModels = [...new Set(reports.flatMap((r) => r.totals.cost_unknown_models ?? []))].sort()
  // Every tier is decided again from the pooled attempts of its tasks, never from a shard's verdicts.
  const repeat = first.repeat !== undefined ? { repeat: first.repeat } : {}
  const attempts = runAttempts(tasks, { ...repeat, rounds: mergedRounds(reports) })
  const gateChanges = first.gate_changes && mergeGateChanges(first.gate_changes, reports)
  // A gated tier of the golden set that no shard ran (shards of a --filter run) cannot pass.
  const golden = [...(rules.golden?.tasks ?? new Map()).entries()].map(([key, { tier }]) => ({
    workflow: key.slice(0, key.indexOf('/')),
    tier
  }))
  const notEvaluated = notEvaluatedReasons(golden, tasks, rules.gate, (them) => `the shards hold no task of ${them}`)
  const { versions } = first
  const decidedTiers = failClosed(
    decideRun({ tasks, gate: rules.gate, attempts, baseline, gateChanges, versions }),
    notEvaluated
  )
  const readiness = rules.readiness ? rules.readiness.score({ tasks }) : first.readiness
  const decided = rules.readiness?.strict && readiness ? withReadiness(decidedTiers, readiness) : decidedTiers
  return buildReport({
    tasks,
    gate: rules.gate,
    decided,
    attempts,
    workflows: mergeWorkflows(reports, tasks),
    ...repeat,
    commit: reports.find((r) => r.commit)?.commit,
    costUnknownModels,
    gateChanges,
    versions,
    incidents: incidentDefinitions(first.incidents ?? []),
    readiness
  })
}

/** Each shard whose record (`pick`) differs from the first shard's. */
function sameRecordProblems(
  shards: readonly { report: Report; file: string }[],
  pick: (report: Report) => unknown,
  what: string
): string[] {
  const [first, ...rest] = shards
  return rest
    .filter((s) => !isDeepStrictEqual(pick(s.report), pick(first.report)))
    .map((s) => `${s.file} records other ${what} than ${first.file}`)
}

/** What a merge reads of a shard's baseline section. */
function snapshotOf(report: Report): unknown {
  const b = report.baseline
  return b && { file: b.file, tiers: b.tiers, statuses: b.statuses ?? {}, attempts: b.attempts ?? {} }
}

/** `flaky` as the attempts say: a shard's own word for it is not taken. */
function withFlakyFromAttempts(task: TaskResult): TaskResult {
  const { flaky: _, ...rest } = task
  return isFlaky(task.attempts) ? { ...rest, flaky: true } : rest
}

function attemptsFlag(report: Report): string {
  return report.repeat !== undefined ? `--repeat ${report.repeat}` : 'adaptive attempts'
}

/** The most rounds a shard ran, the cost of all their extra attempts, and whether a cost cap stopped any. */
function mergedRounds(reports: Report[]): NonNullable<AttemptRounds['rounds']> {
  const costs = reports.map((r) => r.attempts.extra_cost_usd)
  const stopped = reports.map((r) => r.attempts.stopped_by).filter((s): s is string => s !== undefined)
  return {
    rounds: largest(
      reports.map((r) => r.attempts.rounds),
      0
    ),
    extra_cost_usd: costs.includes(null) ? null : costs.reduce<number>((sum, c) => sum + c!, 0),
    ...(stopped.length > 0 ? { stopped_by: `${stopped[0]} (in ${plural(stopped.length, 'shard')})` } : {})
  }
}

function baseOf(report: Report): string {
  return report.gate_changes ? `base ${report.gate_changes.base.sha.slice(0, 7)}` : 'no base commit'
}

/** The first shard's record; each changed task's PR form ran in the shard of its base form. */
function mergeGateChanges(first: GateChanges, reports: Report[]): GateChanges {
  const prForms = new Map<string, NonNullable<GateChanges['tasks']['changed'][number]['pr_form']>>()
  for (const report of reports)
    for (const c of report.gate_changes?.tasks.changed ?? [])
      if (c.pr_form) prForms.set(`${c.workflow}/${c.id}`, c.pr_form)
  const changed = first.tasks.changed.map((c) => {
    const prForm = prForms.get(`${c.workflow}/${c.id}`)
    return prForm ? { ...c, pr_form: prForm } : c
  })
  return { ...first, tasks: { ...first.tasks, changed } }
}

function checkShardIndices(shards: { file: string; shard: ShardInfo }[], count: number): string[] {
  const problems: string[] = []
  const filesByIndex = new Map<number, string[]>()
  for (const { file, shard } of shards) {
    if (shard.index < 0 || shard.index >= count)
      problems.push(`${file} claims shard ${shard.index + 1}/${count}, which does not exist`)
    else filesByIndex.set(shard.index, [...(filesByIndex.get(shard.index) ?? []), file])
  }
  for (let index = 0; index < count; index++) {
    const given = filesByIndex.get(index) ?? []
    if (given.length === 0) problems.push(`shard ${index + 1}/${count} is missing`)
    if (given.length > 1) problems.push(`shard ${index + 1}/${count} given twice (${given.join(', ')})`)
  }
  return problems
}

function checkUniqueTasks(shards: { report: Report; file: string }[]): string[] {
  const seen = new Map<string, string>()
  const problems: string[] = []
  for (const { report, file } of shards) {
    for (const task of report.tasks) {
      const key = `${task.workflow}/${task.id}`
      const earlier = seen.get(key)
      if (earlier !== undefined) problems.push(`task ${key} is in both ${earlier} and ${file}`)
      else seen.set(key, file)
    }
  }
  return problems
}

/** The union of the shards' workflows, each counting the tasks the merged report holds. */
function mergeWorkflows(reports: Report[], tasks: Report['tasks']): Report['workflows'] {
  const byName = new Map<string, Report['workflows'][number]>()
  for (const report of reports)
    for (const workflow of report.workflows) if (!byName.has(workflow.name)) byName.set(workflow.name, workflow)
  return [...byName.values()].map((workflow) => ({
    ...workflow,
    tasks: tasks.filter((t) => t.workflow === workflow.name).length
  }))
}

function mergeError(messages: string[]): InputError {
  const problems: Problem[] = messages.map((message) => ({ file: 'evalgate merge', message, severity: 'error' }))
  return new InputError(problems)
}
