import type { LoadedTask } from '../../src/load/task-schema.js'
import type { Workflow } from '../../src/model/types.js'

/** A valid workflow with a small permission matrix; override any field. */
export function makeWorkflow(overrides: Partial<Workflow> = {}): Workflow {
  return {
    name: 'refund_request_v2',
    description: 'Decide refund requests',
    dir: process.cwd(),
    source: { file: 'golden-tasks/refund_request_v2/workflow.yml', line: 1 },
    inputs: { sources: ['ticket'], required: ['order_id'] },
    outcomes: { success: 'refund decided', failure: 'wrong decision' },
    out_of_scope: ['legal threats'],
    permissions: {
      lookup_order: { scope: 'read', risk: 'low', approval: 'none' },
      send_email: { scope: 'write', risk: 'medium', approval: 'none' },
      issue_refund: { scope: 'write', risk: 'high', approval: 'required' }
    },
    agent: { type: 'command', command: [process.execPath, '-e', 'process.stdout.write("{}")'] },
    ...overrides
  }
}

/** A valid T1 task of `refund_request_v2`; override any field. */
export function makeTask(overrides: Partial<LoadedTask> = {}): LoadedTask {
  return {
    id: 't-001',
    workflow: 'refund_request_v2',
    tier: 'T1',
    risk: 'low',
    tags: [],
    input: { order_id: 'A-1', message: 'please refund my order' },
    fixtures: {},
    expected: { actions_match: 'superset' },
    source: { file: 'golden-tasks/refund_request_v2/tasks.yaml', line: 1 },
    ...overrides
  }
}
