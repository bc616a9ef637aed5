// The spans of one task attempt, made from its line of traces.jsonl: that line is already redacted
// by the workflow's rules and scrubbed of secrets, so whatever a span says was in the file too.
// One root span for the attempt; under it a span per model call and per tool call, at the times
// the line records.
import { SpanKind, type Attributes } from '@opentelemetry/api'
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions'
import type { ModelCallRecord, ToolCallRecord, TraceLine } from '../model/types.js'
import { definedOnly } from '../util/defined-only.js'
import { preview } from '../util/preview.js'
import * as sc from './semconv.js'

export interface SpanPlan {
  name: string
  kind: SpanKind
  /** Epoch milliseconds. */
  start: number
  end: number
  attributes: Attributes
  /** Set: the span's status is ERROR with this message. */
  error?: string
}

export interface AttemptSpans {
  root: SpanPlan
  children: SpanPlan[]
}

/** Longest JSON text (input, answer, tool arguments and results) an attribute holds. */
export const MAX_VALUE_CHARS = 4096
const MAX_MESSAGE_CHARS = 500

/**
 * `receivedAt`: when the line was read, the fallback end of an attempt whose start is not
 * recorded (a line from before evalgate recorded it, or a start a redaction rule rewrote).
 */
export function attemptSpans(line: TraceLine, receivedAt: number): AttemptSpans {
  const recordedStart = timeOf(line.started_at)
  const anchor = recordedStart ?? receivedAt - line.duration_ms
  const children = [
    ...line.model_calls.map((call) => modelCallSpan(call, anchor)),
    ...line.tool_calls.map((call) => toolCallSpan(call, anchor))
  ]
  let end = anchor + line.duration_ms
  for (const child of children) if (child.end > end) end = child.end
  const failed = line.outcome.status !== 'pass'
  const root: SpanPlan = {
    name: `evalgate task ${line.task_id}`,
    kind: SpanKind.INTERNAL,
    start: anchor,
    end,
    attributes: definedOnly({
      'evalgate.task.id': line.task_id,
      'evalgate.workflow': line.workflow,
      'evalgate.tier': line.tier,
      'evalgate.risk': line.risk,
      'evalgate.attempt': line.attempt,
      'evalgate.outcome': line.outcome.status,
      'evalgate.reasons': line.outcome.reasons,
      'evalgate.causes': line.outcome.causes,
      'evalgate.guardrail.violations': line.guardrails.violations.length > 0 ? line.guardrails.violations : undefined,
      'evalgate.answer.label': line.outcome.answer?.label,
      'evalgate.form': line.form,
      [sc.ATTR_OPENINFERENCE_SPAN_KIND]: 'AGENT',
      [sc.ATTR_INPUT_VALUE]: json(line.input),
      [sc.ATTR_OUTPUT_VALUE]: line.outcome.answer ? json(line.outcome.answer) : undefined
    }),
    ...(failed ? { error: message(line.outcome.reasons[0] ?? line.outcome.status) } : {})
  }
  return { root, children }
}

function modelCallSpan(call: ModelCallRecord, anchor: number): SpanPlan {
  const start = timeOf(call.started_at) ?? anchor
  return {
    name: `${sc.GEN_AI_OPERATION_CHAT} ${call.model}`,
    kind: SpanKind.CLIENT,
    start,
    end: start + call.latency_ms,
    attributes: definedOnly({
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_CHAT,
      [sc.ATTR_GEN_AI_PROVIDER_NAME]: sc.GEN_AI_PROVIDER_OPENAI,
      [sc.ATTR_GEN_AI_SYSTEM]: sc.GEN_AI_PROVIDER_OPENAI,
      [sc.ATTR_GEN_AI_REQUEST_MODEL]: call.model,
      [sc.ATTR_GEN_AI_RESPONSE_MODEL]: call.response_model,
      [sc.ATTR_GEN_AI_USAGE_INPUT_TOKENS]: call.input_tokens,
      [sc.ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: call.output_tokens,
      [sc.ATTR_OPENINFERENCE_SPAN_KIND]: 'LLM',
      [ATTR_ERROR_TYPE]: call.error !== undefined ? '_OTHER' : undefined,
      'evalgate.model.purpose': call.purpose,
      'evalgate.cost_usd': call.cost_usd ?? undefined,
      'evalgate.cached': call.cached,
      'evalgate.retries': call.retries
    }),
    ...(call.error !== undefined ? { error: message(call.error) } : {})
  }
}

function toolCallSpan(call: ToolCallRecord, anchor: number): SpanPlan {
  const start = timeOf(call.started_at) ?? anchor
  return {
    name: `${sc.GEN_AI_OPERATION_EXECUTE_TOOL} ${call.tool}`,
    kind: SpanKind.INTERNAL,
    start,
    end: start + call.latency_ms,
    attributes: definedOnly({
      [sc.ATTR_GEN_AI_OPERATION_NAME]: sc.GEN_AI_OPERATION_EXECUTE_TOOL,
      [sc.ATTR_GEN_AI_TOOL_NAME]: call.tool,
      [sc.ATTR_GEN_AI_TOOL_TYPE]: 'function',
      [sc.ATTR_GEN_AI_TOOL_CALL_ARGUMENTS]: json(call.args),
      [sc.ATTR_GEN_AI_TOOL_CALL_RESULT]: json(call.result),
      [sc.ATTR_OPENINFERENCE_SPAN_KIND]: 'TOOL',
      [ATTR_ERROR_TYPE]: call.error !== undefined ? '_OTHER' : undefined,
      'evalgate.tool.seq': call.seq,
      'evalgate.tool.allowed': call.allowed,
      'evalgate.tool.proposed': call.proposed
    }),
    ...(call.error !== undefined ? { error: message(call.error) } : {})
  }
}

/** Epoch milliseconds of an ISO 8601 time; undefined when absent or not a time. */
function timeOf(iso: string | undefined): number | undefined {
  const ms = iso === undefined ? NaN : Date.parse(iso)
  return Number.isFinite(ms) ? ms : undefined
}

function json(value: unknown): string {
  return preview(JSON.stringify(value) ?? 'null', MAX_VALUE_CHARS)
}

function message(text: string): string {
  return preview(text, MAX_MESSAGE_CHARS)
}
