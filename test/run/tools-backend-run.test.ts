// Issue 15 part A through whole runs from source: command agents whose tools are answered by a
// stateful backend (the JSON-lines orders backend, and the same over HTTP), graded on the end
// state and on the replay of the expected actions, and every backend fault an `error` of its
// attempt alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Report, TraceLine } from '../../src/model/types.js'
import { startOrdersService, type OrdersService } from '../backend/orders-http.js'
import { writeProject } from '../helpers/project.js'
import { fixtureAgentFiles, runOnce } from './fixture-agent-run.js'

const BACKEND = readFileSync(fileURLToPath(new URL('../fixtures/backends/orders.mjs', import.meta.url)), 'utf8')
const NODE = process.execPath

function manifest(name: string, backend: string[]): string {
  return [
    `name: ${name}`,
    'permissions:',
    '  get_order: { scope: read, risk: low }',
    '  cancel_order: { scope: write, risk: medium }',
    ...backend,
    'agent:',
    '  type: command',
    `  command: ["${NODE}", "../../agents/scripted.mjs"]`,
    ''
  ].join('\n')
}

/** A task whose agent makes `calls` (tool, order id) in order. */
function task(id: string, calls: [string, string][], ...rest: string[]): string[] {
  const list = calls.map(([tool, order]) => `{ tool: ${tool}, args: { order_id: ${order} } }`).join(', ')
  return [`- id: ${id}`, '  tier: T1', '  risk: low', `  input: { calls: [${list}] }`, ...rest.map((r) => `  ${r}`)]
}

const TASKS = [
  ...task(
    'read-after-write',
    [
      ['cancel_order', 'W1'],
      ['get_order', 'W1']
    ],
    'expected:',
    '  state: { orders: { W1: { status: cancelled } } }',
    '  result: { answers: [{ status: 200 }, { status: 200, body: { status: cancelled } }] }'
  ),
  ...task(
    'refused-write',
    [['cancel_order', 'W2']],
    'expected:',
    '  state_equals_replay: true',
    '  result: { answers: [{ status: 400, body: { error: "order W2 is delivered, not pending" } }] }'
  ),
  ...task(
    'replay-matches',
    [
      ['get_order', 'W1'],
      ['cancel_order', 'W1']
    ],
    'expected:',
    '  actions: [{ tool: cancel_order, args: { order_id: W1 } }]',
    '  state_equals_replay: true'
  ),
  ...task('wrong-state', [['get_order', 'W1']], 'expected:', '  state: { orders: { W1: { status: cancelled } } }'),
  ...task(
    'replay-differs',
    [['get_order', 'W1']],
    'expected:',
    '  actions: [{ tool: cancel_order, args: { order_id: W1 } }]',
    '  state_equals_replay: true'
  ),
  ...task(
    'own-initial-state',
    [['cancel_order', 'W9']],
    'initial_state: { orders: { W9: { status: pending } } }',
    'expected: { state: { orders: { W9: { status: cancelled } } } }'
  ),
  ...task(
    'fixture-fault-first',
    [
      ['get_order', 'W1'],
      ['get_order', 'W2']
    ],
    'fixtures:',
    '  get_order: [{ when: { order_id: W1 }, fault: { status: 503, message: orders down } }]',
    'expected:',
    '  result: { answers: [{ status: 503 }, { status: 200, body: { status: delivered } }] }'
  ),
  ''
].join('\n')

const FAULTS = [
  ...task('dies', [['get_order', 'DIE']], 'expected: { label: done }'),
  ...task('garbage', [['get_order', 'GARBAGE']], 'expected: { label: done }'),
  ...task('hangs', [['get_order', 'HANG']], 'expected: { label: done }'),
  ...task('wrong-answer', [['get_order', 'WRONG']], 'expected: { label: done }'),
  ...task('still-works', [['cancel_order', 'W1']], 'expected: { state: { orders: { W1: { status: cancelled } } } }'),
  ''
].join('\n')

const projects: string[] = []
let service: OrdersService
beforeAll(async () => {
  service = await startOrdersService()
})
afterAll(async () => {
  await service.close()
  for (const dir of projects) await rm(dir, { recursive: true, force: true })
})

function project(files: Record<string, string>): string {
  const dir = writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { task_timeout_s: 5 }\n',
    ...fixtureAgentFiles(['scripted.mjs', 'read-stdin.mjs', 'refund-steps.mjs']),
    'backends/orders.mjs': BACKEND,
    ...files
  })
  projects.push(dir)
  return dir
}

const commandBackend = (extra = '') => [`tools_backend: { command: ["${NODE}", "../../backends/orders.mjs"]${extra} }`]

function outcomes(report: Report, workflow: string): Record<string, [string, string[]]> {
  return Object.fromEntries(
    report.tasks.filter((t) => t.workflow === workflow).map((t) => [t.id, [t.status, t.reasons]])
  )
}

function callsOf(traces: TraceLine[], workflow: string, id: string): TraceLine['tool_calls'] {
  return traces.find((t) => t.workflow === workflow && t.task_id === id)!.tool_calls
}

describe('a run with a tools backend', () => {
  it('grades end states and replays through the command and the url form alike', async () => {
    const dir = project({
      'golden-tasks/command/workflow.yml': manifest('command', commandBackend()),
      'golden-tasks/command/tasks.yaml': TASKS,
      'golden-tasks/url/workflow.yml': manifest('url', [`tools_backend: { url: "${service.url}" }`]),
      'golden-tasks/url/tasks.yaml': TASKS
    })
    const { report, traces, out } = await runOnce(dir)
    for (const workflow of ['command', 'url']) {
      expect(outcomes(report, workflow)).toEqual({
        'read-after-write': ['pass', []],
        'refused-write': ['pass', []],
        'replay-matches': ['pass', []],
        'wrong-state': ['fail', ['state.orders.W1.status: expected "cancelled" but got "pending"']],
        'replay-differs': [
          'fail',
          [
            'expected cancel_order(order_id="W1") but agent never called cancel_order',
            'end state differs from the replay: state.orders.W1.status: expected "cancelled" but got "pending"'
          ]
        ],
        'own-initial-state': ['pass', []],
        'fixture-fault-first': ['pass', []]
      })
      expect(callsOf(traces, workflow, 'refused-write')).toEqual([
        expect.objectContaining({
          tool: 'cancel_order',
          result: null,
          error: 'order W2 is delivered, not pending',
          rejected: true
        })
      ])
      const [faulted, served] = callsOf(traces, workflow, 'fixture-fault-first')
      expect(faulted).toMatchObject({ error: 'orders down', fault: { status: 503 } })
      expect(served).toMatchObject({ result: { order_id: 'W2', status: 'delivered' } })
      expect(served.error).toBeUndefined()
    }
    // The state is graded, never written out.
    expect(readFileSync(`${out}/traces.jsonl`, 'utf8')).not.toMatch(/"final"|"replay"/)
    expect(readFileSync(`${out}/report.json`, 'utf8')).not.toMatch(/"final"|"replay"/)
    // Every attempt ended its attempt on the service.
    expect(service.attempts.size).toBe(0)
  })

  it('makes each attempt whose backend fails an error with the reason; the other attempts still run', async () => {
    const dir = project({
      'golden-tasks/faults/workflow.yml': manifest('faults', commandBackend(', timeout_s: 0.5')),
      'golden-tasks/faults/tasks.yaml': FAULTS,
      'golden-tasks/missing/workflow.yml': manifest('missing', ['tools_backend: { command: [./no-such-backend] }']),
      'golden-tasks/missing/tasks.yaml': task('any', [['get_order', 'W1']], 'expected: { label: done }').join('\n')
    })
    const started = performance.now()
    const { report, traces } = await runOnce(dir)
    expect(performance.now() - started).toBeLessThan(15_000)
    expect(outcomes(report, 'faults')).toEqual({
      dies: ['error', ['tools backend: exited with code 3: backend: the order store went away']],
      garbage: ['error', ['tools backend: answered call with a line that is not JSON: "this is not json"']],
      hangs: ['error', ['tools backend: did not answer call within 0.5s (timeout_s)']],
      'wrong-answer': [
        'error',
        ['tools backend: answered call with {"value":1}, which is not {"result": ...} or {"error": "..."}']
      ],
      'still-works': ['pass', []]
    })
    expect(outcomes(report, 'missing')).toEqual({
      any: ['error', ['tools backend: could not start: spawn ./no-such-backend ENOENT']]
    })
    // The agent got a 502 for the call the backend failed.
    expect(callsOf(traces, 'faults', 'dies')).toEqual([
      expect.objectContaining({ error: 'tools backend: exited with code 3: backend: the order store went away' })
    ])
    expect(report.tasks.find((t) => t.id === 'dies')!.causes).toEqual(['infra_error'])
  })
})
