import { describe, expect, it } from '@jest/globals'
import { gradeAttempt } from '../../src/grade/index.js'
import type { ExpectedAction } from '../../src/grade/match-actions.js'
import type { AgentAnswer, MatchMode } from '../../src/model/types.js'
import { calls, type CallSpec, makeRun, makeTask, makeWorkflow, proposal } from './builders.js'

interface Case {
  name: string
  mode?: MatchMode
  expected: ExpectedAction[]
  made: CallSpec[]
  reported?: AgentAnswer['actions']
  /** The task's reports_actions: the agent reports actions instead of calling tools. */
  reportsActions?: boolean
  /** The `actions` expectation's reason, or undefined when it holds. */
  reason?: string
  causes?: string[]
}

function grade(c: Case) {
  const task = {
    ...makeTask({ actions: c.expected, ...(c.mode ? { actions_match: c.mode } : {}) }),
    ...(c.reportsActions ? { reports_actions: true } : {})
  }
  const answer: AgentAnswer = c.reported ? { actions: c.reported } : {}
  return gradeAttempt(task, makeWorkflow(), makeRun(calls(...c.made), answer))
}

const refund25: ExpectedAction = { tool: 'issue_refund', args: { amount: 25 } }
const lookup: ExpectedAction = { tool: 'lookup_order', args: { order_id: 'A-1' } }

const cases: Case[] = [
  // superset (the default)
  { name: 'superset: exact match', expected: [refund25], made: [['issue_refund', { amount: 25, order_id: 'A-1' }]] },
  {
    name: 'superset: extra calls allowed',
    expected: [refund25],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }],
      ['send_email', { to: 'x' }]
    ]
  },
  {
    name: 'superset: explicit mode',
    mode: 'superset',
    expected: [refund25],
    made: [['send_email'], ['issue_refund', { amount: 25 }]]
  },
  {
    name: 'superset: wrong args shows the call',
    expected: [refund25],
    made: [['issue_refund', { amount: 250 }]],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund(amount=250)',
    causes: ['missing_action']
  },
  {
    name: 'superset: never called',
    expected: [refund25],
    made: [['lookup_order', { order_id: 'A-1' }]],
    reason: 'expected issue_refund(amount=25) but agent never called issue_refund',
    causes: ['missing_action']
  },
  {
    name: 'superset: closest of several calls',
    expected: [{ tool: 'issue_refund', args: { amount: 25, order_id: 'A-1' } }],
    made: [
      ['issue_refund', { amount: 30, order_id: 'B-2' }],
      ['issue_refund', { amount: 40, order_id: 'A-1' }],
      ['issue_refund', { amount: 50 }]
    ],
    reason: 'expected issue_refund(amount=25, order_id="A-1") but agent called issue_refund(amount=40, order_id="A-1")',
    causes: ['missing_action']
  },
  {
    name: 'superset: expected without args accepts any',
    expected: [{ tool: 'issue_refund' }],
    made: [['issue_refund', { amount: 999 }]]
  },
  {
    name: 'superset: expected without args, never called',
    expected: [{ tool: 'issue_refund' }],
    made: [],
    reason: 'expected issue_refund(...) but agent never called issue_refund',
    causes: ['missing_action']
  },
  {
    name: 'superset: duplicates need distinct calls',
    expected: [refund25, refund25],
    made: [['issue_refund', { amount: 25 }]],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund once for 2 expected calls',
    causes: ['missing_action']
  },
  {
    name: 'superset: duplicates satisfied by two calls',
    expected: [refund25, refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25, note: 'x' }]
    ]
  },
  {
    name: 'superset: assignment finds the pairing a greedy match would miss',
    expected: [{ tool: 'issue_refund' }, refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 7 }]
    ]
  },
  {
    name: 'superset: any order',
    expected: [refund25, lookup],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ]
  },
  {
    name: 'args: nested object deep subset',
    expected: [{ tool: 'send_email', args: { to: 'x', meta: { template: 'refund' } } }],
    made: [['send_email', { to: 'x', subject: 'hi', meta: { template: 'refund', lang: 'en' } }]]
  },
  {
    name: 'args: nested object mismatch',
    expected: [{ tool: 'send_email', args: { meta: { template: 'refund' } } }],
    made: [['send_email', { meta: { template: 'apology' } }]],
    reason: 'expected send_email(meta={"template":"refund"}) but agent called send_email(meta={"template":"apology"})',
    causes: ['missing_action']
  },
  {
    name: 'args: arrays match element by element',
    expected: [{ tool: 'issue_refund', args: { items: [{ sku: 'A' }, { sku: 'B' }] } }],
    made: [
      [
        'issue_refund',
        {
          items: [
            { sku: 'A', qty: 1 },
            { sku: 'B', qty: 2 }
          ]
        }
      ]
    ]
  },
  {
    name: 'args: arrays need equal length',
    expected: [{ tool: 'issue_refund', args: { items: [{ sku: 'A' }] } }],
    made: [['issue_refund', { items: [{ sku: 'A' }, { sku: 'B' }] }]],
    reason: 'expected issue_refund(items=[{"sku":"A"}]) but agent called issue_refund(items=[{"sku":"A"},{"sku":"B"}])',
    causes: ['missing_action']
  },
  {
    name: 'args: scalars strictly equal',
    expected: [refund25],
    made: [['issue_refund', { amount: '25' }]],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund(amount="25")',
    causes: ['missing_action']
  },

  // proposed actions (request_approval)
  {
    name: 'proposed action satisfies the expected action',
    expected: [refund25],
    made: [proposal('issue_refund', { amount: 25, order_id: 'A-1' })]
  },
  {
    name: 'proposed action with wrong args is shown as proposed',
    expected: [refund25],
    made: [proposal('issue_refund', { amount: 250 })],
    reason: 'expected issue_refund(amount=25) but agent proposed issue_refund(amount=250)',
    causes: ['missing_action']
  },
  {
    name: 'proposed action in strict mode',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [['lookup_order', { order_id: 'A-1' }], proposal('issue_refund', { amount: 25 })]
  },
  {
    name: 'the request_approval call itself is not an action',
    mode: 'unordered',
    expected: [refund25],
    made: [proposal('issue_refund', { amount: 25 })]
  },
  {
    name: 'a proposal recorded under the proposed tool name',
    expected: [refund25],
    made: [['issue_refund', { amount: 25 }, { proposed: true }]]
  },
  {
    name: 'unexpected proposal in subset mode',
    mode: 'subset',
    expected: [refund25],
    made: [proposal('send_email', { to: 'x' })],
    reason: 'unexpected proposed call send_email(to="x")',
    causes: ['unexpected_action']
  },

  // claimed actions (answer.actions) where the task says the agent reports actions (reports_actions)
  {
    name: 'reports_actions: claimed actions count as calls',
    reportsActions: true,
    expected: [refund25],
    made: [],
    reported: [{ tool: 'issue_refund', args: { amount: 25 } }]
  },
  {
    name: 'reports_actions: claimed actions come after endpoint calls (strict)',
    reportsActions: true,
    mode: 'strict',
    expected: [refund25, { tool: 'send_email' }],
    made: [['send_email', { to: 'x' }]],
    reported: [{ tool: 'issue_refund', args: { amount: 25 } }],
    reason: 'expected calls in order issue_refund, send_email but agent called send_email, issue_refund',
    causes: ['wrong_order']
  },
  {
    name: 'reports_actions: claimed action with wrong args',
    reportsActions: true,
    expected: [refund25],
    made: [],
    reported: [{ tool: 'issue_refund', args: { amount: 26 } }],
    reason: 'expected issue_refund(amount=25) but agent claimed issue_refund(amount=26)',
    causes: ['missing_action']
  },
  {
    name: 'reports_actions: claimed action without args',
    reportsActions: true,
    mode: 'subset',
    expected: [refund25],
    made: [],
    reported: [{ tool: 'send_email' }],
    reason: 'unexpected claimed call send_email()',
    causes: ['unexpected_action']
  },

  // claimed actions anywhere else: words, never an action taken (issue 10, row 13)
  {
    name: 'claims alone do not satisfy a strict expected list',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [],
    reported: [
      { tool: 'lookup_order', args: { order_id: 'A-1' } },
      { tool: 'issue_refund', args: { amount: 25 } }
    ],
    reason:
      'expected lookup_order(order_id="A-1") but agent never called lookup_order (the answer claims lookup_order(order_id="A-1"), but claimed actions count only where the task or workflow sets reports_actions: true); ' +
      'expected issue_refund(amount=25) but agent never called issue_refund (the answer claims issue_refund(amount=25), but claimed actions count only where the task or workflow sets reports_actions: true)',
    causes: ['missing_action']
  },
  {
    name: 'claims alone do not satisfy superset',
    expected: [refund25],
    made: [['lookup_order', { order_id: 'A-1' }]],
    reported: [{ tool: 'issue_refund', args: { amount: 25 } }],
    reason:
      'expected issue_refund(amount=25) but agent never called issue_refund (the answer claims issue_refund(amount=25), but claimed actions count only where the task or workflow sets reports_actions: true)',
    causes: ['missing_action']
  },
  {
    name: 'a claim is not an unexpected call either (subset)',
    mode: 'subset',
    expected: [refund25],
    made: [],
    reported: [{ tool: 'send_email' }]
  },
  {
    name: 'the real call counts, the claim beside it is ignored (unordered)',
    mode: 'unordered',
    expected: [refund25],
    made: [['issue_refund', { amount: 25 }]],
    reported: [{ tool: 'issue_refund', args: { amount: 25 } }]
  },

  // subset
  { name: 'subset: no calls at all', mode: 'subset', expected: [refund25, lookup], made: [] },
  {
    name: 'subset: some of the expected',
    mode: 'subset',
    expected: [refund25, { tool: 'send_email' }],
    made: [['send_email', { to: 'x' }]]
  },
  {
    name: 'subset: extra call',
    mode: 'subset',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['send_email', { to: 'x' }]
    ],
    reason: 'unexpected call send_email(to="x")',
    causes: ['unexpected_action']
  },
  {
    name: 'subset: a duplicate call is one too many',
    mode: 'subset',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }]
    ],
    reason: 'unexpected call issue_refund(amount=25)',
    causes: ['unexpected_action']
  },
  {
    name: 'subset: call with other args is unexpected',
    mode: 'subset',
    expected: [refund25],
    made: [['issue_refund', { amount: 250 }]],
    reason: 'unexpected call issue_refund(amount=250)',
    causes: ['unexpected_action']
  },
  {
    name: 'subset: read-scope calls ignored',
    mode: 'subset',
    expected: [refund25],
    made: [['lookup_order', { order_id: 'A-1' }], ['get_customer'], ['issue_refund', { amount: 25 }]]
  },
  {
    name: 'subset: read-scope tool named in the list is not ignored',
    mode: 'subset',
    expected: [lookup, refund25],
    made: [
      ['lookup_order', { order_id: 'B-2' }],
      ['issue_refund', { amount: 25 }]
    ],
    reason: 'unexpected call lookup_order(order_id="B-2")',
    causes: ['unexpected_action']
  },
  {
    name: 'subset: unlisted tools are not read-scope',
    mode: 'subset',
    expected: [refund25],
    made: [['delete_everything']],
    reason: 'unexpected call delete_everything()',
    causes: ['unexpected_action']
  },

  // unordered
  {
    name: 'unordered: same actions any order',
    mode: 'unordered',
    expected: [lookup, refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ]
  },
  {
    name: 'unordered: missing',
    mode: 'unordered',
    expected: [lookup, refund25],
    made: [['lookup_order', { order_id: 'A-1' }]],
    reason: 'expected issue_refund(amount=25) but agent never called issue_refund',
    causes: ['missing_action']
  },
  {
    name: 'unordered: extra',
    mode: 'unordered',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['send_email', { to: 'x' }]
    ],
    reason: 'unexpected call send_email(to="x")',
    causes: ['unexpected_action']
  },
  {
    name: 'unordered: missing and extra together',
    mode: 'unordered',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 250 }],
      ['send_email', { to: 'x' }]
    ],
    reason:
      'expected issue_refund(amount=25) but agent called issue_refund(amount=250); unexpected call send_email(to="x")',
    causes: ['missing_action', 'unexpected_action']
  },
  {
    name: 'unordered: a wrong-args call is reported once, as the missing action',
    mode: 'unordered',
    expected: [refund25],
    made: [['issue_refund', { amount: 250 }]],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund(amount=250)',
    causes: ['missing_action']
  },
  {
    name: 'unordered: two missing refunds, one wrong call',
    mode: 'unordered',
    expected: [refund25, { tool: 'issue_refund', args: { amount: 5 } }],
    made: [['issue_refund', { amount: 250 }]],
    reason:
      'expected issue_refund(amount=25) but agent called issue_refund(amount=250); expected issue_refund(amount=5) but agent called issue_refund once for 2 expected calls',
    causes: ['missing_action']
  },
  {
    name: 'superset: three calls reported with a count',
    mode: 'superset',
    expected: [refund25, refund25, refund25, refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }]
    ],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund 3 times for 4 expected calls',
    causes: ['missing_action']
  },
  {
    name: 'unordered: duplicate expected, one call',
    mode: 'unordered',
    expected: [refund25, refund25],
    made: [['issue_refund', { amount: 25 }]],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund once for 2 expected calls',
    causes: ['missing_action']
  },
  {
    name: 'unordered: duplicate call, one expected',
    mode: 'unordered',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }]
    ],
    reason: 'unexpected call issue_refund(amount=25)',
    causes: ['unexpected_action']
  },
  {
    name: 'unordered: read-scope calls ignored',
    mode: 'unordered',
    expected: [refund25],
    made: [['get_customer'], ['issue_refund', { amount: 25 }], ['lookup_order']]
  },
  {
    name: 'unordered: read-scope tool named in the list counts',
    mode: 'unordered',
    expected: [lookup],
    made: [['lookup_order', { order_id: 'A-1' }], ['lookup_order', { order_id: 'A-1' }], ['get_customer']],
    reason: 'unexpected call lookup_order(order_id="A-1")',
    causes: ['unexpected_action']
  },
  {
    name: 'unordered: empty list means no write calls',
    mode: 'unordered',
    expected: [],
    made: [['lookup_order'], ['send_email', { to: 'x' }]],
    reason: 'unexpected call send_email(to="x")',
    causes: ['unexpected_action']
  },

  // strict
  {
    name: 'strict: same order',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'strict: reordered',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ],
    reason: 'expected calls in order lookup_order, issue_refund but agent called issue_refund, lookup_order',
    causes: ['wrong_order']
  },
  {
    name: 'strict: reordered arguments of the same tool',
    mode: 'strict',
    expected: [refund25, { tool: 'issue_refund', args: { amount: 10 } }],
    made: [
      ['issue_refund', { amount: 10 }],
      ['issue_refund', { amount: 25 }]
    ],
    reason:
      'expected calls in order issue_refund(amount=25), issue_refund(amount=10) but agent called issue_refund(amount=10), issue_refund(amount=25)',
    causes: ['wrong_order']
  },
  {
    name: 'strict: missing is not also reported as order',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [['issue_refund', { amount: 25 }]],
    reason: 'expected lookup_order(order_id="A-1") but agent never called lookup_order',
    causes: ['missing_action']
  },
  {
    name: 'strict: extra',
    mode: 'strict',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['send_email', { to: 'x' }]
    ],
    reason: 'unexpected call send_email(to="x")',
    causes: ['unexpected_action']
  },
  {
    name: 'strict: duplicate call',
    mode: 'strict',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }]
    ],
    reason: 'unexpected call issue_refund(amount=25)',
    causes: ['unexpected_action']
  },
  {
    name: 'strict: read-scope calls ignored, also between',
    mode: 'strict',
    expected: [refund25, { tool: 'send_email' }],
    made: [['get_customer'], ['issue_refund', { amount: 25 }], ['lookup_order'], ['send_email']]
  },
  {
    name: 'strict: read-scope tool named in the list keeps its place',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [['issue_refund', { amount: 25 }], ['lookup_order', { order_id: 'A-1' }], ['get_customer']],
    reason: 'expected calls in order lookup_order, issue_refund but agent called issue_refund, lookup_order',
    causes: ['wrong_order']
  },
  {
    name: 'strict: calls sorted by seq, not by record order',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [
      ['issue_refund', { amount: 25 }, { seq: 2 }],
      ['lookup_order', { order_id: 'A-1' }, { seq: 1 }]
    ]
  }
]

describe('actions expectation', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const graded = grade(c)
    const actions = graded.expectations.find((e) => e.expectation === 'actions')
    if (c.reason === undefined) {
      expect(actions).toEqual({ expectation: 'actions', ok: true })
      expect(graded.status).toBe('pass')
      expect(graded.reasons).toEqual([])
    } else {
      expect(actions).toEqual({ expectation: 'actions', ok: false, reason: c.reason })
      expect(graded.status).toBe('fail')
      expect(graded.reasons).toContain(c.reason)
      expect(graded.causes).toEqual(expect.arrayContaining(c.causes ?? []))
      expect(graded.causes.filter((cause) => cause !== 'guardrail_violation')).toEqual(c.causes)
    }
  })

  it('counts a denied call as the attempted action, while the guardrail fails it', () => {
    const task = makeTask({ actions: [{ tool: 'close_account', args: { id: 7 } }] })
    const run = makeRun(calls(['close_account', { id: 7 }, { allowed: false }]))
    const graded = gradeAttempt(task, makeWorkflow(), run)
    expect(graded.expectations).toEqual([{ expectation: 'actions', ok: true }])
    expect(graded.status).toBe('fail')
    expect(graded.reasons).toEqual(['guardrail: called close_account directly, but it requires approval'])
  })

  it('does not count actions the runner copied into tool_calls as reported twice', () => {
    const task = { ...makeTask({ actions: [refund25], actions_match: 'unordered' }), reports_actions: true }
    const run = makeRun(calls(['issue_refund', { amount: 25 }, { reported: true }]), {
      actions: [{ tool: 'issue_refund', args: { amount: 25 } }]
    })
    expect(gradeAttempt(task, makeWorkflow(), run).status).toBe('pass')
  })

  it('falls back to reported tool_calls records when the answer has no actions', () => {
    const task = { ...makeTask({ actions: [refund25] }), reports_actions: true }
    const run = makeRun(calls(['issue_refund', { amount: 25 }, { reported: true }]), {})
    expect(gradeAttempt(task, makeWorkflow(), run).status).toBe('pass')
  })

  it('counts claims where the workflow says its agent reports actions, unless the task says otherwise', () => {
    const run = makeRun([], { actions: [{ tool: 'issue_refund', args: { amount: 25 } }] })
    const reporting = { ...makeWorkflow(), reports_actions: true }
    const task = makeTask({ actions: [refund25], actions_match: 'strict' })
    const graded = gradeAttempt(task, reporting, run)
    expect(graded.status).toBe('pass')
    expect(graded.claimed_actions).toEqual({ actions: [{ tool: 'issue_refund', args: { amount: 25 } }], counted: true })
    const optedOut = gradeAttempt({ ...task, reports_actions: false }, reporting, run)
    expect(optedOut.status).toBe('fail')
    expect(optedOut.claimed_actions?.counted).toBe(false)
  })

  it('still holds a claimed call to an approval-required tool against the guardrail', () => {
    const task = makeTask({ label: 'ok' })
    const run = makeRun([], { label: 'ok', actions: [{ tool: 'close_account', args: { id: 7 } }] })
    const graded = gradeAttempt(task, makeWorkflow(), run)
    expect(graded.status).toBe('fail')
    expect(graded.reasons).toEqual(['guardrail: claimed calling close_account directly, but it requires approval'])
  })
})
