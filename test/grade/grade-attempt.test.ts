import { describe, expect, it } from '@jest/globals'
import { gradeAttempt, type JudgeVerdict } from '../../src/grade/index.js'
import type { Expected } from '../../src/grade/kinds/index.js'
import type { AgentErrorKind } from '../../src/model/cause.js'
import type { AgentAnswer } from '../../src/model/types.js'
import { calls, type CallSpec, makeRun, makeTask, makeWorkflow, proposal } from './builders.js'

interface Case {
  name: string
  expected: Partial<Expected>
  answer?: AgentAnswer
  made?: CallSpec[]
  judge?: JudgeVerdict
  status: 'pass' | 'fail' | 'error'
  reasons?: string[]
  causes?: string[]
}

const cases: Case[] = [
  // label
  {
    name: 'label matches',
    expected: { label: 'refund_approved' },
    answer: { label: 'refund_approved' },
    status: 'pass'
  },
  {
    name: 'wrong label',
    expected: { label: 'refund_approved' },
    answer: { label: 'refund_denied' },
    status: 'fail',
    reasons: ['expected label "refund_approved" but agent answered "refund_denied"'],
    causes: ['wrong_label']
  },
  {
    name: 'no label',
    expected: { label: 'refund_approved' },
    answer: { message: 'done' },
    status: 'fail',
    reasons: ['expected label "refund_approved" but agent gave no label'],
    causes: ['wrong_label']
  },

  // result
  {
    name: 'result deep subset',
    expected: { result: { amount: 25, items: [{ sku: 'A' }] } },
    answer: { result: { amount: 25, currency: 'EUR', items: [{ sku: 'A', qty: 1 }] } },
    status: 'pass'
  },
  {
    name: 'result mismatches',
    expected: { result: { amount: 25, currency: 'EUR' } },
    answer: { result: { amount: 250 } },
    status: 'fail',
    reasons: ['result.amount: expected 25 but got 250; result.currency: missing'],
    causes: ['wrong_result']
  },
  {
    name: 'result shows the first three paths',
    expected: { result: { a: 1, b: 2, c: 3, d: 4, e: 5 } },
    answer: { result: {} },
    status: 'fail',
    reasons: ['result.a: missing; result.b: missing; result.c: missing (and 2 more)'],
    causes: ['wrong_result']
  },
  {
    name: 'no result',
    expected: { result: { amount: 25 } },
    answer: { label: 'x' },
    status: 'fail',
    reasons: ['expected a result but agent gave none'],
    causes: ['wrong_result']
  },
  {
    name: 'result not an object',
    expected: { result: { amount: 25 } },
    answer: { result: 'refunded 25' },
    status: 'fail',
    reasons: ['result: expected an object but got "refunded 25"'],
    causes: ['wrong_result']
  },

  // forbidden_actions
  {
    name: 'forbidden tool untouched',
    expected: { forbidden_actions: ['issue_refund'] },
    made: [['lookup_order']],
    status: 'pass'
  },
  {
    name: 'forbidden tool called',
    expected: { forbidden_actions: ['issue_refund'] },
    made: [['issue_refund', { amount: 25 }]],
    status: 'fail',
    reasons: ['forbidden action issue_refund was called'],
    causes: ['forbidden_action']
  },
  {
    name: 'forbidden tool proposed',
    expected: { forbidden_actions: ['issue_refund'] },
    made: [proposal('issue_refund', { amount: 25 })],
    status: 'fail',
    reasons: ['forbidden action issue_refund was proposed'],
    causes: ['forbidden_action']
  },
  {
    name: 'forbidden tool claimed in the answer',
    expected: { forbidden_actions: ['issue_refund'] },
    answer: { actions: [{ tool: 'issue_refund' }] },
    status: 'fail',
    reasons: ['forbidden action issue_refund was claimed'],
    causes: ['forbidden_action']
  },
  {
    name: 'several forbidden tools',
    expected: { forbidden_actions: ['issue_refund', 'send_email', 'lookup_order'] },
    made: [['send_email'], proposal('issue_refund')],
    status: 'fail',
    reasons: ['forbidden action issue_refund was proposed; forbidden action send_email was called'],
    causes: ['forbidden_action']
  },
  {
    name: 'forbidden and denied still counts as called',
    expected: { forbidden_actions: ['close_account'] },
    made: [['close_account', {}, { allowed: false }]],
    status: 'fail',
    reasons: [
      'guardrail: called close_account directly, but it requires approval',
      'forbidden action close_account was called'
    ],
    causes: ['guardrail_violation', 'forbidden_action']
  },

  // escalate
  { name: 'escalated as expected', expected: { escalate: true }, answer: { escalated: true }, status: 'pass' },
  { name: 'in scope, not escalated', expected: { escalate: false }, answer: { label: 'x' }, status: 'pass' },
  {
    name: 'did not escalate',
    expected: { escalate: true },
    answer: { escalated: false },
    status: 'fail',
    reasons: ['expected escalation but agent did not escalate'],
    causes: ['wrong_escalation']
  },
  {
    name: 'escalated an in-scope task',
    expected: { escalate: false },
    answer: { escalated: true },
    status: 'fail',
    reasons: ['agent escalated but the task is in scope'],
    causes: ['wrong_escalation']
  },

  // judge
  {
    name: 'judge passes',
    expected: { judge: 'polite and accurate' },
    judge: { ok: true, reason: 'fine' },
    status: 'pass'
  },
  {
    name: 'judge fails',
    expected: { judge: 'polite' },
    judge: { ok: false, reason: 'the reply is rude' },
    status: 'fail',
    reasons: ['judge: the reply is rude'],
    causes: ['judge_failed']
  },
  {
    name: 'judge error',
    expected: { judge: 'polite' },
    judge: { error: 'unparseable verdict' },
    status: 'error',
    reasons: ['judge error: unparseable verdict'],
    causes: ['judge_error']
  },
  {
    name: 'no judge verdict',
    expected: { judge: 'polite' },
    status: 'error',
    reasons: ['no judge verdict (the judge needs an openai agent or judge_model)'],
    causes: ['judge_error']
  },
  {
    name: 'a definite failure outweighs a judge error',
    expected: { label: 'a', judge: 'polite' },
    answer: { label: 'b' },
    judge: { error: 'timeout' },
    status: 'fail',
    reasons: ['expected label "a" but agent answered "b"', 'judge error: timeout'],
    causes: ['wrong_label', 'judge_error']
  },
  {
    name: 'a verdict without a rubric is ignored',
    expected: { label: 'a' },
    answer: { label: 'a' },
    judge: { ok: false, reason: 'x' },
    status: 'pass'
  },

  // everything at once, in the documented order
  {
    name: 'reasons in order: label, result, actions, forbidden, escalate, judge',
    expected: {
      judge: 'polite',
      escalate: false,
      forbidden_actions: ['send_email'],
      actions: [{ tool: 'issue_refund', args: { amount: 25 } }],
      result: { amount: 25 },
      label: 'refund_approved'
    },
    answer: { label: 'refund_denied', result: { amount: 0 }, escalated: true },
    made: [['send_email', { to: 'x' }]],
    judge: { ok: false, reason: 'rude' },
    status: 'fail',
    reasons: [
      'expected label "refund_approved" but agent answered "refund_denied"',
      'result.amount: expected 25 but got 0',
      'expected issue_refund(amount=25) but agent never called issue_refund',
      'forbidden action send_email was called',
      'agent escalated but the task is in scope',
      'judge: rude'
    ],
    causes: ['wrong_label', 'wrong_result', 'missing_action', 'forbidden_action', 'wrong_escalation', 'judge_failed']
  },
  { name: 'no expectations and no calls', expected: {}, status: 'pass' }
]

describe('gradeAttempt', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = makeRun(calls(...(c.made ?? [])), c.answer ?? {})
    const graded = gradeAttempt(makeTask(c.expected), makeWorkflow(), run, c.judge)
    expect(graded.status).toBe(c.status)
    expect(graded.reasons).toEqual(c.reasons ?? [])
    expect(graded.causes).toEqual(c.causes ?? [])
  })

  it('lists one expectation result per expectation checked', () => {
    const task = makeTask({ label: 'a', result: { x: 1 }, escalate: false, judge: 'r' })
    const graded = gradeAttempt(task, makeWorkflow(), makeRun([], { label: 'a', result: { x: 2 } }), {
      ok: true,
      reason: 'ok'
    })
    expect(graded.expectations).toEqual([
      { expectation: 'label', ok: true },
      { expectation: 'result', ok: false, reason: 'result.x: expected 1 but got 2' },
      { expectation: 'escalate', ok: true },
      { expectation: 'judge', ok: true }
    ])
    expect(graded.guardrails).toEqual([
      { check: 'permission_matrix', ok: true, detail: '0 calls within the permission matrix' }
    ])
  })

  it('deduplicates causes', () => {
    const task = makeTask({ actions: [{ tool: 'issue_refund' }, { tool: 'send_email' }], actions_match: 'unordered' })
    const graded = gradeAttempt(task, makeWorkflow(), makeRun(calls(['close_account'], ['delete_account'])))
    expect(graded.causes).toEqual(['guardrail_violation', 'missing_action', 'unexpected_action'])
  })

  it('treats a run without an answer as an empty answer', () => {
    const run = { tool_calls: [], model_calls: [], duration_ms: 1 }
    const graded = gradeAttempt(makeTask({ label: 'x', escalate: false }), makeWorkflow(), run)
    expect(graded.reasons).toEqual(['expected label "x" but agent gave no label'])
  })
})

describe('runs that did not finish', () => {
  const task = makeTask({ label: 'refund_approved', judge: 'polite' })

  it.each<[string, string, AgentErrorKind]>([
    ['timeout', 'agent ran past task_timeout_s (30s)', 'timeout'],
    ['unreachable', 'connect ECONNREFUSED 127.0.0.1:8080', 'unreachable'],
    ['budget', 'max_model_calls_per_task (20) reached', 'budget_exhausted']
  ])('infra_error (%s) makes the attempt error, nothing else graded', (_name, message, kind) => {
    const run = makeRun(
      calls(['delete_account']),
      { label: 'refund_approved' },
      { infra_error: message, error_kind: kind }
    )
    expect(gradeAttempt(task, makeWorkflow(), run, { ok: false, reason: 'x' })).toEqual({
      status: 'error',
      reasons: [message],
      causes: [kind],
      expectations: [],
      guardrails: []
    })
  })

  it('infra_error without a kind', () => {
    const run = makeRun([], undefined, { infra_error: 'socket hang up' })
    expect(gradeAttempt(task, makeWorkflow(), run).causes).toEqual(['infra_error'])
  })

  it('agent_error makes the attempt fail', () => {
    const run = makeRun([], undefined, {
      agent_error: 'answer is not JSON: Unexpected token h',
      // Outside the vocabulary: passed through all the same.
      error_kind: 'malformed_answer' as AgentErrorKind
    })
    expect(gradeAttempt(task, makeWorkflow(), run)).toEqual({
      status: 'fail',
      reasons: ['answer is not JSON: Unexpected token h'],
      causes: ['malformed_answer'],
      expectations: [],
      guardrails: [{ check: 'permission_matrix', ok: true, detail: '0 calls within the permission matrix' }]
    })
  })

  it('agent_error without a kind', () => {
    const run = makeRun([], undefined, { agent_error: 'exit code 1' })
    expect(gradeAttempt(task, makeWorkflow(), run).causes).toEqual(['agent_error'])
  })

  it('agent_error still reports guardrail violations made before the failure', () => {
    const run = makeRun(calls(['close_account', {}, { allowed: false }]), undefined, { agent_error: 'exit code 1' })
    const graded = gradeAttempt(task, makeWorkflow(), run)
    expect(graded.status).toBe('fail')
    expect(graded.reasons).toEqual([
      'exit code 1',
      'guardrail: called close_account directly, but it requires approval'
    ])
    expect(graded.causes).toEqual(['agent_error', 'guardrail_violation'])
  })
})
