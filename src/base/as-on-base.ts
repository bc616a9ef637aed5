// A pull request judged as on its base commit (PRODUCT.md section 6): the rules, golden tasks,
// permission matrix and secret-receiving endpoints of the run, and the record of what the PR
// changed about its gate. Pure: loading is src/base/snapshot.ts, running is src/run.
import path from 'node:path'
import type { LoadedTask } from '../load/task-schema.js'
import type { GateChanges, Thresholds, Workflow } from '../model/types.js'
import { workflowRedactor } from '../redact/redactor.js'
import { compareTasks } from './compare-tasks.js'
import { matchWorkflows, type WorkflowPair } from './match-workflows.js'
import type { BaseProject } from './snapshot.js'
import { stricterThresholds } from './stricter-thresholds.js'
import { workflowAsOnBase } from './workflow-as-on-base.js'
import { append } from '../util/append.js'

export interface PrProject {
  workflows: Workflow[]
  tasks: LoadedTask[]
  thresholds: Thresholds
  /** Repository-relative manifest path of a PR workflow. */
  manifestPath(w: Workflow): string
}

export interface AsOnBase {
  /** The effective rules: each the stricter of base and PR. */
  thresholds: Thresholds
  /** The PR's workflows (and names) with the stricter matrix, redaction and the base's endpoints. */
  workflows: Workflow[]
  /** What decides the gate: PR tasks unchanged or added, base forms of removed and changed tasks. */
  counted: LoadedTask[]
  /** The PR forms of changed tasks: run and shown, not counted. */
  prForms: LoadedTask[]
  /** Without the PR forms' results, which only the run knows. */
  changes: GateChanges
}

/** `only`: the --workflow of the run; base workflows neither matched nor so named are left out. */
export function asOnBase(pr: PrProject, base: BaseProject, only?: string): AsOnBase {
  const match = matchWorkflows(pr.workflows, base.workflows, {
    pr: pr.manifestPath,
    base: (w) => base.manifestPaths.get(w.name)
  })
  const removed = match.removed.filter((w) => only === undefined || isNamed(w, only, base))
  const rules = base.thresholds
    ? stricterThresholds(
        base.thresholds,
        pr.thresholds,
        pr.workflows.map((w) => w.name),
        match.renamed
      )
    : firstRun(pr.thresholds)

  const changes: GateChanges = {
    base: base.source,
    ...(base.thresholds ? {} : { first_run: true }),
    thresholds: rules.changes,
    tasks: { added: [], removed: [], changed: [] },
    workflows: { renamed: match.renamed, added: match.added, removed: removed.map((w) => w.name) },
    permissions: [],
    endpoints: [],
    notes: [...base.notes]
  }
  const workflows = match.pairs.map((pair) => effectiveWorkflow(pair, changes))
  const { counted, prForms } = goldenSet(pr.tasks, base.tasks, match.pairs, workflows, changes)
  return { thresholds: rules.thresholds, workflows, counted, prForms, changes }
}

/**
 * The base has no thresholds file (the PR that adds evalgate): the PR's rules apply, except who
 * may override — a PR must not name its own approvers; override mode refuses for the same reason.
 */
function firstRun(thresholds: Thresholds): { thresholds: Thresholds; changes: GateChanges['thresholds'] } {
  return { thresholds: { ...thresholds, override: { ...thresholds.override, approvers: [] } }, changes: [] }
}

function effectiveWorkflow(pair: WorkflowPair, changes: GateChanges): Workflow {
  const judged = workflowAsOnBase(pair.pr, pair.base)
  const workflow = pair.pr.name
  append(
    changes.permissions,
    judged.permissions.map((p) => ({ workflow, ...p }))
  )
  append(
    changes.endpoints,
    judged.endpoints.map((e) => ({ workflow, ...e }))
  )
  for (const rule of judged.keptRedactions)
    changes.notes.push(`${workflow}: redaction rule "${rule.name}" was removed in this PR; it still applies`)
  for (const note of judged.notes) changes.notes.push(`${workflow}: ${note}`)
  return judged.workflow
}

function goldenSet(
  prTasks: readonly LoadedTask[],
  baseTasks: readonly LoadedTask[],
  pairs: readonly WorkflowPair[],
  workflows: readonly Workflow[],
  changes: GateChanges
): { counted: LoadedTask[]; prForms: LoadedTask[] } {
  const baseFormOf = new Map<LoadedTask, LoadedTask>()
  const prForms: LoadedTask[] = []
  const removed: LoadedTask[] = []
  pairs.forEach((pair, i) => {
    const name = pair.pr.name
    const mine = prTasks.filter((t) => t.workflow === name)
    // A renamed workflow's base tasks run under its PR name.
    const theirs = pair.base
      ? baseTasks.filter((t) => t.workflow === pair.base!.name).map((t) => ({ ...t, workflow: name }))
      : []
    const compared = compareTasks(theirs, mine)
    const redact = workflowRedactor(workflows[i])
    // An unchanged task is graded by the base's grader, not by the PR's edit of its program.
    const graderDirs = new Map(theirs.map((t) => [t.id, t.grader_dir]))
    for (const task of compared.unchanged) {
      const graderDir = graderDirs.get(task.id)
      if (graderDir !== undefined) baseFormOf.set(task, { ...task, grader_dir: graderDir })
    }
    append(changes.tasks.added, compared.added.map(ref))
    append(changes.tasks.removed, compared.removed.map(ref))
    for (const c of compared.changed) {
      baseFormOf.set(c.pr, c.base)
      prForms.push(c.pr)
      changes.tasks.changed.push({ ...ref(c.pr), fields: c.fields, diff: redact.value(c.diff) })
    }
    append(removed, compared.removed)
  })
  const counted = [...prTasks.map((t) => baseFormOf.get(t) ?? t), ...removed]
  return { counted, prForms }
}

function ref(task: LoadedTask): { workflow: string; id: string } {
  return { workflow: task.workflow, id: task.id }
}

function isNamed(w: Workflow, name: string, base: BaseProject): boolean {
  const manifest = base.manifestPaths.get(w.name)
  return w.name === name || (manifest !== undefined && path.posix.basename(path.posix.dirname(manifest)) === name)
}
