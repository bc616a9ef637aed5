// Which files make a PR an agent change: by default the golden tasks, the thresholds file, every
// file a manifest names (prompt, policy, tools, tool schemas, tasks_from folders) and the code of a
// command agent, as repository-relative globs built from the loader's view of the manifests. An
// http agent's code is out of sight: it makes the gate run on every PR.
import path from 'node:path'
import { findManifests } from '../load/discover.js'
import { agentTypeOf } from '../agents/registry.js'
import { displayPath } from '../load/paths.js'
import { loadWorkflow } from '../load/workflow.js'

/** One project's files to read the manifests from, e.g. the working tree or a snapshot of the base commit. */
export interface AgentPathSource {
  /** The repository root of this copy: globs are relative to it. */
  root: string
  tasksDir: string
  thresholdsFile: string
  /** Appended to every reason, e.g. "base abc1234". */
  label?: string
}

export interface AgentPathRule {
  glob: string
  /** Why the glob is an agent path, e.g. "the folder of `agent/agent.mjs`, which the command agent of `wf` runs". */
  reasons: string[]
}

export interface AgentPaths {
  rules: AgentPathRule[]
  /** Why the gate runs on every PR (one line per http agent); empty when it does not. */
  alwaysRun: string[]
}

/** The union of the default agent paths of every source. */
export async function defaultAgentGlobs(sources: AgentPathSource[]): Promise<AgentPaths> {
  const rules = new Map<string, string[]>()
  const alwaysRun: string[] = []
  for (const source of sources) {
    const suffix = source.label ? ` (${source.label})` : ''
    const add = (glob: string | undefined, reason: string) => {
      if (glob === undefined) return
      const reasons = rules.get(glob) ?? []
      if (!reasons.includes(reason + suffix)) reasons.push(reason + suffix)
      rules.set(glob, reasons)
    }
    const file = (abs: string) => fileGlob(abs, source.root)
    const folder = (abs: string) => folderGlob(abs, source.root)

    add(folder(path.resolve(source.tasksDir)), 'the tasks folder')
    add(file(path.resolve(source.thresholdsFile)), 'the thresholds file')
    const { manifests } = await findManifests(source.tasksDir)
    for (const manifest of manifests) {
      const loaded = await loadWorkflow(manifest, source.root)
      const shown = repoRelative(manifest, source.root) ?? displayPath(manifest)
      add(file(manifest), `the manifest of \`${loaded.name}\``)
      for (const named of loaded.namedFiles) add(file(named), `named by \`${shown}\``)
      for (const dir of loaded.taskDirs.slice(1)) add(folder(dir), `tasks_from of \`${shown}\``)
      const workflow = loaded.workflow
      const code = workflow && (await agentTypeOf(workflow.agent).code?.(workflow.agent, workflow.dir))
      if (!code) continue
      const inRepo = code.paths.filter((arg) => repoRelative(arg.abs, source.root) !== undefined)
      if (inRepo.length === 0 && code.unseen) alwaysRun.push(code.unseen(shown) + suffix)
      // A file's whole folder counts, since what it imports cannot be known; a file at the
      // repository root counts alone, as its folder would match every change.
      for (const arg of inRepo) {
        const rel = repoRelative(arg.abs, source.root)!
        const runs = `which the ${workflow.agent.type} agent of \`${loaded.name}\` runs`
        const parent = path.dirname(arg.abs)
        if (arg.kind === 'folder') add(rel === '' ? undefined : folder(arg.abs), `\`${rel}\`, ${runs}`)
        else if (repoRelative(parent, source.root) === '')
          add(file(arg.abs), `\`${rel}\`, ${runs} (at the repository root, so only this file)`)
        else add(folder(parent), `the folder of \`${rel}\`, ${runs}`)
      }
    }
  }
  return { rules: [...rules].map(([glob, reasons]) => ({ glob, reasons })), alwaysRun }
}

function fileGlob(abs: string, root: string): string | undefined {
  const rel = repoRelative(abs, root)
  return rel === undefined || rel === '' ? undefined : escapeGlob(rel)
}

/** `dir/**`; the repository root itself only for the tasks folder (a project kept at the root). */
function folderGlob(abs: string, root: string): string | undefined {
  const rel = repoRelative(abs, root)
  if (rel === undefined) return undefined
  return rel === '' ? '**' : `${escapeGlob(rel)}/**`
}

/** `a/b.md` relative to the repository root, or undefined for a path outside it. */
function repoRelative(abs: string, root: string): string | undefined {
  const rel = path.relative(path.resolve(root), abs)
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined
  return rel.split(path.sep).join('/')
}

function escapeGlob(literal: string): string {
  return literal.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`)
}
