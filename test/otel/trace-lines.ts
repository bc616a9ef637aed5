// Synthetic lines of traces.jsonl for the OpenTelemetry tests.
import type { ModelCallRecord, ToolCallRecord, TraceLine } from '../../src/model/types.js'

export const T0 = Date.parse('2025-03-10T09:00:00.000Z')
export const iso = (ms: number) => new Date(ms).toISOString()

export function toolCall(seq: number, extra: Partial<ToolCallRecord> = {}): ToolCallRecord {
  return {
    seq,
    tool: 'lookup_order',
    args: { order_id: `O-${seq}` },
    result: { total: 25 },
    started_at: iso(T0 + 100 * seq),
    latency_ms: 0.25,
    allowed: true,
    ...extra
  }
}

export function modelCall(extra: Partial<ModelCallRecord> = {}): ModelCallRecord {
  return {
    model: 'gpt-4.1-mini',
    purpose: 'agent',
    input_tokens: 120,
    output_tokens: 9,
    response_model: 'gpt-4.1-mini-2025-04-14',
    started_at: iso(T0 + 10),
    latency_ms: 80,
    cost_usd: 0.0001,
    ...extra
  }
}

export function traceLine(extra: Partial<TraceLine> = {}): TraceLine {
  return {
    task_id: 'refund-1',
    workflow: 'refunds',
    tier: 'T1',
    risk: 'low',
    attempt: 1,
    status: 'pass',
    guardrails: { checks: [], violations: [] },
    outcome: { status: 'pass', reasons: [], causes: [], expectations: [], answer: { label: 'ok' } },
    input: { order: 'O-1' },
    model_calls: [modelCall()],
    tool_calls: [toolCall(1)],
    started_at: iso(T0),
    duration_ms: 500,
    ...extra
  }
}
