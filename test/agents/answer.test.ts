import { describe, expect, it } from '@jest/globals'
import { parseAnswer } from '../../src/agents/answer.js'
import { extractJsonAnswer } from '../../src/agents/json-output.js'

describe('parseAnswer', () => {
  it('keeps the protocol fields and ignores unknown keys', () => {
    const parsed = parseAnswer({
      label: 'refund_approved',
      result: { amount: 25 },
      escalated: false,
      message: 'done',
      plan: ['look up', 'refund'],
      actions: [{ tool: 'issue_refund', args: { amount: 25 } }, { tool: 'send_email' }],
      mood: 'sure'
    })
    expect(parsed).toEqual({
      ok: true,
      answer: {
        label: 'refund_approved',
        result: { amount: 25 },
        escalated: false,
        message: 'done',
        plan: ['look up', 'refund'],
        actions: [{ tool: 'issue_refund', args: { amount: 25 } }, { tool: 'send_email' }]
      }
    })
  })

  it('treats null fields as absent', () => {
    expect(parseAnswer({ label: null, escalated: null, result: null, actions: [{ tool: 'x', args: null }] })).toEqual({
      ok: true,
      answer: { actions: [{ tool: 'x' }] }
    })
    expect(parseAnswer({})).toEqual({ ok: true, answer: {} })
  })

  it('names the field that has the wrong type', () => {
    expect(parseAnswer({ escalated: 'yes' })).toEqual({
      ok: false,
      error: 'answer does not follow the protocol: escalated must be a boolean'
    })
    expect(parseAnswer({ actions: [{ tool: 3 }] })).toMatchObject({
      error: expect.stringContaining('actions[0].tool must be a string')
    })
    expect(parseAnswer({ actions: [{ tool: 'x', args: [1] }] })).toMatchObject({
      error: expect.stringContaining('actions[0].args must be a JSON object')
    })
    expect(parseAnswer({ actions: { tool: 'x' } })).toMatchObject({
      error: expect.stringContaining('actions must be a list')
    })
  })

  it('keeps confidence and fallback, and says what is wrong with them', () => {
    expect(parseAnswer({ escalated: true, confidence: 0.25, fallback: 'human' })).toEqual({
      ok: true,
      answer: { escalated: true, confidence: 0.25, fallback: 'human' }
    })
    expect(parseAnswer({ confidence: 1.5 })).toEqual({
      ok: false,
      error: 'answer does not follow the protocol: confidence: must be between 0 and 1'
    })
    expect(parseAnswer({ confidence: 'high' })).toMatchObject({
      error: expect.stringContaining('confidence must be a number')
    })
    expect(parseAnswer({ fallback: 'robot' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^answer does not follow the protocol: fallback: .*draft_only.*read_only.*human/)
    })
  })

  it('rejects an answer that is not an object', () => {
    for (const value of [[], 'refund_approved', 42, null]) {
      expect(parseAnswer(value)).toEqual({
        ok: false,
        error: 'answer does not follow the protocol: the answer must be a JSON object'
      })
    }
  })
})

describe('extractJsonAnswer', () => {
  it('parses the whole output when it is JSON', () => {
    expect(extractJsonAnswer('  {"label":"a"}\n')).toEqual({ ok: true, value: { label: 'a' } })
    expect(extractJsonAnswer('[1]')).toEqual({ ok: true, value: [1] })
  })

  it('takes the last line that is a JSON object', () => {
    expect(extractJsonAnswer('log {x}\n{"label":"a"}\n{"label":"b"}\nbye\n')).toEqual({
      ok: true,
      value: { label: 'b' }
    })
  })

  it('takes a pretty-printed object that ends the output', () => {
    const output = 'thinking...\n{\n  "label": "a",\n  "result": {\n    "n": 1\n  }\n}\n'
    expect(extractJsonAnswer(output)).toEqual({ ok: true, value: { label: 'a', result: { n: 1 } } })
  })

  it('explains output without JSON', () => {
    expect(extractJsonAnswer('')).toEqual({ ok: false, error: 'agent printed nothing on stdout' })
    const long = 'y'.repeat(500)
    expect(extractJsonAnswer(long)).toEqual({ ok: false, error: `agent output was not JSON: ${'y'.repeat(200)}...` })
  })
})
