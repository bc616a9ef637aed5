// What a merge checks in each shard report against the rules it was given and against the task
// lines themselves: a report edited between the shard and the merge must not decide the gate.
// Pure: each check returns the problems, in words.
import { isDeepStrictEqual } from 'node:util'
import { taskKey } from '../gate/task-attempts.js'
import { tierSettings } from '../gate/tier-settings.js'
import type { Readiness, Report, Risk, TaskResult, Tier, WorkflowVersions } from '../model/types.js'
import { taskSetHash } from './shard.js'

/** The rules and golden set a merge decides by; the shard reports only bring attempts. */
export interface MergeRules {
  /** The effective gate rules: from the thresholds file the merge is given (on a PR, as the gate reads them). */
  gate: Report['gate']
  /** Where they come from, for messages, e.g. `thresholds.yml`. */
  source: string
  /** The golden set the shards were cut from, when the merge loaded it (action mode: always). */
  golden?: GoldenSet
  /**
   * The readiness checklist of the project the merge loaded, scored with the merged tasks, and
   * whether a missing section fails the gate; absent: the first shard's checklist as it recorded it.
   */
  readiness?: { score(run: { tasks: readonly TaskResult[] }): Readiness; strict: boolean }
}

export interface GoldenSet {
  /** Per `workflow/id`, what decides which tier a task counts in. */
  tasks: Map<string, { tier: Tier; risk: Risk }>
  /** For messages, e.g. `golden-tasks (as on base abc1234)`. */
  label: string
  /** The shards ran all of it (no --filter or --workflow): their task set must be this one. */
  whole: boolean
  /** The files that define each workflow's agent as the merge read them (without a baseline comparison). */
  versions?: readonly WorkflowVersions[]
}

export type TaskStatus = TaskResult['status']

/** The status a task's attempts make (src/run/aggregate.ts): undefined when they allow fail and error alike. */
export function statusOfAttempts(attempts: TaskResult['attempts']): TaskStatus | undefined {
  const { total, passed, errored } = attempts
  if (total === 0) return 'not_run'
  if (passed === total) return 'pass'
  // A report written before errored attempts were counted: fail and error both fit.
  if (errored === undefined) return undefined
  return total - passed - errored > 0 ? 'fail' : 'error'
}

/** Task lines whose status is not what their attempts make, or whose attempts do not add up. */
export function taskProblems(report: Report, file: string, gate: Report['gate']): string[] {
  const problems: string[] = []
  for (const task of report.tasks) {
    const key = taskKey(task)
    const { total, passed, errored } = task.attempts
    if (passed + (errored ?? 0) > total) {
      problems.push(`${file}: task ${key} has more passed and errored attempts than attempts (${counts(task)})`)
      continue
    }
    const derived = statusOfAttempts(task.attempts)
    const fits = derived === undefined ? task.status === 'fail' || task.status === 'error' : task.status === derived
    if (!fits)
      problems.push(
        `${file}: task ${key} says "${task.status}", but its attempts (${counts(task)}) make it "${derived ?? 'fail'}"`
      )
    const most = mostAttempts(report, gate, task)
    if (total > most.count)
      problems.push(`${file}: task ${key} ran ${total} attempts, more than the ${most.count} ${most.why}`)
  }
  return problems
}

/** The most attempts the rules let a task run: --repeat K, else its tier's max_attempts (or pass_k's k). */
function mostAttempts(report: Report, gate: Report['gate'], task: TaskResult): { count: number; why: string } {
  if (report.repeat !== undefined) return { count: report.repeat, why: `of --repeat ${report.repeat}` }
  const settings = tierSettings(gate, task.workflow, task.tier)
  const k = settings.pass_k?.k ?? 0
  return k > settings.max_attempts
    ? { count: k, why: `its tier's pass_k rule needs` }
    : { count: settings.max_attempts, why: `its tier's max_attempts allows` }
}

function counts(task: TaskResult): string {
  const { total, passed, errored } = task.attempts
  return `${total} run, ${passed} passed${errored !== undefined ? `, ${errored} errored` : ''}`
}

/** A shard run by other rules than the merge is given: its attempts were spent, and its verdicts made, by those. */
export function ruleProblems(report: Report, file: string, rules: MergeRules): string[] {
  const recorded = plain(report.gate)
  const given = plain(rules.gate)
  if (isDeepStrictEqual(recorded, given)) return []
  const diffs = differences(recorded, given)
  const shown = diffs
    .slice(0, 3)
    .map((d) => `${d.path} ${show(d.a)} there, ${show(d.b)} in ${rules.source}`)
    .join('; ')
  const more = diffs.length > 3 ? ` (and ${diffs.length - 3} more)` : ''
  return [`${file} was run with other gate rules than ${rules.source} gives: ${shown}${more}`]
}

/** The merged tasks against the shards' task set, and against the golden set when the merge has it. */
export function setProblems(tasks: readonly TaskResult[], setHash: string, golden: GoldenSet | undefined): string[] {
  const problems: string[] = []
  // Ids edited in a shard (a fabricated task for a failing one) no longer hash to the set it was cut from.
  if (taskSetHash(tasks) !== setHash)
    problems.push(
      `the shards' tasks are not the task set they were cut from (its hash ${setHash}): a task id was changed, added or removed`
    )
  if (!golden) return problems
  const unknown: string[] = []
  for (const task of tasks) {
    const key = taskKey(task)
    const known = golden.tasks.get(key)
    if (!known) unknown.push(key)
    else if (known.tier !== task.tier || known.risk !== task.risk)
      problems.push(
        `task ${key} is ${task.tier}, ${task.risk} risk in its shard report, ${known.tier}, ${known.risk} risk in ${golden.label}`
      )
  }
  if (unknown.length > 0)
    problems.push(`${list(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not a golden task of ${golden.label}`)
  if (golden.whole && unknown.length === 0 && tasks.length !== golden.tasks.size)
    problems.push(`the shards hold ${tasks.length} tasks, ${golden.label} has ${golden.tasks.size}`)
  return problems
}

/**
 * A shard's record of the agent's files against the files the merge read itself: an edit that
 * turns `require_bump` off or hides a changed file must not decide the gate.
 */
export function versionProblems(report: Report, file: string, golden: GoldenSet | undefined): string[] {
  if (!golden?.versions) return []
  const recorded = report.versions?.workflows ?? []
  const problems: string[] = []
  for (const workflow of new Set(report.tasks.map((t) => t.workflow))) {
    const read = golden.versions.find((w) => w.workflow === workflow)
    const theirs = recorded.find((w) => w.workflow === workflow)
    if (!read) continue
    if (!theirs) problems.push(`${file} records no versions of workflow ${workflow}`)
    else if (!isDeepStrictEqual(plain(ownVersions(theirs)), plain(ownVersions(read))))
      problems.push(
        `${file} records other versions of workflow ${workflow} (version, versioning.require_bump or file hashes) than ${golden.label} has`
      )
  }
  return problems
}

function ownVersions(w: WorkflowVersions): Omit<WorkflowVersions, 'against_baseline'> {
  const { against_baseline: _against, ...own } = w
  return own
}

function list(keys: string[]): string {
  const shown = keys.slice(0, 5).map((k) => `task ${k}`)
  return keys.length > 5 ? `${shown.join(', ')} and ${keys.length - 5} more` : shown.join(', ')
}

/** As written to report.json: no undefined-valued keys. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

interface Difference {
  path: string
  a: unknown
  b: unknown
}

/** Dotted paths where two JSON values differ, e.g. `rules.tiers.T1.min_success`. */
function differences(a: unknown, b: unknown, path = ''): Difference[] {
  const objects = isObject(a) && isObject(b)
  if (!objects) return isDeepStrictEqual(a, b) ? [] : [{ path: path || '(all)', a, b }]
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return keys.flatMap((key) => differences(a[key], b[key], path ? `${path}.${key}` : key))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  return value === undefined ? '(not set)' : JSON.stringify(value)
}
