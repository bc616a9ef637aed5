// What a run is judged by: the rules, workflows and golden tasks as loaded, or, on a pull
// request with a base commit, as on that base (src/base).
import { asOnBase } from '../base/as-on-base.js'
import { loadBaseProject } from '../base/snapshot.js'
import type { CommitSource } from '../model/commit-source.js'
import { findRepoRoot, loadProject, type LoadedProject } from '../load/index.js'
import { repositoryPath } from '../load/repo-root.js'
import { InputError } from '../util/problems.js'
import type { LoadedTask } from '../load/task-schema.js'
import type { GateChanges, Phase, Report, TaskResult, Thresholds, VersionedFile, Workflow } from '../model/types.js'
import { atPhases } from '../base/phase-rules.js'
import { judgedAt, judgedPhases } from '../model/rollout.js'

export interface GateInputs {
  thresholds: Thresholds
  workflows: Workflow[]
  /** The tasks that decide the gate. */
  counted: LoadedTask[]
  /** PR forms of changed tasks: run beside their base forms, never counted. */
  prForms: LoadedTask[]
  changes?: GateChanges
  /** The thresholds file as read (on a PR: the PR's), for report.json's `versions`. */
  thresholdsFile?: VersionedFile
}

export interface JudgeOptions {
  tasksDir: string
  thresholdsFile: string
  workflow?: string
  /** On a pull request: its base commit, whose rules and golden tasks decide. */
  base?: CommitSource
  repoRoot?: string
  /** `--phase`: every workflow judged at this rollout phase instead of its own. */
  phase?: Phase
}

/** The project loaded, and judged as on the base when there is one: what a run, and a merge, decide by. */
export async function judgedProject(opts: JudgeOptions): Promise<GateInputs> {
  const project = await loadProject(opts)
  if (project.problems.length) throw new InputError(project.problems)
  const inputs = opts.base
    ? await asOnBaseCommit(project, {
        base: opts.base,
        repoRoot: opts.repoRoot ?? findRepoRoot(),
        tasksDir: opts.tasksDir,
        thresholdsFile: opts.thresholdsFile,
        workflow: opts.workflow
      })
    : asLoaded(project)
  return atJudgedPhases(inputs, opts.phase)
}

/** Each workflow at the phase it is judged at (`--phase`, else its own), and its tier rules those of that phase. */
function atJudgedPhases(inputs: GateInputs, phase: Phase | undefined): GateInputs {
  const workflows = inputs.workflows.map((w) => judgedAt(w, phase))
  return { ...inputs, workflows, thresholds: atPhases(inputs.thresholds, judgedPhases(workflows)) }
}

/** The resolved rules report.json keeps under `gate`. */
export function gateRulesOf(thresholds: Thresholds): Report['gate'] {
  return { rules: thresholds.rules, workflows: thresholds.workflows, max_error_rate: thresholds.budgets.max_error_rate }
}

export function asLoaded(project: LoadedProject): GateInputs {
  return {
    thresholds: project.thresholds,
    workflows: project.workflows,
    counted: project.tasks,
    prForms: [],
    ...thresholdsFileOf(project)
  }
}

function thresholdsFileOf(project: LoadedProject): Pick<GateInputs, 'thresholdsFile'> {
  return project.thresholdsFile ? { thresholdsFile: project.thresholdsFile } : {}
}

export interface BaseOptions {
  base: CommitSource
  repoRoot: string
  tasksDir: string
  thresholdsFile: string
  workflow?: string
}

export async function asOnBaseCommit(project: LoadedProject, opts: BaseOptions): Promise<GateInputs> {
  const inRepository = (file: string) => repositoryPath(opts.repoRoot, file)
  const layout = {
    repoRoot: opts.repoRoot,
    tasksDir: inRepository(opts.tasksDir) ?? outside('--tasks', opts.tasksDir, opts.repoRoot),
    thresholdsFile: inRepository(opts.thresholdsFile) ?? outside('--thresholds', opts.thresholdsFile, opts.repoRoot)
  }
  const base = await loadBaseProject(opts.base, layout)
  const pr = { ...project, manifestPath: (w: Workflow) => inRepository(w.source.file) ?? w.source.file }
  return { ...asOnBase(pr, base, opts.workflow), ...thresholdsFileOf(project) }
}

/** The changes record with each changed task's PR form result, where this run ran it. */
export function withPrForms(changes: GateChanges, prForms: readonly TaskResult[]): GateChanges {
  const results = new Map(prForms.map((r) => [`${r.workflow}/${r.id}`, r]))
  const changed = changes.tasks.changed.map((c) => {
    const result = results.get(`${c.workflow}/${c.id}`)
    return result ? { ...c, pr_form: { status: result.status, reasons: result.reasons } } : c
  })
  return { ...changes, tasks: { ...changes.tasks, changed } }
}

function outside(flag: string, file: string, root: string): never {
  throw new InputError(`${flag} ${file} is outside the repository ${root}: it cannot be read from the base commit`)
}
