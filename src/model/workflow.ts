// The parts of workflow.yml every stage sees (PRODUCT.md section 1), as zod schemas, and the
// validated Workflow derived from them. The `agent:` block is typed by its agent type
// (src/agents/registry.ts); src/load/workflow-schema.ts assembles the whole file's schema.
import * as z from 'zod'
import { anyMap, fraction, nonNegativeInt, positiveInt, strictMap, stringMap, text, textList } from './schema-common.js'
import { governanceFields } from './governance.js'
import type { Incident } from './incident.js'
import { limitSchema } from './limits.js'
import { fixturesSchema } from './task.js'
import { toolsBackendSchema } from './tools-backend.js'
import type { Runbook } from './runbook.js'
import type { VersionedFile } from './versions.js'
import { IDENTITY_MODELS, PHASES, RISKS, type Phase, type SourceRef } from './vocabulary.js'

export const WORKFLOW_NAME = /^[A-Za-z0-9_.-]+$/

export const toolPermissionSchema = strictMap({
  scope: z.enum(['read', 'write']).describe('Whether the tool reads or changes state.'),
  risk: z.enum(RISKS),
  approval: z
    .enum(['none', 'required'])
    .default('none')
    .describe('`required`: the agent must propose the call through request_approval; a direct call is a violation.'),
  scopes: textList
    .optional()
    .describe("What the tool's credentials are granted, e.g. `payments:refund` (shown in the matrix, not enforced)."),
  limits: z
    .record(text, limitSchema)
    .optional()
    .describe('Bounds on its arguments (max, min, one_of, pattern) for calls the agent makes on its own.')
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
  retention_days: nonNegativeInt
    .optional()
    .describe('Days the data is kept: every kind that `retention` does not list (prompts, traces, artifacts).'),
  sent_to_model: textList.optional(),
  redact: z.array(redactEntrySchema).optional(),
  ...governanceFields
})
/** With its redact entries resolved to rules (a built-in name to its pattern). */
export type DataGovernance = Omit<z.output<typeof dataGovernanceSchema>, 'redact'> & { redact: RedactRule[] }

/** Where a model is reached and with which key: the judge's endpoint, and that of an agent calling a model. */
export const endpointFields = {
  base_url: text.optional().describe('An OpenAI-compatible endpoint (default: the OpenAI API).'),
  headers: stringMap
    .optional()
    .describe("Extra request headers; a value `${NAME}` is read from the environment (e.g. Azure's `api-key`)."),
  api_key_env: text.optional().describe('The environment variable holding the API key (default OPENAI_API_KEY).')
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
  name: text
    .regex(WORKFLOW_NAME, 'must contain only letters, digits, "_", "." and "-"')
    .describe("The workflow's id, e.g. refund_request_v2."),
  description: z.string().optional(),
  inputs: inputs
    .default(() => ({ sources: [], required: [] }))
    .describe('The input sources, and the fields every task input must have (`required`).'),
  outcomes: outcomes.default(() => ({})).describe('What success and failure mean, in plain English.'),
  out_of_scope: textList.default(() => []).describe('Cases the agent must escalate.'),
  permissions: z
    .record(z.string(), toolPermissionSchema)
    .describe('The permission matrix: tool name -> scope, risk, approval. A call to an unlisted tool is a violation.'),
  data_governance: dataGovernanceSchema
    .optional()
    .describe('What is sent to which model provider and region, retention, and the redact rules.'),
  tool_schemas: text.optional().describe('The tool schema file (for agents whose own settings name none).'),
  runbook: text
    .optional()
    .describe(
      'The incident runbook (markdown): sections on when to escalate, fallback behaviour, on-call and how to disable automation.'
    ),
  tasks_from: textList.optional().describe('Folders whose golden tasks also belong to this workflow.'),
  fixtures: fixturesSchema
    .optional()
    .describe(
      "Shared fixtures, as a task's: every task inherits them; a task's own fixture of a tool replaces the shared one."
    ),
  fixtures_file: text
    .optional()
    .describe('A YAML or JSON file holding the shared fixtures map (instead of `fixtures`).'),
  redact_ignore: textList
    .optional()
    .describe(
      'Keys (e.g. item_id) whose values, at any depth of a structured value, the redact rules leave as they are; secrets are still scrubbed.'
    ),
  judge: judgeSchema.optional().describe('The LLM judge of `expected.judge` rubrics.'),
  reports_actions: z
    .boolean()
    .optional()
    .describe('The agent reports its actions in its answer instead of calling tools: claimed actions count.'),
  escalation: strictMap({ min_confidence: fraction })
    .optional()
    .describe('An answer less confident than `min_confidence` must escalate (a guardrail).'),
  rollout: rolloutSchema
    .optional()
    .describe('The rollout phase the sandbox enforces: draft, propose or autonomous (absent: autonomous).'),
  identity: identitySchema.optional().describe("Whose authority the agent's tool calls carry, and the principal."),
  kill_switch: strictMap({
    env: text.optional().describe('Command agents: the variable set in the agent process for drill attempts.'),
    header: text.optional().describe('Http agents: the request header sent on drill attempts.'),
    value: text.describe('The value that turns automation off.'),
    drill_tasks: positiveInt.default(10).describe('How many tasks the drill runs (a tier-balanced sample).')
  })
    .optional()
    .describe('How automation is turned off; every run also runs a drill with it on (README "Kill-switch drill").'),
  tools_backend: toolsBackendSchema
    .optional()
    .describe(
      'A stateful backend that answers the tools the fixtures do not: `{ command }` (a process per attempt, JSON lines) or `{ url }` (an HTTP service).'
    ),
  state_file: text
    .optional()
    .describe('A JSON or YAML file: the initial state the backend is reset with for tasks without `initial_state`.'),
  version: z
    .string()
    .min(1)
    .optional()
    .describe("The agent's version, e.g. 2.3.0; report.json records it beside the hash of every file of the agent."),
  versioning: strictMap({
    require_bump: z
      .boolean()
      .default(false)
      .describe(
        'With a baseline: a changed prompt, policy or tool schema file fails the gate unless `version` changed too.'
      )
  })
    .optional()
    .describe('Rules on `version` (README "Versions").')
}
/** workflow.yml `kill_switch`: exactly one of `env` and `header` (checked at load against the agent type). */
export type KillSwitch = NonNullable<z.output<typeof workflowFields.kill_switch>>

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
  /** On a pull request, the base's tool schemas: a call must fit them too (src/sandbox/args-check.ts). */
  base_tool_schemas?: ToolSchema[]
  /** workflow.yml `runbook`: the file read, its sections checked. */
  runbook?: Runbook
  /** Absent: phase autonomous. `declared`: the manifest's own phase, where `--phase` judges the run at another. */
  rollout?: { phase: Phase; declared?: Phase }
  /** Every file that defines the agent, hashed as loaded (report.json `versions`). */
  versioned_files?: VersionedFile[]
  /** incidents.yml beside the manifest, when there is one. */
  incidents?: Incident[]
  /** The content of `state_file`, when the manifest names one. */
  initial_state?: unknown
  /** Where the tools backend starts when it is not `dir`: on a PR, the base's copy of the workflow folder. */
  backend_dir?: string
}

/**
 * Fields only loading reads: `tasks_from` becomes the folders the workflow's tasks are found in,
 * `fixtures_file` the shared `fixtures`.
 */
type LoadingOnly = 'tasks_from' | 'fixtures_file'

export type Workflow = Omit<WorkflowFields, keyof WorkflowDerived | LoadingOnly> & WorkflowDerived

/** The phase a workflow is judged at: its `rollout.phase` (after any `--phase`), else autonomous. */
export function phaseOf(workflow: Pick<Workflow, 'rollout'>): Phase {
  return workflow.rollout?.phase ?? 'autonomous'
}
