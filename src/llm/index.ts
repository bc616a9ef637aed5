import type { Workflow } from '../model/workflow.js'
import type { LlmOptions } from './options.js'
import { WorkflowLlmRuntime, type LlmRuntime } from './runtime.js'

export type { LlmOptions } from './options.js'
export type { JudgeResult, LlmRuntime, Ready } from './runtime.js'
export { BUILT_IN_PRICES, PriceTable, costOf, priceFor } from './pricing.js'

/** One per workflow per run: model clients are created once and keep their connections alive. */
export function createLlmRuntime(workflow: Workflow, opts: LlmOptions): LlmRuntime {
  return new WorkflowLlmRuntime(workflow, opts)
}
