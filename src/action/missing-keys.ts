// Tells "the model key is missing" (a fork PR: no secrets) apart from other input problems.
import { agentModel } from '../agents/model-access.js'
import { DEFAULT_KEY_ENV } from '../llm/endpoint.js'
import { loadProject } from '../load/index.js'
import type { Problem } from '../util/problems.js'
import { missingKeys } from '../run/evaluate.js'
import type { ActionInputs } from './inputs.js'
import { workspaceRoot } from './workspace.js'

/** The env var names of the missing keys when every problem is a missing key, else []. */
export async function missingKeyNames(inputs: ActionInputs, problems: Problem[]): Promise<string[]> {
  const project = await loadProject({
    tasksDir: inputs.tasks,
    thresholdsFile: inputs.thresholds,
    repoRoot: workspaceRoot()
  })
  if (project.problems.length > 0) return []
  const missing = missingKeys(project, project.tasks, inputs)
  const messages = new Set(missing.map((p) => p.message))
  if (missing.length === 0 || !problems.every((p) => messages.has(p.message))) return []
  const names = new Set<string>()
  for (const problem of problems) {
    const named = /^([A-Za-z_][A-Za-z0-9_]*) is not set/.exec(problem.message)?.[1]
    const workflow = project.workflows.find((w) => w.source.file === problem.file)
    const model = workflow && agentModel(workflow.agent)
    names.add(named ?? (model ? model.endpoint.api_key_env : workflow?.judge?.api_key_env) ?? DEFAULT_KEY_ENV)
  }
  return [...names]
}
