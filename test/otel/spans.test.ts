import { describe, expect, it } from '@jest/globals'
import { SpanKind } from '@opentelemetry/api'
import { attemptSpans, MAX_VALUE_CHARS } from '../../src/otel/spans.js'
import { iso, modelCall, T0, toolCall, traceLine } from './trace-lines.js'

const NOW = T0 + 60_000

describe('the spans of one attempt', () => {
  it('a root span with the evalgate attributes, at the recorded start, for the recorded duration', () => {
    const { root } = attemptSpans(traceLine(), NOW)
    expect(root).toEqual({
      name: 'evalgate task refund-1',
      kind: SpanKind.INTERNAL,
      start: T0,
      end: T0 + 500,
      attributes: {
        'evalgate.task.id': 'refund-1',
        'evalgate.workflow': 'refunds',
        'evalgate.tier': 'T1',
        'evalgate.risk': 'low',
        'evalgate.attempt': 1,
        'evalgate.outcome': 'pass',
        'evalgate.reasons': [],
        'evalgate.causes': [],
        'evalgate.answer.label': 'ok',
        'openinference.span.kind': 'AGENT',
        'input.value': '{"order":"O-1"}',
        'output.value': '{"label":"ok"}'
      }
    })
  })

  it('a chat span per model call with the GenAI attributes, and an error status when the call failed', () => {
    const calls = [
      modelCall(),
      modelCall({
        purpose: 'judge',
        response_model: undefined,
        cached: true,
        cost_usd: null,
        retries: 2,
        error: 'HTTP 503',
        started_at: iso(T0 + 400)
      })
    ]
    const { children } = attemptSpans(traceLine({ model_calls: calls, tool_calls: [] }), NOW)
    expect(children).toEqual([
      {
        name: 'chat gpt-4.1-mini',
        kind: SpanKind.CLIENT,
        start: T0 + 10,
        end: T0 + 90,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.system': 'openai',
          'gen_ai.request.model': 'gpt-4.1-mini',
          'gen_ai.response.model': 'gpt-4.1-mini-2025-04-14',
          'gen_ai.usage.input_tokens': 120,
          'gen_ai.usage.output_tokens': 9,
          'openinference.span.kind': 'LLM',
          'evalgate.model.purpose': 'agent',
          'evalgate.cost_usd': 0.0001
        }
      },
      {
        name: 'chat gpt-4.1-mini',
        kind: SpanKind.CLIENT,
        start: T0 + 400,
        end: T0 + 480,
        attributes: expect.objectContaining({
          'error.type': '_OTHER',
          'evalgate.model.purpose': 'judge',
          'evalgate.cached': true,
          'evalgate.retries': 2
        }),
        error: 'HTTP 503'
      }
    ])
    expect(children[1].attributes).not.toHaveProperty('gen_ai.response.model')
    expect(children[1].attributes).not.toHaveProperty('evalgate.cost_usd')
  })

  it('an execute_tool span per tool call; a refused call is an error', () => {
    const calls = [toolCall(1), toolCall(2, { tool: 'issue_refund', allowed: false, error: 'forbidden', result: null })]
    const { children } = attemptSpans(traceLine({ model_calls: [], tool_calls: calls }), NOW)
    expect(children[0]).toEqual({
      name: 'execute_tool lookup_order',
      kind: SpanKind.INTERNAL,
      start: T0 + 100,
      end: T0 + 100.25,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'lookup_order',
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.arguments': '{"order_id":"O-1"}',
        'gen_ai.tool.call.result': '{"total":25}',
        'openinference.span.kind': 'TOOL',
        'evalgate.tool.seq': 1,
        'evalgate.tool.allowed': true
      }
    })
    expect(children[1]).toMatchObject({
      name: 'execute_tool issue_refund',
      error: 'forbidden',
      attributes: { 'error.type': '_OTHER', 'evalgate.tool.allowed': false, 'gen_ai.tool.call.result': 'null' }
    })
  })

  it('a failed or errored attempt is an error with its first reason; a PR form and violations say so', () => {
    const outcome = {
      status: 'fail' as const,
      reasons: ['expected label "ok" but agent answered "no"', 'second'],
      causes: ['wrong_label'],
      expectations: [],
      answer: null
    }
    const line = traceLine({ outcome, form: 'pr', guardrails: { checks: [], violations: ['called issue_refund'] } })
    const { root } = attemptSpans(line, NOW)
    expect(root.error).toBe('expected label "ok" but agent answered "no"')
    expect(root.attributes).toMatchObject({
      'evalgate.outcome': 'fail',
      'evalgate.form': 'pr',
      'evalgate.guardrail.violations': ['called issue_refund'],
      'evalgate.causes': ['wrong_label']
    })
    expect(root.attributes).not.toHaveProperty('output.value')
    const errored = attemptSpans(traceLine({ outcome: { ...outcome, status: 'error', reasons: [] } }), NOW)
    expect(errored.root.error).toBe('error')
  })

  it('the root covers calls that end after the recorded duration (the judge runs after the agent)', () => {
    const late = modelCall({ purpose: 'judge', started_at: iso(T0 + 450), latency_ms: 300 })
    const { root } = attemptSpans(traceLine({ model_calls: [late] }), NOW)
    expect(root.end).toBe(T0 + 750)
  })

  it('without a recorded start (an older trace, or one a redaction rule rewrote) the attempt ends when read', () => {
    const line = traceLine({
      started_at: '[REDACTED:digits]',
      tool_calls: [toolCall(1, { started_at: undefined })],
      model_calls: [modelCall({ started_at: 'not a time' })]
    })
    const { root, children } = attemptSpans(line, NOW)
    expect(root.start).toBe(NOW - 500)
    expect(children.map((c) => c.start)).toEqual([NOW - 500, NOW - 500])
  })

  it('cuts long values', () => {
    const { root } = attemptSpans(traceLine({ input: { text: 'x'.repeat(10_000) } }), NOW)
    expect(root.attributes['input.value']).toHaveLength(MAX_VALUE_CHARS + 1)
    expect(String(root.attributes['input.value']).endsWith('…')).toBe(true)
  })
})
