// The shape of workflow.yml (PRODUCT.md section 1): the workflow's parts (src/model/workflow.ts)
// and the `agent:` block of every registered agent type (src/agents/registry.ts).
import * as z from 'zod'
import { agentSchema } from '../agents/registry.js'
import { strictMap } from '../model/schema-common.js'
import { toolSchemaSchema, workflowFields } from '../model/workflow.js'

export const workflowSchema = strictMap({ ...workflowFields, agent: agentSchema })

export type WorkflowFile = z.output<typeof workflowSchema>

/** One entry of a tool schema file: OpenAI's function-tool format or the bare function (unknown keys are dropped). */
export const openaiToolSchema = z.object({ type: z.literal('function'), function: toolSchemaSchema })
export const plainToolSchema = toolSchemaSchema
