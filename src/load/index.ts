// Loading and validating every user file: workflow manifests, golden tasks, thresholds.
// Never throws for a user's mistake: every problem is collected with its `file:line`.
import path from 'node:path'
import pLimit from 'p-limit'
import type { LoadedTask } from './task-schema.js'
import type { Thresholds, VersionedFile, Workflow } from '../model/types.js'
import { findManifests, findTaskFiles } from './discover.js'
import { displayPath } from './paths.js'
import { findRepoRoot, repoPathProblem, repositoryPath } from './repo-root.js'
import { sortProblems, type Problem } from '../util/problems.js'
import { checkDuplicateIds, taskChecksAgainst } from './task-checks.js'
import { graderProblems } from './grader-files.js'
import { loadTaskFile } from './tasks.js'
import type { LoadCache } from './load-cache.js'
import { defaultThresholds, readThresholds } from './thresholds.js'
import { loadWorkflow, type LoadedWorkflow } from './workflow.js'
import { drillSizeProblem } from './kill-switch.js'
import { incidentTaskProblems } from './incidents.js'
import { append } from '../util/append.js'

const OPEN_FILES = 64

export { loadThresholds } from './thresholds.js'
export { findRepoRoot } from './repo-root.js'

export interface LoadOptions {
  tasksDir: string
  thresholdsFile: string
  /** Only this workflow (its manifest name, or its folder's name). */
  workflow?: string
  /**
   * The repository root: every file a manifest names (and every task file) must resolve inside it,
   * after symlinks. Default: the nearest folder at or above the current folder holding `.git`, else
   * the current folder.
   */
  repoRoot?: string
  /** Readings of task files kept between runs (the CLI's, outside CI): src/load/load-cache.ts. */
  cache?: LoadCache
}

export interface LoadedProject {
  workflows: Workflow[]
  tasks: LoadedTask[]
  /** Defaults when the thresholds file has problems: check `problems` first. */
  thresholds: Thresholds
  /** The thresholds file as report.json's `versions` records it, when it was read. */
  thresholdsFile?: VersionedFile
  /** Errors, sorted by file then line. */
  problems: Problem[]
  warnings: Problem[]
}

export async function loadProject(opts: LoadOptions): Promise<LoadedProject> {
  const all: Problem[] = []
  const repoRoot = opts.repoRoot ?? findRepoRoot()
  // Read while the workflows load; its problems still come after theirs.
  const readingThresholds = readThresholds(opts.thresholdsFile)
  const found = await findManifests(opts.tasksDir)
  append(all, found.problems)

  const loaded = await Promise.all(
    found.manifests.map(async (manifest) => ({ manifest, ...(await loadWorkflow(manifest, repoRoot, opts.cache)) }))
  )
  const selected = opts.workflow ? loaded.filter((w) => isNamed(w, opts.workflow!)) : loaded
  if (opts.workflow && selected.length === 0 && found.manifests.length > 0) {
    const names = loaded.map((w) => w.name).join(', ')
    all.push({
      file: displayPath(path.resolve(opts.tasksDir)),
      message: `no workflow named "${opts.workflow}" (found: ${names})`,
      severity: 'error'
    })
  }
  append(all, duplicateWorkflowNames(selected))

  const workflows: Workflow[] = []
  const tasks: LoadedTask[] = []
  for (const w of selected) {
    append(all, w.problems)
    if (w.workflow) workflows.push(w.workflow)
    const loadedTasks = await loadWorkflowTasks(w, repoRoot, opts.cache)
    append(tasks, loadedTasks.tasks)
    append(all, loadedTasks.problems)
  }

  const read = await readingThresholds
  append(all, read.problems)
  const manifestNames = new Set(loaded.map((w) => w.name))
  for (const name of Object.keys(read.thresholds?.workflows ?? {})) {
    if (manifestNames.has(name)) continue
    all.push({
      file: displayPath(path.resolve(opts.thresholdsFile)),
      line: read.workflowLine(name),
      message: `workflows.${name} matches no workflow manifest (workflows: ${[...manifestNames].join(', ') || 'none'})`,
      severity: 'warning'
    })
  }

  const sorted = sortProblems(all)
  const thresholdsPath = path.resolve(opts.thresholdsFile)
  return {
    workflows,
    tasks,
    thresholds: read.thresholds ?? defaultThresholds(),
    ...(read.sha256
      ? {
          thresholdsFile: {
            path: repositoryPath(repoRoot, thresholdsPath) ?? displayPath(thresholdsPath),
            kind: 'thresholds' as const,
            sha256: read.sha256
          }
        }
      : {}),
    problems: sorted.filter((p) => p.severity === 'error'),
    warnings: sorted.filter((p) => p.severity === 'warning')
  }
}

async function loadWorkflowTasks(
  w: LoadedWorkflow & { manifest: string },
  repoRoot: string,
  cache: LoadCache | undefined
): Promise<{ tasks: LoadedTask[]; problems: Problem[] }> {
  const exclude = new Set([w.manifest, ...w.namedFiles, ...(w.incidents ? [w.incidents.absPath] : [])])
  const found = { files: [] as string[], problems: [] as Problem[] }
  for (const dir of w.taskDirs) {
    const inDir = await findTaskFiles(dir, exclude, repoRoot)
    append(found.files, inDir.files)
    append(found.problems, inDir.problems)
  }
  // Bounded: a workflow may hold more task files than the process may have open at once.
  const reading = pLimit(OPEN_FILES)
  const perFile = await Promise.all(
    found.files.map((f) => reading(() => loadTaskFileInside(f, w.name, repoRoot, cache)))
  )
  const located = perFile.flatMap((r) => r.tasks)
  const problems = [...found.problems, ...perFile.flatMap((r) => r.problems), ...checkDuplicateIds(located)]
  if (w.incidents) append(problems, incidentTaskProblems(w.incidents, w.name, new Set(located.map((l) => l.task.id))))
  if (w.workflow) {
    const checkTask = taskChecksAgainst(w.workflow)
    for (const task of located) append(problems, checkTask(task))
    for (const task of located) append(problems, await graderProblems(task, w.workflow.dir, repoRoot))
    const drill = w.workflow.kill_switch
    const tooLarge = drill && w.drillTasksLine !== undefined && drillSizeProblem(drill.drill_tasks, located.length)
    if (tooLarge) problems.push({ file: w.file, line: w.drillTasksLine, message: tooLarge, severity: 'error' })
  }
  if (found.files.length === 0)
    problems.push({ file: w.file, message: 'no golden tasks in this workflow', severity: 'warning' })
  return { tasks: located.map((l) => l.task), problems }
}

/** A task file (e.g. a symlink) that resolves outside the repository is a problem, never read. */
async function loadTaskFileInside(
  absPath: string,
  workflow: string,
  repoRoot: string,
  cache: LoadCache | undefined
): ReturnType<typeof loadTaskFile> {
  const file = displayPath(absPath)
  const outside = await repoPathProblem('the task file', absPath, 'file', repoRoot, file)
  if (outside) return { tasks: [], problems: [{ file, message: outside, severity: 'error' }] }
  return loadTaskFile(absPath, file, workflow, cache)
}

function isNamed(w: LoadedWorkflow & { manifest: string }, name: string): boolean {
  return w.name === name || path.basename(path.dirname(w.manifest)) === name
}

function duplicateWorkflowNames(workflows: LoadedWorkflow[]): Problem[] {
  const seen = new Map<string, string>()
  const problems: Problem[] = []
  for (const w of workflows) {
    const first = seen.get(w.name)
    if (first)
      problems.push({
        file: w.file,
        line: w.nameLine,
        message: `workflow name "${w.name}" is also used by ${first}`,
        severity: 'error'
      })
    else seen.set(w.name, w.file)
  }
  return problems
}
