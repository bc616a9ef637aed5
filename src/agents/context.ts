import type { LlmRuntime } from '../llm/index.js'
import type { GoldenTask, Workflow } from '../model/types.js'
import type { KillSwitch } from '../model/workflow.js'
import type { ToolSession } from '../sandbox/index.js'

/** Everything one attempt of one task needs to run its agent. */
export interface AgentContext {
  task: GoldenTask
  workflow: Workflow
  session: ToolSession
  timeoutMs: number
  /** The workflow's model runtime: required by agents that call a model (e.g. openai). */
  llm?: LlmRuntime
  /** Set on a kill-switch drill attempt: the switch to turn on (the agent type's form of it). */
  killSwitch?: KillSwitch
}
