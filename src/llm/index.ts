import type { Workflow } from '../model/types.js'
import { keyProblem } from './endpoint.js'
import type { LlmOptions } from './options.js'
import { WorkflowLlmRuntime, type LlmRuntime } from './runtime.js'

export type { LlmOptions } from './options.js'
export type { JudgeResult, LlmRuntime } from './runtime.js'
export { BUILT_IN_PRICES, PriceTable, costOf, priceFor } from './pricing.js'

/** One per workflow per run: model clients are created once and keep their connections alive. */
export function createLlmRuntime(workflow: Workflow, opts: LlmOptions): LlmRuntime {
  return new WorkflowLlmRuntime(workflow, opts)
}

/**
 * Why the workflow cannot reach its models, as one plain sentence for the user before the run,
 * or undefined. Checks the openai agent, and the judge when `needsJudge` (a selected task has
 * `expected.judge`).
 */
export function missingApiKey(workflow: Workflow, opts: LlmOptions, needsJudge = true): string | undefined {
  const agent = workflow.agent
  if (agent.type === 'openai') {
    const problem = keyProblem(agent, opts, `the openai agent of ${workflow.name}`, 'agent')
    if (problem) return problem
  }
  if (needsJudge && workflow.judge) return keyProblem(workflow.judge, opts, `the judge of ${workflow.name}`, 'judge')
  return undefined
}
