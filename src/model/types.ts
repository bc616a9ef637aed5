// The validated model every stage after loading works on. Loading turns files into these
// types (src/load); nothing downstream reads a user file again. Each shape has a file of its own
// in src/model, re-exported here; the workflow manifest's types are declared below.
import type { Risk, SourceRef } from './task.js'

export { RISKS, TIERS } from './task.js'
export type { ExpectedRubric, Fixture, GoldenTask, Risk, SourceRef, TaskCore, TaskPlace, Tier } from './task.js'
export type { Budgets, ModelPrice, OverrideRules, Thresholds } from './thresholds.js'
export type { DecisionSettings, GateRules, PassKRule, TierRule } from './gate-rules-schema.js'
export type {
  AgentAnswer,
  AgentRun,
  ExpectationResult,
  GradedAttempt,
  GuardrailCheck,
  ModelCallRecord,
  TaskStatus,
  ToolCallRecord
} from './attempt.js'
export type {
  ChangedTask,
  Decision,
  FailureMode,
  GateChanges,
  PairedComparison,
  Report,
  RunAttempts,
  TaskRef,
  TaskResult,
  ThresholdChange,
  TierAttempts,
  TierDecision,
  TierSummary,
  TokenCounts,
  WorkflowInfo
} from './report.js'
export type { TraceLine } from './trace.js'

export interface ToolPermission {
  scope: 'read' | 'write'
  risk: Risk
  approval: 'none' | 'required'
}

export type AgentConfig =
  | {
      type: 'command'
      command: string | string[]
      /** Variables set for the agent: a literal, or `${VAR}` / `$VAR` read from evalgate's environment. */
      env?: Record<string, string>
      /**
       * When set, the `${VAR}` references of each `env` entry resolve only for the variables listed
       * under the same entry name (others resolve to nothing: the entry is left out). Absent: every
       * reference resolves. The engine sets it on a pull request from the base manifest's entries,
       * so that a PR cannot hand the agent a secret its base did not.
       */
      env_refs?: Record<string, readonly string[]>
    }
  | { type: 'http'; url: string; headers?: Record<string, string> }
  | {
      type: 'openai'
      model: string
      prompt: string
      policy?: string
      tools: string
      base_url?: string
      temperature?: number
      judge_model?: string
      /** Extra request headers; a value `${NAME}` is read from the environment (e.g. Azure's `api-key`). */
      headers?: Record<string, string>
      /** The environment variable holding the API key (default OPENAI_API_KEY). */
      api_key_env?: string
      /** Set on a pull request whose own endpoint this is: why it gets no API key (PRODUCT.md section 6). */
      key_withheld?: string
    }

/** The LLM judge for `expected.judge` rubrics (any agent type). */
export interface JudgeConfig {
  model: string
  base_url?: string
  headers?: Record<string, string>
  api_key_env?: string
  /** As for the openai agent: why this endpoint gets no API key on a pull request. */
  key_withheld?: string
}

export interface RedactRule {
  name: string
  /** Source of the regular expression (global flag is added when applied). */
  pattern: string
}

export interface DataGovernance {
  model_provider?: string
  region?: string
  retention_days?: number
  sent_to_model?: string[]
  redact: RedactRule[]
}

/** A JSON-schema'd tool as the agent sees it (from the manifest's tool schema file). */
export interface ToolSchema {
  name: string
  description?: string
  parameters?: unknown
}

export interface Workflow {
  name: string
  description?: string
  /** Absolute folder of workflow.yml: command agents start here; relative paths resolve here. */
  dir: string
  source: SourceRef
  inputs: { sources: string[]; required: string[] }
  outcomes: { success?: string; failure?: string }
  out_of_scope: string[]
  permissions: Record<string, ToolPermission>
  data_governance?: DataGovernance
  agent: AgentConfig
  /** Tool schemas from the agent's tool schema file, when there is one. */
  tool_schemas?: ToolSchema[]
  /** From workflow.yml `judge`, else derived from an openai agent (`judge_model`, or its own model). */
  judge?: JudgeConfig
  /** The agent reports its actions in its answer instead of calling tools: claimed actions count. */
  reports_actions?: boolean
}
