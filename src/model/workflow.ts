// The parts of workflow.yml every stage sees (PRODUCT.md section 1), as zod schemas, and the
// validated Workflow derived from them. The `agent:` block is typed by its agent type
// (src/agents/registry.ts); src/load/workflow-schema.ts assembles the whole file's schema.
import * as z from 'zod'
import { anyMap, nonNegativeInt, strictMap, stringMap, text, textList } from './schema-common.js'
import { limitSchema } from './limits.js'
import { IDENTITY_MODELS, PHASES, RISKS, type Phase, type SourceRef } from './vocabulary.js'

export const WORKFLOW_NAME = /^[A-Za-z0-9_.-]+$/

export const toolPermissionSchema = strictMap({
  scope: z.enum(['read', 'write']),
  risk: z.enum(RISKS),
  approval: z.enum(['none', 'required']).default('none'),
  /** What the tool's credentials are granted, e.g. `payments:refund` (shown in the matrix, not enforced). */
  scopes: textList.optional(),
  /** Bounds on its arguments for calls the agent makes on its own (src/model/limits.ts). */
  limits: z.record(text, limitSchema).optional()
})
export type ToolPermission = z.output<typeof toolPermissionSchema>

/** `pattern`: the source of the regular expression (the global flag is added when applied). */
export const redactRuleSchema = strictMap({ name: text, pattern: text })
export type RedactRule = z.output<typeof redactRuleSchema>
/** An entry of data_governance.redact: a built-in rule's name, or a rule of one's own. */
export const redactEntrySchema = z.union([text, redactRuleSchema])
export type RedactEntry = z.output<typeof redactEntrySchema>

export const dataGovernanceSchema = strictMap({
  model_provider: z.string().optional(),
  region: z.string().optional(),
  retention_days: nonNegativeInt.optional(),
  sent_to_model: textList.optional(),
  redact: z.array(redactEntrySchema).optional()
})
/** With its redact entries resolved to rules (a built-in name to its pattern). */
export type DataGovernance = Omit<z.output<typeof dataGovernanceSchema>, 'redact'> & { redact: RedactRule[] }

/** Where a model is reached and with which key: the judge's endpoint, and that of an agent calling a model. */
export const endpointFields = {
  base_url: text.optional(),
  /** Extra request headers; a value `${NAME}` is read from the environment (e.g. Azure's `api-key`). */
  headers: stringMap.optional(),
  /** The environment variable holding the API key (default OPENAI_API_KEY). */
  api_key_env: text.optional()
}
/** Set on a pull request whose own endpoint this is: why it gets no API key (PRODUCT.md section 6). */
// A type, not an interface: agent settings that include it stay indexable as AgentSettings.
export type KeyWithheld = { key_withheld?: string }
export type EndpointConfig = z.output<z.ZodObject<typeof endpointFields>> & KeyWithheld

/** The LLM judge for `expected.judge` rubrics (any agent type). */
export const judgeSchema = strictMap({ model: text, ...endpointFields })
export type JudgeConfig = z.output<typeof judgeSchema> & KeyWithheld

/** A JSON-schema'd tool as the agent sees it (an entry of the manifest's tool schema file). */
export const toolSchemaSchema = z.object({
  name: text,
  description: z.string().optional(),
  parameters: anyMap.optional()
})
export type ToolSchema = z.output<typeof toolSchemaSchema>

/** What stages outside src/agents know of an agent: its type. Each type's settings are typed in src/agents. */
export interface AgentSettings {
  type: string
  [setting: string]: unknown
}

/** How far the agent is trusted to act (src/model/rollout.ts enforces it). */
export const rolloutSchema = strictMap({ phase: z.enum(PHASES).default('autonomous') })

/** Whose authority the agent's tool calls carry. */
export const identitySchema = strictMap({ model: z.enum(IDENTITY_MODELS), principal: text.optional() })
export type Identity = z.output<typeof identitySchema>

const inputs = strictMap({ sources: textList.default(() => []), required: textList.default(() => []) })
const outcomes = strictMap({ success: z.string().optional(), failure: z.string().optional() })

/** workflow.yml's fields but `agent`. */
export const workflowFields = {
  name: text.regex(WORKFLOW_NAME, 'must contain only letters, digits, "_", "." and "-"'),
  description: z.string().optional(),
  inputs: inputs.default(() => ({ sources: [], required: [] })),
  outcomes: outcomes.default(() => ({})),
  out_of_scope: textList.default(() => []),
  permissions: z.record(z.string(), toolPermissionSchema),
  data_governance: dataGovernanceSchema.optional(),
  /** The tool schema file (agents whose own settings name none). */
  tool_schemas: text.optional(),
  /** Folders whose golden tasks also belong to this workflow. */
  tasks_from: textList.optional(),
  judge: judgeSchema.optional(),
  /** The agent reports its actions in its answer instead of calling tools: claimed actions count. */
  reports_actions: z.boolean().optional(),
  /** Absent: phase autonomous (the matrix as written). */
  rollout: rolloutSchema.optional(),
  identity: identitySchema.optional()
}
type WorkflowFields = z.output<z.ZodObject<typeof workflowFields>>

/** What loading puts in place of, or beside, the manifest's own fields (src/load/workflow.ts derives them). */
export interface WorkflowDerived {
  /** Absolute folder of workflow.yml: command agents start here; relative paths resolve here. */
  dir: string
  source: SourceRef
  /** Its files resolved to absolute paths. */
  agent: AgentSettings
  data_governance?: DataGovernance
  /** From workflow.yml `judge`, else derived from the agent (an openai agent's `judge_model`, or its own model). */
  judge?: JudgeConfig
  /** Tool schemas from the agent's tool schema file, when there is one. */
  tool_schemas?: ToolSchema[]
  /** Absent: phase autonomous. `declared`: the manifest's own phase, where `--phase` judges the run at another. */
  rollout?: { phase: Phase; declared?: Phase }
}

/** Fields only loading reads: `tasks_from` becomes the folders the workflow's tasks are found in. */
type LoadingOnly = 'tasks_from'

export type Workflow = Omit<WorkflowFields, keyof WorkflowDerived | LoadingOnly> & WorkflowDerived

/** The phase a workflow is judged at: its `rollout.phase` (after any `--phase`), else autonomous. */
export function phaseOf(workflow: Pick<Workflow, 'rollout'>): Phase {
  return workflow.rollout?.phase ?? 'autonomous'
}
