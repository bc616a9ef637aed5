// One line of traces.jsonl (PRODUCT.md section 4): one attempt of one task, as run and graded.
import * as z from 'zod'
import {
  agentAnswerSchema,
  claimedActionsSchema,
  expectationResultSchema,
  guardrailCheckSchema,
  modelCallRecordSchema,
  TASK_STATUSES,
  toolCallRecordSchema
} from './attempt.js'
import { RISKS, TIERS } from './vocabulary.js'

export const traceLineSchema = z.object({
  task_id: z.string(),
  workflow: z.string(),
  tier: z.enum(TIERS),
  risk: z.enum(RISKS),
  /** 1-based. */
  attempt: z.number(),
  status: z.enum(TASK_STATUSES),
  plan: z.unknown().optional(),
  guardrails: z.object({ checks: z.array(guardrailCheckSchema), violations: z.array(z.string()) }),
  outcome: z.object({
    status: z.enum(TASK_STATUSES),
    reasons: z.array(z.string()),
    causes: z.array(z.string()),
    expectations: z.array(expectationResultSchema),
    answer: agentAnswerSchema.nullable(),
    infra_error: z.string().optional(),
    agent_error: z.string().optional()
  }),
  claimed_actions: claimedActionsSchema.optional(),
  input: z.unknown(),
  model_calls: z.array(modelCallRecordSchema),
  tool_calls: z.array(toolCallRecordSchema),
  /** When the attempt started (ISO 8601); absent in traces written before it was recorded. */
  started_at: z.string().optional(),
  duration_ms: z.number(),
  stderr: z.string().optional(),
  raw_output: z.string().optional(),
  /** `pr`: the PR's form of a changed golden task, run beside its counted base form; `drill`: a kill-switch drill attempt. */
  form: z.enum(['pr', 'drill']).optional()
})

export type TraceLine = z.output<typeof traceLineSchema>
