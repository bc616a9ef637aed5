// The finer rules of expected actions (issue 15): `optional`, `unordered`, `args_match`, `after`,
// and calls the tool rejected, in each `actions_match` mode. Without them nothing changes
// (test/grade/actions.test.ts).
import { describe, expect, it } from '@jest/globals'
import { gradeAttempt } from '../../src/grade/index.js'
import type { ArgsMatch } from '../../src/grade/expected-action.js'
import type { ExpectedAction } from '../../src/grade/match-actions.js'
import type { MatchMode } from '../../src/model/types.js'
import { calls, type CallSpec, makeRun, makeTask, makeWorkflow, proposal } from './builders.js'

interface Case {
  name: string
  mode?: MatchMode
  argsMatch?: ArgsMatch
  expected: ExpectedAction[]
  made: CallSpec[]
  /** The `actions` expectation's reason, or undefined when it holds. */
  reason?: string
  causes?: string[]
}

function grade(c: Case) {
  const task = makeTask({
    actions: c.expected,
    ...(c.mode ? { actions_match: c.mode } : {}),
    ...(c.argsMatch ? { args_match: c.argsMatch } : {})
  })
  return gradeAttempt(task, makeWorkflow(), makeRun(calls(...c.made)))
}

const refund25: ExpectedAction = { tool: 'issue_refund', args: { amount: 25 } }
const lookup: ExpectedAction = { tool: 'lookup_order', args: { order_id: 'A-1' } }
const email: ExpectedAction = { tool: 'send_email' }
const rejected = { rejected: true, error: 'order is not pending' }
const rejectedProposal = ([tool, args, extra]: CallSpec): CallSpec => [tool, args, { ...extra, rejected: true }]

const optional: Case[] = [
  {
    name: 'superset: an optional action not made',
    expected: [refund25, { ...email, optional: true }],
    made: [['issue_refund', { amount: 25 }]]
  },
  {
    name: 'superset: an optional action made',
    expected: [refund25, { ...email, optional: true }],
    made: [['issue_refund', { amount: 25 }], ['send_email']]
  },
  {
    name: 'superset: an optional action never takes the call a required one needs',
    expected: [{ ...refund25, optional: true }, { tool: 'issue_refund' }],
    made: [['issue_refund', { amount: 25 }]]
  },
  {
    name: 'superset: a required action is still missing beside an optional one',
    expected: [{ ...email, optional: true }, refund25],
    made: [['send_email']],
    reason: 'expected issue_refund(amount=25) but agent never called issue_refund',
    causes: ['missing_action']
  },
  {
    name: 'subset: an optional action made is not unexpected',
    mode: 'subset',
    expected: [{ ...email, optional: true }],
    made: [['send_email']]
  },
  {
    name: 'subset: a second call beyond the optional action is',
    mode: 'subset',
    expected: [{ ...email, optional: true }],
    made: [
      ['send_email', { to: 'a' }],
      ['send_email', { to: 'b' }]
    ],
    reason: 'unexpected call send_email(to="b")',
    causes: ['unexpected_action']
  },
  {
    name: 'unordered: an optional action not made',
    mode: 'unordered',
    expected: [refund25, { ...email, optional: true }],
    made: [['issue_refund', { amount: 25 }]]
  },
  {
    name: 'unordered: an optional action made',
    mode: 'unordered',
    expected: [refund25, { ...email, optional: true }],
    made: [['send_email'], ['issue_refund', { amount: 25 }]]
  },
  {
    name: 'unordered: an optional action with other args is unexpected',
    mode: 'unordered',
    expected: [refund25, { tool: 'send_email', args: { to: 'x' }, optional: true }],
    made: [
      ['send_email', { to: 'y' }],
      ['issue_refund', { amount: 25 }]
    ],
    reason: 'unexpected call send_email(to="y")',
    causes: ['unexpected_action']
  },
  {
    name: 'strict: an optional action not made is skipped',
    mode: 'strict',
    expected: [{ ...lookup, optional: true }, refund25],
    made: [['issue_refund', { amount: 25 }]]
  },
  {
    name: 'strict: an optional action made keeps its place',
    mode: 'strict',
    expected: [{ ...lookup, optional: true }, refund25],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'strict: an optional action made out of place',
    mode: 'strict',
    expected: [{ ...lookup, optional: true }, refund25],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ],
    reason: 'expected calls in order lookup_order (optional), issue_refund but agent called issue_refund, lookup_order',
    causes: ['wrong_order']
  }
]

const items = (...skus: string[]) => ({ order_id: 'A-1', item_ids: skus })
const unordered: Case[] = [
  {
    name: 'superset: an unordered list in another order',
    expected: [{ tool: 'issue_refund', args: items('A', 'B', 'C'), unordered: ['item_ids'] }],
    made: [['issue_refund', items('C', 'A', 'B')]]
  },
  {
    name: 'superset: the same list in another order fails without unordered',
    expected: [{ tool: 'issue_refund', args: items('A', 'B') }],
    made: [['issue_refund', items('B', 'A')]],
    reason:
      'expected issue_refund(item_ids=["A","B"], order_id="A-1") but agent called issue_refund(item_ids=["B","A"], order_id="A-1")',
    causes: ['missing_action']
  },
  {
    name: 'superset: duplicates count (A, A, B is not A, B, B)',
    expected: [{ tool: 'issue_refund', args: items('A', 'A', 'B'), unordered: ['item_ids'] }],
    made: [['issue_refund', items('B', 'A', 'B')]],
    reason:
      'expected issue_refund(item_ids=["A","A","B"], order_id="A-1") (item_ids in any order) but agent called issue_refund(item_ids=["B","A","B"], order_id="A-1")',
    causes: ['missing_action']
  },
  {
    name: 'superset: duplicates in another order',
    expected: [{ tool: 'issue_refund', args: items('A', 'A', 'B'), unordered: ['item_ids'] }],
    made: [['issue_refund', items('A', 'B', 'A')]]
  },
  {
    name: 'superset: an unordered list needs the same length',
    expected: [{ tool: 'issue_refund', args: items('A'), unordered: ['item_ids'] }],
    made: [['issue_refund', items('A', 'A')]],
    reason:
      'expected issue_refund(item_ids=["A"], order_id="A-1") (item_ids in any order) but agent called issue_refund(item_ids=["A","A"], order_id="A-1")',
    causes: ['missing_action']
  },
  {
    name: 'superset: unordered items of maps pair one to one (subset items)',
    expected: [{ tool: 'issue_refund', args: { lines: [{ sku: 'A' }, { sku: 'A', qty: 1 }] }, unordered: ['lines'] }],
    made: [
      [
        'issue_refund',
        {
          lines: [
            { sku: 'A', qty: 1 },
            { sku: 'A', qty: 2 }
          ]
        }
      ]
    ]
  },
  {
    name: 'superset: unordered only for the named argument',
    expected: [{ tool: 'issue_refund', args: { item_ids: ['A', 'B'], notes: ['x', 'y'] }, unordered: ['item_ids'] }],
    made: [['issue_refund', { item_ids: ['B', 'A'], notes: ['y', 'x'] }]],
    reason:
      'expected issue_refund(item_ids=["A","B"], notes=["x","y"]) (item_ids in any order) but agent called issue_refund(item_ids=["B","A"], notes=["y","x"])',
    causes: ['missing_action']
  },
  {
    name: 'subset: an unordered list in another order is expected',
    mode: 'subset',
    expected: [{ tool: 'issue_refund', args: items('A', 'B'), unordered: ['item_ids'] }],
    made: [['issue_refund', items('B', 'A')]]
  },
  {
    name: 'unordered: an unordered list in another order',
    mode: 'unordered',
    expected: [{ tool: 'issue_refund', args: items('A', 'B'), unordered: ['item_ids'] }],
    made: [['issue_refund', items('B', 'A')]]
  },
  {
    name: 'strict: unordered lists, calls in order',
    mode: 'strict',
    expected: [
      { tool: 'issue_refund', args: items('A', 'B'), unordered: ['item_ids'] },
      { tool: 'issue_refund', args: items('C'), unordered: ['item_ids'] }
    ],
    made: [
      ['issue_refund', items('B', 'A')],
      ['issue_refund', items('C')]
    ]
  },
  {
    name: 'exact: unordered items must equal, not contain',
    argsMatch: 'exact',
    expected: [{ tool: 'issue_refund', args: { lines: [{ sku: 'A' }, { sku: 'B' }] }, unordered: ['lines'] }],
    made: [['issue_refund', { lines: [{ sku: 'B' }, { sku: 'A', qty: 1 }] }]],
    reason:
      'expected issue_refund(lines=[{"sku":"A"},{"sku":"B"}]) (exact arguments; lines in any order) but agent called issue_refund(lines=[{"sku":"B"},{"sku":"A","qty":1}])',
    causes: ['missing_action']
  },
  {
    name: 'exact: unordered items equal in another order',
    argsMatch: 'exact',
    expected: [{ tool: 'issue_refund', args: { lines: [{ sku: 'A' }, { sku: 'B' }] }, unordered: ['lines'] }],
    made: [['issue_refund', { lines: [{ sku: 'B' }, { sku: 'A' }] }]]
  }
]

const argsMatch: Case[] = [
  {
    name: 'superset: exact args equal',
    argsMatch: 'exact',
    expected: [refund25],
    made: [['issue_refund', { amount: 25 }]]
  },
  {
    name: 'superset: exact args with an extra key',
    argsMatch: 'exact',
    expected: [refund25],
    made: [['issue_refund', { amount: 25, note: 'x' }]],
    reason: 'expected issue_refund(amount=25) (exact arguments) but agent called issue_refund(amount=25, note="x")',
    causes: ['missing_action']
  },
  {
    name: 'superset: exact args with an extra key in a nested map',
    argsMatch: 'exact',
    expected: [{ tool: 'send_email', args: { to: 'x', meta: { template: 'refund' } } }],
    made: [['send_email', { to: 'x', meta: { template: 'refund', lang: 'en' } }]],
    reason:
      'expected send_email(meta={"template":"refund"}, to="x") (exact arguments) but agent called send_email(meta={"template":"refund","lang":"en"}, to="x")',
    causes: ['missing_action']
  },
  {
    name: 'superset: subset args accept a nested extra key (the default)',
    expected: [{ tool: 'send_email', args: { to: 'x', meta: { template: 'refund' } } }],
    made: [['send_email', { to: 'x', meta: { template: 'refund', lang: 'en' } }]]
  },
  {
    name: "superset: an action's own exact overrides the default subset",
    expected: [{ ...refund25, args_match: 'exact' }, email],
    made: [
      ['issue_refund', { amount: 25, note: 'x' }],
      ['send_email', { to: 'x' }]
    ],
    reason: 'expected issue_refund(amount=25) (exact arguments) but agent called issue_refund(amount=25, note="x")',
    causes: ['missing_action']
  },
  {
    name: "superset: an action's own subset overrides expected.args_match exact",
    argsMatch: 'exact',
    expected: [{ ...refund25, args_match: 'subset' }],
    made: [['issue_refund', { amount: 25, note: 'x' }]]
  },
  {
    name: 'superset: exact, an action without args accepts any',
    argsMatch: 'exact',
    expected: [email],
    made: [['send_email', { to: 'x' }]]
  },
  {
    name: 'superset: exact empty args want no arguments',
    argsMatch: 'exact',
    expected: [{ tool: 'send_email', args: {} }],
    made: [['send_email', { to: 'x' }]],
    reason: 'expected send_email() (exact arguments) but agent called send_email(to="x")',
    causes: ['missing_action']
  },
  {
    name: 'subset: exact, a call with an extra key is unexpected',
    mode: 'subset',
    argsMatch: 'exact',
    expected: [refund25],
    made: [['issue_refund', { amount: 25, note: 'x' }]],
    reason: 'unexpected call issue_refund(amount=25, note="x")',
    causes: ['unexpected_action']
  },
  {
    name: 'unordered: exact args equal',
    mode: 'unordered',
    argsMatch: 'exact',
    expected: [refund25, lookup],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'strict: exact args, the extra-key call is reported as the missing one',
    mode: 'strict',
    argsMatch: 'exact',
    expected: [lookup, refund25],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25, order_id: 'A-1' }]
    ],
    reason:
      'expected issue_refund(amount=25) (exact arguments) but agent called issue_refund(amount=25, order_id="A-1")',
    causes: ['missing_action']
  }
]

const after: Case[] = [
  {
    name: 'superset: after kept',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'superset: after broken',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ],
    reason:
      'expected issue_refund(amount=25) after lookup_order(order_id="A-1") but agent called issue_refund(amount=25) before lookup_order(order_id="A-1")',
    causes: ['wrong_order']
  },
  {
    name: 'superset: a missing action is reported as missing, not as order',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [['issue_refund', { amount: 25 }]],
    reason: 'expected lookup_order(order_id="A-1") but agent never called lookup_order',
    causes: ['missing_action']
  },
  {
    name: 'superset: repeated identical calls, the later one keeps the order',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'superset: repeated identical lookups, the earlier one keeps the order',
    expected: [
      { ...refund25, after: 1 },
      { tool: 'lookup_order', args: { order_id: 'A-1' } }
    ],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ]
  },
  {
    name: 'superset: two refunds between two lookups, each after its own',
    expected: [lookup, lookup, { ...refund25, after: 0 }, { ...refund25, after: [0, 1] }],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'subset: repeated identical refunds, the one that must follow the lookup left out',
    mode: 'subset',
    expected: [{ ...refund25, after: 4 }, refund25, refund25, refund25, lookup],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ]
  },
  {
    name: 'superset: after a list, one broken',
    expected: [lookup, email, { ...refund25, after: [0, 1] }],
    made: [['lookup_order', { order_id: 'A-1' }], ['issue_refund', { amount: 25 }], ['send_email']],
    reason:
      'expected issue_refund(amount=25) after send_email(...) but agent called issue_refund(amount=25) before send_email()',
    causes: ['wrong_order']
  },
  {
    name: 'superset: an optional action out of order is only an extra call',
    expected: [
      { ...lookup, optional: true },
      { ...refund25, after: 0 }
    ],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ]
  },
  {
    name: 'subset: after with the earlier action not made holds',
    mode: 'subset',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [['issue_refund', { amount: 25 }]]
  },
  {
    name: 'subset: after broken',
    mode: 'subset',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ],
    reason:
      'expected issue_refund(amount=25) after lookup_order(order_id="A-1") but agent called issue_refund(amount=25) before lookup_order(order_id="A-1")',
    causes: ['wrong_order']
  },
  {
    name: 'unordered: after kept, other actions in any order',
    mode: 'unordered',
    expected: [lookup, email, { ...refund25, after: 0 }],
    made: [['send_email'], ['lookup_order', { order_id: 'A-1' }], ['issue_refund', { amount: 25 }]]
  },
  {
    name: 'unordered: an optional action out of order is wrong order (its call must be paired)',
    mode: 'unordered',
    expected: [
      { ...lookup, optional: true },
      { ...refund25, after: 0 }
    ],
    made: [
      ['issue_refund', { amount: 25 }],
      ['lookup_order', { order_id: 'A-1' }]
    ],
    reason:
      'expected issue_refund(amount=25) after lookup_order(order_id="A-1") but agent called issue_refund(amount=25) before lookup_order(order_id="A-1")',
    causes: ['wrong_order']
  },
  {
    name: 'unordered: repeated identical writes, the pairing that keeps the order',
    mode: 'unordered',
    expected: [{ tool: 'issue_refund' }, { ...refund25, after: 0 }],
    made: [
      ['issue_refund', { amount: 25 }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'strict: after a later action, which is not made',
    mode: 'strict',
    expected: [lookup, { ...refund25, after: 2 }, { ...email, optional: true }],
    made: [
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'strict: after a later action that is made cannot hold with the list order',
    mode: 'strict',
    expected: [lookup, { ...refund25, after: 2 }, { ...email, optional: true }],
    made: [['lookup_order', { order_id: 'A-1' }], ['issue_refund', { amount: 25 }], ['send_email']],
    reason:
      'expected issue_refund(amount=25) after send_email(...) but agent called issue_refund(amount=25) before send_email()',
    causes: ['wrong_order']
  }
]

const rejections: Case[] = [
  {
    name: 'superset: a rejected call does not satisfy',
    expected: [refund25],
    made: [['issue_refund', { amount: 25 }, rejected]],
    reason: 'expected issue_refund(amount=25) but agent called issue_refund(amount=25), which the tool rejected',
    causes: ['missing_action']
  },
  {
    name: 'superset: a rejected call, then one that was taken',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }, rejected],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'superset: a rejected proposal does not satisfy',
    expected: [refund25],
    made: [rejectedProposal(proposal('issue_refund', { amount: 25 }))],
    reason: 'expected issue_refund(amount=25) but agent proposed issue_refund(amount=25), which the tool rejected',
    causes: ['missing_action']
  },
  {
    name: 'subset: a rejected call is not unexpected',
    mode: 'subset',
    expected: [refund25],
    made: [
      ['send_email', { to: 'x' }, rejected],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'unordered: a refused write repeated is not unexpected',
    mode: 'unordered',
    expected: [refund25],
    made: [
      ['issue_refund', { amount: 25 }, rejected],
      ['issue_refund', { amount: 25 }, rejected],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'strict: a rejected call has no place in the order',
    mode: 'strict',
    expected: [lookup, refund25],
    made: [
      ['issue_refund', { amount: 25 }, rejected],
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  },
  {
    name: 'superset: after, a rejected call before its predecessor does not break it',
    expected: [lookup, { ...refund25, after: 0 }],
    made: [
      ['issue_refund', { amount: 25 }, rejected],
      ['lookup_order', { order_id: 'A-1' }],
      ['issue_refund', { amount: 25 }]
    ]
  }
]

describe.each([
  ['optional', optional],
  ['unordered', unordered],
  ['args_match', argsMatch],
  ['after', after],
  ['rejected calls', rejections]
])('%s', (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const graded = grade(c)
    const actions = graded.expectations.find((e) => e.expectation === 'actions')
    if (c.reason === undefined) {
      expect(actions).toEqual({ expectation: 'actions', ok: true })
      expect(graded.status).toBe('pass')
    } else {
      expect(actions).toEqual({ expectation: 'actions', ok: false, reason: c.reason })
      expect(graded.status).toBe('fail')
      expect(graded.causes.filter((cause) => cause !== 'guardrail_violation')).toEqual(c.causes)
    }
  })
})

describe('a rejected call to a forbidden tool', () => {
  it('is still an attempt at it, and fails forbidden_actions', () => {
    const task = makeTask({ forbidden_actions: ['issue_refund'], escalate: false })
    const graded = gradeAttempt(task, makeWorkflow(), makeRun(calls(['issue_refund', { amount: 25 }, rejected])))
    expect(graded.status).toBe('fail')
    expect(graded.reasons).toEqual(['forbidden action issue_refund was called (the tool rejected it)'])
    expect(graded.causes).toEqual(['forbidden_action'])
  })

  it('is named without the note when another call to it was taken', () => {
    const task = makeTask({ forbidden_actions: ['issue_refund'] })
    const run = makeRun(calls(['issue_refund', {}, rejected], ['issue_refund', {}]))
    expect(gradeAttempt(task, makeWorkflow(), run).reasons).toEqual(['forbidden action issue_refund was called'])
  })
})

describe('the order search', () => {
  it('decides a dozen identical calls whose order cannot hold without trying every pairing', () => {
    const refunds = Array.from({ length: 12 }, (): CallSpec => ['issue_refund', { amount: 25 }])
    const started = Date.now()
    const graded = grade({
      name: 'a dozen refunds',
      mode: 'unordered',
      expected: [{ ...refund25, after: 12 }, ...Array.from({ length: 11 }, () => refund25), lookup],
      made: [...refunds, ['lookup_order', { order_id: 'A-1' }]]
    })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(graded.causes).toEqual(['wrong_order'])
    expect(graded.reasons).toEqual([
      'expected issue_refund(amount=25) after lookup_order(order_id="A-1") but agent called issue_refund(amount=25) before lookup_order(order_id="A-1")'
    ])
  })
})
