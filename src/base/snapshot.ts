// The base commit's thresholds, workflows and golden tasks, loaded by the normal loader from a
// temporary folder holding the base's files. Problems name the base's files as
// `<repository path> (base abc1234)`. Nothing of the base is run but its custom graders and tools
// backends, so that a PR cannot edit the programs that grade it: the folder is removed once
// loaded, or, when a base task has a grader or a base workflow a backend, when evalgate exits
// (each such task's `grader_dir`, each such workflow's `dir`, points into it).
import { rmSync } from 'node:fs'
import { mkdtemp, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadProject, type LoadOptions } from '../load/index.js'
import { displayPath } from '../load/paths.js'
import { escapeRegExp } from '../util/escape-regexp.js'
import { InputError, type Problem } from '../util/problems.js'
import type { LoadedTask } from '../load/task-schema.js'
import type { Thresholds, Workflow } from '../model/types.js'
import { readingBase } from './base-read-error.js'
import { materializeBase, type BaseLayout } from './materialize.js'
import type { CommitSource } from '../model/commit-source.js'

export type { BaseLayout } from './materialize.js'

export interface BaseProject {
  source: { sha: string; via: string }
  /** Absent when the base has no thresholds file (the PR that adds evalgate). */
  thresholds?: Thresholds
  workflows: Workflow[]
  tasks: LoadedTask[]
  /** Repository-relative path of each base workflow's manifest, by workflow name. */
  manifestPaths: Map<string, string>
  /** Things left out of the base's files (symlinks), in words. */
  notes: string[]
}

/** Throws InputError when the base cannot be read, or when its files have problems. */
export async function loadBaseProject(source: CommitSource, layout: BaseLayout): Promise<BaseProject> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'evalgate-base-')))
  let runsBaseCode = false
  try {
    const entries = await readingBase(source, () => source.listTree())
    const files = await readingBase(source, () => materializeBase(source, entries, layout, dir))
    const tasksDir = path.join(dir, layout.tasksDir)
    const thresholdsFile = path.join(dir, layout.thresholdsFile)
    // repoRoot: the manifest's files must resolve inside the base's own files.
    const options: LoadOptions = { tasksDir, thresholdsFile, repoRoot: dir }
    const project = await loadProject(options)

    const absent = new Set([
      ...(files.hasThresholds ? [] : [displayPath(thresholdsFile)]),
      ...(files.hasTasksDir ? [] : [displayPath(tasksDir)])
    ])
    const names = baseNames(dir, source.sha)
    const problems = project.problems.filter((p) => !absent.has(p.file))
    if (problems.length > 0) throw new InputError(problems.map(names.problem))

    const manifestPaths = new Map(project.workflows.map((w) => [w.name, names.repositoryPath(w.source.file)]))
    const dirs = new Map(project.workflows.map((w) => [w.name, w.dir]))
    for (const task of project.tasks)
      if (task.expected.grader) {
        task.grader_dir = dirs.get(task.workflow)
        runsBaseCode = true
      }
    if (project.workflows.some((w) => w.tools_backend)) runsBaseCode = true
    for (const item of [...project.workflows, ...project.tasks]) item.source = names.source(item.source)
    return {
      source: { sha: source.sha, via: source.via },
      ...(files.hasThresholds ? { thresholds: project.thresholds } : {}),
      workflows: project.workflows,
      tasks: project.tasks,
      manifestPaths,
      notes: files.notes
    }
  } finally {
    if (runsBaseCode) process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    else await rm(dir, { recursive: true, force: true })
  }
}

/** Names of the snapshot's files as the repository's, marked as the base's. */
function baseNames(dir: string, sha: string) {
  const mark = ` (base ${sha.slice(0, 7)})`
  const repositoryPath = (file: string) => path.relative(dir, path.resolve(file)).split(path.sep).join('/') || '.'
  const label = (file: string) => `${repositoryPath(file)}${mark}`
  // Longest first: the cwd-relative name of the folder ends with its absolute name.
  const prefixes = [...new Set([displayPath(dir) + path.sep, dir + path.sep])].sort((a, b) => b.length - a.length)
  const inText = (text: string) =>
    prefixes.reduce(
      (out, prefix) =>
        out.replace(
          new RegExp(`${escapeRegExp(prefix)}([^\\s:'"(),]+)(:\\d+)?`, 'g'),
          (_m, file: string, line = '') => `${file.split(path.sep).join('/')}${line}${mark}`
        ),
      text
    )
  return {
    repositoryPath,
    source: <T extends { file: string }>(ref: T): T => ({ ...ref, file: label(ref.file) }),
    problem: (p: Problem): Problem => ({ ...p, file: label(p.file), message: inText(p.message) })
  }
}
