// Which files make a PR an agent change: by default the golden tasks, the thresholds file and every
// file a manifest names (prompt, policy, tools, tool schemas, tasks_from folders, a command agent's
// scripts), as repository-relative globs built from the loader's view of the manifests.
import path from 'node:path'
import { findManifests } from '../load/discover.js'
import { isFile } from '../load/paths.js'
import { loadWorkflow } from '../load/workflow.js'
import type { AgentConfig } from '../model/types.js'

export async function defaultAgentGlobs(tasksDir: string, thresholdsFile: string, root: string): Promise<string[]> {
  const globs = new Set<string>()
  const addFile = (abs: string) => {
    const rel = repoRelative(abs, root)
    if (rel !== undefined) globs.add(escapeGlob(rel))
  }
  const addFolder = (abs: string) => {
    const rel = repoRelative(abs, root)
    if (rel !== undefined) globs.add(rel === '' ? '**' : `${escapeGlob(rel)}/**`)
  }
  addFolder(path.resolve(tasksDir))
  addFile(path.resolve(thresholdsFile))
  const { manifests } = await findManifests(tasksDir)
  for (const manifest of manifests) {
    const loaded = await loadWorkflow(manifest)
    addFile(manifest)
    loaded.namedFiles.forEach(addFile)
    loaded.taskDirs.forEach(addFolder)
    if (loaded.workflow)
      for (const script of await commandScripts(loaded.workflow.agent, loaded.workflow.dir)) addFile(script)
  }
  return [...globs]
}

/** The arguments of a command agent that are files on disk (relative to its workflow folder). */
async function commandScripts(agent: AgentConfig, dir: string): Promise<string[]> {
  if (agent.type !== 'command') return []
  const argv = Array.isArray(agent.command) ? agent.command : agent.command.split(/\s+/)
  const scripts: string[] = []
  for (const arg of argv) {
    if (arg === '' || arg.startsWith('-')) continue
    const abs = path.resolve(dir, arg)
    if (await isFile(abs)) scripts.push(abs)
  }
  return scripts
}

/** `a/b.md` relative to the repository root, or undefined for a path outside it. */
function repoRelative(abs: string, root: string): string | undefined {
  const rel = path.relative(path.resolve(root), abs)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return rel.split(path.sep).join('/')
}

function escapeGlob(literal: string): string {
  return literal.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`)
}
