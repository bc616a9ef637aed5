// Issue 15, items 3 and 6 through a whole run from source: the workflow's shared fixtures
// (fixtures_file) serve every task, one task replaces one tool's fixture with its own, and a call
// that breaks its tool's JSON schema is refused and recorded as rejected in the trace.
import { afterAll, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { fixtureAgentFiles, runOnce } from './fixture-agent-run.js'
import { writeProject } from '../helpers/project.js'

const MANIFEST = [
  'name: refunds',
  'permissions:',
  '  lookup_order: { scope: read, risk: low }',
  '  issue_refund: { scope: write, risk: high }',
  'tool_schemas: tools.json',
  'fixtures_file: catalogue.yml',
  'agent:',
  '  type: command',
  `  command: ["${process.execPath}", "../../agents/careful.mjs"]`,
  ''
].join('\n')

const CATALOGUE = [
  'lookup_order:',
  '  - { when: { order_id: o1 }, return: { order_id: o1, total: 25 } }',
  '  - { when: { order_id: o2 }, return: { order_id: o2, total: 30 } }',
  '  - { when: { order_id: o3 }, return: { order_id: o3, total: 500 } }',
  'issue_refund: { refunded: true }',
  ''
].join('\n')

const TOOLS = JSON.stringify([
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] }
    }
  },
  {
    type: 'function',
    function: {
      name: 'issue_refund',
      parameters: {
        type: 'object',
        properties: { order_id: { type: 'string' }, amount: { type: 'number', maximum: 100 } },
        required: ['order_id', 'amount']
      }
    }
  }
])

const task = (id: string, order: string, amount: number, own: string[] = []) => [
  `- id: ${id}`,
  '  tier: T1',
  '  risk: high',
  `  input: { order_id: ${order} }`,
  ...(own.length > 0 ? ['  fixtures:', ...own.map((row) => `    ${row}`)] : []),
  '  expected:',
  '    label: refund_approved',
  `    actions: [{ tool: issue_refund, args: { order_id: ${order}, amount: ${amount} } }]`
]

const TASKS = [
  ...task('shared-o1', 'o1', 25),
  ...task('shared-o2', 'o2', 30),
  // The task's own lookup_order replaces the shared one; issue_refund still comes from the catalogue.
  ...task('own-lookup', 'o1', 40, ['lookup_order: { order_id: o1, total: 40 }']),
  ...task('over-the-maximum', 'o3', 500),
  ''
].join('\n')

let dir: string
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('shared fixtures and schema-checked calls in a run', () => {
  it('serve every task from the catalogue, a task overriding one tool; a breaking call is rejected', async () => {
    dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { task_timeout_s: 10 }\n',
      ...fixtureAgentFiles(['careful.mjs', 'refund-steps.mjs', 'read-stdin.mjs']),
      'golden-tasks/refunds/workflow.yml': MANIFEST,
      'golden-tasks/refunds/catalogue.yml': CATALOGUE,
      'golden-tasks/refunds/tools.json': TOOLS,
      'golden-tasks/refunds/tasks.yaml': TASKS
    })
    const { report, traces } = await runOnce(dir)
    const status = Object.fromEntries(report.tasks.map((t) => [t.id, [t.status, t.reasons]]))
    expect(status['shared-o1']).toEqual(['pass', []])
    expect(status['shared-o2']).toEqual(['pass', []])
    expect(status['own-lookup']).toEqual(['pass', []])
    // catalogue.yml beside the tasks is not read as a task file.
    expect(report.tasks).toHaveLength(4)

    const trace = Object.fromEntries(traces.map((t) => [t.task_id, t.tool_calls]))
    expect(trace['own-lookup'].map((c) => [c.tool, c.result])).toEqual([
      ['lookup_order', { order_id: 'o1', total: 40 }],
      ['issue_refund', { refunded: true }]
    ])
    expect(trace['shared-o2'][0].result).toEqual({ order_id: 'o2', total: 30 })
    const [read, write] = trace['over-the-maximum']
    expect(read.result).toEqual({ order_id: 'o3', total: 500 })
    expect(write).toMatchObject({
      tool: 'issue_refund',
      args: { order_id: 'o3', amount: 500 },
      result: null,
      allowed: true,
      rejected: true,
      error: 'arguments of issue_refund do not match its schema: amount must be <= 100'
    })
  }, 60_000)
})
