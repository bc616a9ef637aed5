// The shape of workflow.yml (PRODUCT.md section 1).
import * as z from 'zod'
import { RISKS } from '../model/types.js'
import { anyMap, nonNegativeInt, strictMap, stringMap, text, textList } from './schema-common.js'

export const WORKFLOW_NAME = /^[A-Za-z0-9_.-]+$/

const permission = strictMap({
  scope: z.enum(['read', 'write']),
  risk: z.enum(RISKS),
  approval: z.enum(['none', 'required']).default('none')
})

const redactEntry = z.union([text, strictMap({ name: text, pattern: text })])

const dataGovernance = strictMap({
  model_provider: z.string().optional(),
  region: z.string().optional(),
  retention_days: nonNegativeInt.optional(),
  sent_to_model: textList.optional(),
  redact: z.array(redactEntry).optional()
})

const commandAgent = strictMap({
  type: z.literal('command'),
  command: z.union([text, z.array(text).min(1)]),
  env: stringMap.optional()
})

const httpAgent = strictMap({
  type: z.literal('http'),
  url: text,
  headers: stringMap.optional()
})

const openaiAgent = strictMap({
  type: z.literal('openai'),
  model: text,
  prompt: text,
  policy: text.optional(),
  tools: text,
  base_url: text.optional(),
  temperature: z.number().min(0).max(2).optional(),
  judge_model: text.optional(),
  headers: stringMap.optional(),
  api_key_env: text.optional()
})

const judge = strictMap({
  model: text,
  base_url: text.optional(),
  headers: stringMap.optional(),
  api_key_env: text.optional()
})

export const workflowSchema = strictMap({
  name: text.regex(WORKFLOW_NAME, 'must contain only letters, digits, "_", "." and "-"'),
  description: z.string().optional(),
  inputs: strictMap({ sources: textList.optional(), required: textList.optional() }).optional(),
  outcomes: strictMap({ success: z.string().optional(), failure: z.string().optional() }).optional(),
  out_of_scope: textList.optional(),
  permissions: z.record(z.string(), permission),
  data_governance: dataGovernance.optional(),
  tool_schemas: text.optional(),
  tasks_from: textList.optional(),
  judge: judge.optional(),
  reports_actions: z.boolean().optional(),
  agent: z.discriminatedUnion('type', [commandAgent, httpAgent, openaiAgent])
})

export type WorkflowFile = z.output<typeof workflowSchema>

/** One entry of a tool schema file: OpenAI's function-tool format or the bare function. */
export const openaiToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({ name: text, description: z.string().optional(), parameters: anyMap.optional() })
})
export const plainToolSchema = z.looseObject({
  name: text,
  description: z.string().optional(),
  parameters: anyMap.optional()
})
