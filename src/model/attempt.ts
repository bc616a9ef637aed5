// What one attempt of a task produced: the agent's answer and calls, and how it was graded.
// The records are zod schemas because they are written to traces.jsonl (src/model/trace.ts).
import * as z from 'zod'
import type { AgentErrorKind } from './cause.js'
import { faultSchema } from './fault.js'
import { fraction } from './schema-common.js'
import { FALLBACKS } from './vocabulary.js'

export const TASK_STATUSES = ['pass', 'fail', 'error'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

/** The agent's answer to one task (the protocol of PRODUCT.md section 1), as parsed. */
export const agentAnswerSchema = z.object({
  label: z.string().optional(),
  result: z.unknown().optional(),
  escalated: z.boolean().optional(),
  message: z.string().optional(),
  plan: z.unknown().optional(),
  /** How sure the agent is of its answer, 0..1 (workflow.yml `escalation.min_confidence`). */
  confidence: fraction.optional(),
  /** What the agent fell back to when it could not finish the task itself. */
  fallback: z.enum(FALLBACKS).optional(),
  actions: z.array(z.object({ tool: z.string(), args: z.record(z.string(), z.unknown()).optional() })).optional()
})
export type AgentAnswer = z.output<typeof agentAnswerSchema>

export const toolCallRecordSchema = z.object({
  seq: z.number(),
  tool: z.string(),
  args: z.unknown(),
  result: z.unknown(),
  /** When the call came in (ISO 8601); absent in traces written before it was recorded. */
  started_at: z.string().optional(),
  latency_ms: z.number(),
  error: z.string().optional(),
  /** The fault the task's fixture answered this call with (the error says what the agent saw). */
  fault: faultSchema.optional(),
  /** False when the permission matrix forbade this call (a guardrail violation). */
  allowed: z.boolean(),
  /** True for an action proposed through `request_approval` rather than executed. */
  proposed: z.boolean().optional(),
  /** Tool calls the agent reported in its answer's `actions` rather than made through the endpoint. */
  reported: z.boolean().optional(),
  /**
   * The tool refused the call and nothing changed: a tools backend answered an error, or the
   * arguments broke the tool's JSON schema. Such a call neither satisfies an expected action nor
   * counts as an unexpected one.
   */
  rejected: z.boolean().optional()
})
export type ToolCallRecord = z.output<typeof toolCallRecordSchema>

export const modelCallRecordSchema = z.object({
  model: z.string(),
  purpose: z.enum(['agent', 'judge']),
  input_tokens: z.number(),
  output_tokens: z.number(),
  /** The model the endpoint says answered, when it says (a gateway may map an alias to a version). */
  response_model: z.string().optional(),
  /** When the call started (ISO 8601); absent in traces written before it was recorded. */
  started_at: z.string().optional(),
  latency_ms: z.number(),
  cost_usd: z.number().nullable(),
  cached: z.boolean().optional(),
  /** A cached response: what the call would have cost at its price (cost_usd is 0); null without a price. */
  cached_cost_usd: z.number().nullable().optional(),
  error: z.string().optional(),
  /** Retries the call needed (429, 5xx, connection errors), when it needed any. */
  retries: z.number().optional()
})
export type ModelCallRecord = z.output<typeof modelCallRecordSchema>

export const guardrailCheckSchema = z.object({ check: z.string(), ok: z.boolean(), detail: z.string().optional() })
export type GuardrailCheck = z.output<typeof guardrailCheckSchema>

export const expectationResultSchema = z.object({
  expectation: z.string(),
  ok: z.boolean(),
  reason: z.string().optional()
})
export type ExpectationResult = z.output<typeof expectationResultSchema>

/** The answer's `actions`, and whether they counted as actions taken (`reports_actions`). */
export const claimedActionsSchema = z.object({
  actions: z.array(z.object({ tool: z.string(), args: z.unknown().optional() })),
  counted: z.boolean()
})

/** What running one attempt of a task produced, before grading. */
export interface AgentRun {
  answer?: AgentAnswer
  /** Infrastructure failure: unreachable, timeout, budget. Makes the task `error`. */
  infra_error?: string
  /** The agent misbehaved: non-JSON answer, non-zero exit. Makes the task `fail`. */
  agent_error?: string
  /** A cause category for failure grouping, e.g. 'budget_exhausted'. */
  error_kind?: AgentErrorKind
  stderr?: string
  raw_output?: string
  tool_calls: ToolCallRecord[]
  model_calls: ModelCallRecord[]
  duration_ms: number
  /**
   * The tools backend's state after the agent finished, and (for `state_equals_replay`) after
   * replaying the expected actions. Never written to traces or report.json: it can be large.
   */
  state?: AttemptState
}

export interface AttemptState {
  final: unknown
  replay?: unknown
}

export interface GradedAttempt {
  status: TaskStatus
  reasons: string[]
  /** Short cause categories of the failure (src/grade/causes.ts), e.g. 'wrong_label', 'forbidden_action'. */
  causes: string[]
  expectations: ExpectationResult[]
  guardrails: GuardrailCheck[]
  claimed_actions?: z.output<typeof claimedActionsSchema>
}
