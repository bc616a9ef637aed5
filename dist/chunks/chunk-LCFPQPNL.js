import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  FALLBACKS,
  faultSchema,
  fraction
} from "./chunk-7LLJMACG.js";
import {
  _enum,
  array,
  boolean,
  number,
  object,
  record,
  string,
  unknown
} from "./chunk-WE7CPBA2.js";

// src/model/attempt.ts
var TASK_STATUSES = ["pass", "fail", "error"];
var agentAnswerSchema = object({
  label: string().optional(),
  result: unknown().optional(),
  escalated: boolean().optional(),
  message: string().optional(),
  plan: unknown().optional(),
  /** How sure the agent is of its answer, 0..1 (workflow.yml `escalation.min_confidence`). */
  confidence: fraction.optional(),
  /** What the agent fell back to when it could not finish the task itself. */
  fallback: _enum(FALLBACKS).optional(),
  actions: array(object({ tool: string(), args: record(string(), unknown()).optional() })).optional()
});
var toolCallRecordSchema = object({
  seq: number(),
  tool: string(),
  args: unknown(),
  result: unknown(),
  /** When the call came in (ISO 8601); absent in traces written before it was recorded. */
  started_at: string().optional(),
  latency_ms: number(),
  error: string().optional(),
  /** The fault the task's fixture answered this call with (the error says what the agent saw). */
  fault: faultSchema.optional(),
  /** False when the permission matrix forbade this call (a guardrail violation). */
  allowed: boolean(),
  /** True for an action proposed through `request_approval` rather than executed. */
  proposed: boolean().optional(),
  /** Tool calls the agent reported in its answer's `actions` rather than made through the endpoint. */
  reported: boolean().optional(),
  /**
   * The tool refused the call and nothing changed: a tools backend answered an error, or the
   * arguments broke the tool's JSON schema. Such a call neither satisfies an expected action nor
   * counts as an unexpected one.
   */
  rejected: boolean().optional()
});
var modelCallRecordSchema = object({
  model: string(),
  purpose: _enum(["agent", "judge"]),
  input_tokens: number(),
  output_tokens: number(),
  /** The model the endpoint says answered, when it says (a gateway may map an alias to a version). */
  response_model: string().optional(),
  /** When the call started (ISO 8601); absent in traces written before it was recorded. */
  started_at: string().optional(),
  latency_ms: number(),
  cost_usd: number().nullable(),
  cached: boolean().optional(),
  /** A cached response: what the call would have cost at its price (cost_usd is 0); null without a price. */
  cached_cost_usd: number().nullable().optional(),
  error: string().optional(),
  /** Retries the call needed (429, 5xx, connection errors), when it needed any. */
  retries: number().optional()
});
var guardrailCheckSchema = object({ check: string(), ok: boolean(), detail: string().optional() });
var expectationResultSchema = object({
  expectation: string(),
  ok: boolean(),
  reason: string().optional()
});
var claimedActionsSchema = object({
  actions: array(object({ tool: string(), args: unknown().optional() })),
  counted: boolean()
});

export {
  TASK_STATUSES,
  agentAnswerSchema,
  toolCallRecordSchema,
  modelCallRecordSchema,
  guardrailCheckSchema,
  expectationResultSchema,
  claimedActionsSchema
};
