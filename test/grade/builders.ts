// Builders for the validated model, local to the grading tests.

import type { Expected } from '../../src/grade/kinds/index.js'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { AgentAnswer, AgentRun, ToolCallRecord, ToolPermission, Workflow } from '../../src/model/types.js'

export const PERMISSIONS: Record<string, ToolPermission> = {
  lookup_order: { scope: 'read', risk: 'low', approval: 'none' },
  get_customer: { scope: 'read', risk: 'low', approval: 'none' },
  issue_refund: { scope: 'write', risk: 'high', approval: 'none' },
  send_email: { scope: 'write', risk: 'medium', approval: 'none' },
  close_account: { scope: 'write', risk: 'high', approval: 'required' }
}

export function makeWorkflow(permissions: Record<string, ToolPermission> = PERMISSIONS): Workflow {
  return {
    name: 'refund_request_v2',
    dir: '/repo/golden-tasks/refund_request_v2',
    source: { file: 'golden-tasks/refund_request_v2/workflow.yml', line: 1 },
    inputs: { sources: [], required: [] },
    outcomes: {},
    out_of_scope: [],
    permissions,
    agent: { type: 'command', command: ['node', 'agent.js'] }
  }
}

export function makeTask(expected: Partial<Expected>): LoadedTask {
  return {
    id: 'refund-001',
    workflow: 'refund_request_v2',
    tier: 'T1',
    risk: 'high',
    tags: [],
    input: {},
    fixtures: {},
    expected: { actions_match: 'superset', ...expected },
    source: { file: 'golden-tasks/refund_request_v2/tasks.yml', line: 1 }
  }
}

/** An endpoint call; `seq` follows the position unless given. */
export type CallSpec = [tool: string, args?: unknown, extra?: Partial<ToolCallRecord>]

export function calls(...specs: CallSpec[]): ToolCallRecord[] {
  return specs.map(([tool, args = {}, extra = {}], i) => ({
    seq: i + 1,
    tool,
    args,
    result: {},
    latency_ms: 1,
    allowed: true,
    ...extra
  }))
}

/** A `request_approval` record proposing `tool(args)`, as the sandbox records it. */
export function proposal(tool: string, args: Record<string, unknown> = {}): CallSpec {
  return [
    'request_approval',
    { tool, args, reason: 'needs a human' },
    { proposed: true, result: { status: 'pending_approval' } }
  ]
}

export function makeRun(
  toolCalls: ToolCallRecord[] = [],
  answer: AgentAnswer = {},
  extra: Partial<AgentRun> = {}
): AgentRun {
  return { answer, tool_calls: toolCalls, model_calls: [], duration_ms: 5, ...extra }
}
