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
  /** What lives as long as the run (persistent command workers); without it a `persistent` agent starts a process per task. */
  scope?: RunScope
}

/** Something an agent type keeps for a whole run, e.g. the processes of a persistent command agent. */
export interface RunResource {
  /** The run is over: end gracefully, resolving once done. */
  end(): Promise<void>
  /** A stop signal: kill now (synchronous: the process exits right after). */
  kill(): void
}

/** The run's resources: created by the runner, ended when the run ends or a stop signal arrives. */
export interface RunScope {
  /** The run's one resource for `key`, made on first use. */
  resource<T extends RunResource>(key: symbol, make: () => T): T
}
