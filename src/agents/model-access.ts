// The models a workflow calls and the keys they need: its agent's, when its type calls a model
// itself, and its judge's.
import { keyProblem, registerEndpointSecrets } from '../llm/endpoint.js'
import type { LlmOptions } from '../llm/options.js'
import type { AgentSettings, EndpointConfig, Workflow } from '../model/workflow.js'
import { agentTypeOf } from './registry.js'

/** The model the agent calls, and the endpoint that needs its key; undefined when its type calls none. */
export function agentModel(agent: AgentSettings): { name: string; endpoint: EndpointConfig } | undefined {
  return agentTypeOf(agent).model?.(agent)
}

/**
 * Why the workflow cannot reach its models, as one plain sentence for the user before the run,
 * or undefined. Checks the agent's model, and the judge when `needsJudge` (a selected task has
 * `expected.judge`).
 */
export function missingApiKey(workflow: Workflow, opts: LlmOptions, needsJudge = true): string | undefined {
  const model = agentModel(workflow.agent)
  if (model) {
    const user = `the ${workflow.agent.type} agent of ${workflow.name}`
    const problem = keyProblem(model.endpoint, opts, user, 'agent')
    if (problem) return problem
  }
  if (needsJudge && workflow.judge) return keyProblem(workflow.judge, opts, `the judge of ${workflow.name}`, 'judge')
  return undefined
}

/**
 * Every credential the workflows name (`api_key_env` values, `${VAR}` header values, credential
 * headers), registered before any task runs: an agent's output is scrubbed, and cut, from its
 * first task on, not only once the endpoint is first used.
 */
export function registerWorkflowSecrets(workflows: readonly Workflow[]): void {
  registerEndpointSecrets(
    workflows.flatMap((workflow) => [
      ...(agentTypeOf(workflow.agent).credentials?.(workflow.agent) ?? []),
      ...(workflow.judge ? [workflow.judge] : [])
    ])
  )
}
