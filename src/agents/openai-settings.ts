import * as z from 'zod'
import { POSITIVE, text } from '../model/schema-common.js'
import { endpointFields, type KeyWithheld } from '../model/workflow.js'
import { agentSchema } from './agent-type.js'

export const openaiSchema = agentSchema('openai', {
  model: text,
  prompt: text.describe('The system prompt file.'),
  policy: text.optional().describe('A file appended to the system prompt.'),
  tools: text.describe('The OpenAI function-tool schema file.'),
  base_url: endpointFields.base_url,
  temperature: z.number().min(0).max(2).optional(),
  tool_timeout_s: z
    .number()
    .positive(POSITIVE)
    .optional()
    .describe("How long the loop waits for one tool's answer before telling the model it did not answer (default 10)."),
  judge_model: text.optional().describe('The model of the LLM judge (default: `model`).'),
  headers: endpointFields.headers,
  api_key_env: endpointFields.api_key_env
})

export type OpenaiAgent = z.output<typeof openaiSchema> & KeyWithheld
