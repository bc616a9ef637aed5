// Issue 13, items 1, 2 and 6 through `evalgate validate`: a matrix that lets the agent take a
// high-risk write on its own is a warning; a phase, limit or identity that does not exist, a limit
// that cannot hold, or a limit on an argument the tool schema does not have is a file:line
// problem (exit 2).
import { describe, expect, it } from '@jest/globals'
import { runCli, writeProject } from '../helpers/project.js'

const MANIFEST = 'golden-tasks/wf/workflow.yml'

function manifest(...middle: string[]): string {
  return [
    'name: wf',
    ...middle,
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "agent.mjs"]`,
    ''
  ].join('\n')
}

const TASK = ['- id: t1', '  tier: T1', '  risk: low', '  input: {}', '  expected: { label: ok }', ''].join('\n')

const TOOLS = JSON.stringify([
  {
    name: 'issue_refund',
    parameters: {
      type: 'object',
      properties: { order_id: { type: 'string' }, amount: { type: 'number' } }
    }
  }
])

async function validate(workflow: string, thresholds = 'tiers: { T1: 0.5 }\n') {
  const dir = writeProject({
    'thresholds.yml': thresholds,
    [MANIFEST]: workflow,
    'tools.json': TOOLS,
    'golden-tasks/wf/tasks.yaml': TASK
  })
  const res = await runCli(['validate'], dir)
  const lines = res.stderr.split('\n').filter((l) => l.includes(': '))
  // The tier of one task is too small to decide: said of thresholds.yml, not of the manifest.
  return { ...res, lines, manifestLines: lines.filter((l) => l.startsWith(MANIFEST)) }
}

describe('validate: rollout policy warnings', () => {
  it('a high-risk write tool with neither approval: required nor limits', async () => {
    const res = await validate(
      manifest(
        'permissions:',
        '  lookup_order: { scope: read, risk: high }',
        '  issue_refund: { scope: write, risk: high }',
        '  capped_refund: { scope: write, risk: high, limits: { amount: { max: 200 } } }',
        '  approved_refund: { scope: write, risk: high, approval: required }',
        '  send_email: { scope: write, risk: medium }'
      )
    )
    expect(res.code).toBe(0)
    expect(res.manifestLines).toEqual([
      `${MANIFEST}:4: warning: issue_refund is a high-risk write tool with neither approval: required nor limits: at phase autonomous the agent may call it on its own with any arguments`
    ])
  })

  it('user_impersonation with autonomous high-risk writes, but not at propose or draft', async () => {
    const permissions = [
      'permissions:',
      '  issue_refund: { scope: write, risk: high, limits: { amount: { max: 200 } } }',
      '  approved_refund: { scope: write, risk: high, approval: required }'
    ]
    const identity = 'identity: { model: user_impersonation, principal: the customer }'
    const autonomous = await validate(manifest(...permissions, identity))
    expect(autonomous.code).toBe(0)
    expect(autonomous.manifestLines).toEqual([
      `${MANIFEST}:5: warning: identity user_impersonation with autonomous high-risk writes (issue_refund): the agent acts as the user with no human approving; require approval for them or use delegated_service`
    ])
    const propose = await validate(manifest(...permissions, identity, 'rollout: { phase: propose }'))
    expect(propose.manifestLines).toEqual([])
    const delegated = await validate(manifest(...permissions, 'identity: { model: delegated_service }'))
    expect(delegated.manifestLines).toEqual([])
  })
})

describe('validate: bad rollout input, each at its file:line, exit 2', () => {
  const refund = (limits: string) => [
    'tool_schemas: ../../tools.json',
    'permissions:',
    `  issue_refund: { scope: write, risk: high, limits: ${limits} }`
  ]

  it.each([
    [
      'an unknown phase',
      manifest('rollout: { phase: yolo }', 'permissions: {}'),
      `${MANIFEST}:2: phase "yolo" is not one of draft, propose, autonomous`
    ],
    [
      'an unknown identity model',
      manifest('identity: { model: root }', 'permissions: {}'),
      `${MANIFEST}:2: model "root" is not one of delegated_service, user_impersonation`
    ],
    [
      'an unknown limit kind',
      manifest(...refund('{ amount: { maximum: 200 } }')),
      `${MANIFEST}:4: unknown limit kind "maximum" in permissions.issue_refund.limits.amount (limits are max, min, one_of, pattern)`
    ],
    [
      'limits that contradict',
      manifest(...refund('{ amount: { min: 300, max: 200 } }')),
      `${MANIFEST}:4: min 300 is more than max 200: no value is within the limit`
    ],
    [
      'a pattern that is not a regular expression',
      manifest(...refund('{ order_id: { pattern: "(" } }')),
      `${MANIFEST}:4: "pattern" is not a regular expression: Invalid regular expression: /(/u: Unterminated group`
    ],
    [
      'a limit with no bound',
      manifest(...refund('{ amount: {} }')),
      `${MANIFEST}:4: a limit needs at least one of max, min, one_of, pattern`
    ],
    [
      'a limit on an argument the tool schema does not have',
      manifest(...refund('{ amount_usd: { max: 200 } }')),
      `${MANIFEST}:4: limit on "amount_usd", which the tool schema of issue_refund does not have (its arguments are order_id, amount)`
    ],
    [
      'a limit kind that cannot apply to the argument type',
      manifest(...refund('{ order_id: { max: 200 } }')),
      `${MANIFEST}:4: limit max on "order_id" cannot apply: its tool schema type is string`
    ]
  ])('%s', async (_what, workflow, problem) => {
    const res = await validate(workflow)
    expect(res.code).toBe(2)
    expect(res.lines.filter((l) => !l.includes('warning:'))).toEqual([problem])
  })

  it('an unknown phase in thresholds.yml phases, at its line', async () => {
    const res = await validate(
      manifest('permissions: {}'),
      'tiers: { T1: 0.5 }\nphases:\n  autonomous: { tiers: { T1: 0.9 } }\n  yolo: { tiers: { T1: 0.9 } }\n'
    )
    expect(res.code).toBe(2)
    expect(res.lines).toEqual(['thresholds.yml:4: unknown phase "yolo" (phases are draft, propose, autonomous)'])
  })

  it('a phase pass_k beyond max_attempts, at its line', async () => {
    const res = await validate(
      manifest('permissions: {}'),
      'tiers: { T1: 0.5 }\nphases:\n  draft:\n    tiers: { T1: { min_success: 0.9, pass_k: { k: 9, min: 0.5 } } }\n'
    )
    expect(res.code).toBe(2)
    expect(res.lines).toEqual([`thresholds.yml:4: "k" must be at most the tier's max_attempts (5, the default), got 9`])
  })
})
