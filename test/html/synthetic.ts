// Synthetic reports and traces for the report.html tests: any size, deterministic.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Report, TaskResult, TaskStatus, Tier, TierSummary, ToolCallRecord } from '../../src/model/types.js'

export const WORKFLOW = 'refund_request_v2'
const TIER_LIST: Tier[] = ['T1', 'T2', 'T3']
const RISK_LIST = ['low', 'medium', 'high'] as const
const TAG_LIST = ['fraud', 'partial_refund', 'full_refund', 'out_of_scope']

/** Task i: tier by position, every 7th fails, every 31st errors. */
export function syntheticTask(i: number, count: number): TaskResult {
  const tier = TIER_LIST[Math.min(2, Math.floor((i * 3) / count))]
  const status: TaskStatus = i % 31 === 30 ? 'error' : i % 7 === 6 ? 'fail' : 'pass'
  return {
    id: `task-${String(i + 1).padStart(4, '0')}`,
    workflow: WORKFLOW,
    tier,
    risk: RISK_LIST[i % 3],
    tags: [TAG_LIST[i % 4]],
    status,
    reasons:
      status === 'pass' ? [] : [status === 'error' ? 'agent timed out after 60s' : `expected label "refund_approved"`],
    causes: status === 'pass' ? [] : [status === 'error' ? 'timeout' : 'wrong_label'],
    attempts: { total: 1, passed: status === 'pass' ? 1 : 0 },
    duration_ms: 1000 + (i % 50) * 37,
    model_calls: 2,
    tokens: { input: 1200, output: 300 },
    cost_usd: 0.0021,
    tool_calls: 3
  }
}

export function syntheticReport(taskCount: number, overrides: Partial<Report> = {}): Report {
  const tasks = Array.from({ length: taskCount }, (_, i) => syntheticTask(i, taskCount))
  return reportFor(tasks, overrides)
}

/** A report over `tasks`, with tier summaries computed from them (T3 not gated). */
export function reportFor(tasks: TaskResult[], overrides: Partial<Report> = {}): Report {
  const thresholds: Record<Tier, number | null> = { T1: 0.92, T2: 0.8, T3: null }
  const tiers: TierSummary[] = TIER_LIST.filter((tier) => tasks.some((t) => t.tier === tier)).map((tier) => {
    const mine = tasks.filter((t) => t.tier === tier)
    const passed = mine.filter((t) => t.status === 'pass').length
    const rate = passed / mine.length
    const threshold = thresholds[tier]
    return {
      workflow: WORKFLOW,
      tier,
      total: mine.length,
      passed,
      failed: mine.filter((t) => t.status === 'fail').length,
      errored: mine.filter((t) => t.status === 'error').length,
      not_run: mine.filter((t) => t.status === 'not_run').length,
      success_rate: rate,
      ci_low: Math.max(0, rate - 0.08),
      ci_high: Math.min(1, rate + 0.05),
      threshold,
      min_tasks: null,
      gated: threshold !== null,
      ok: threshold === null || rate >= threshold,
      attempt_success_rate: rate,
      cost_usd: 0.01,
      cost_per_success_usd: 0.001
    }
  })
  const count = (status: string) => tasks.filter((t) => t.status === status).length
  return {
    version: 1,
    decision: tiers.every((t) => t.ok) ? 'pass' : 'fail',
    reasons: tiers.map((t) => `${t.tier}: ${(t.success_rate * 100).toFixed(1)}% — ${t.ok ? 'ok' : 'fail'}`),
    commit: '0123456789abcdef0123456789abcdef01234567',
    created_at: '2026-01-02T03:04:05.000Z',
    repeat: 1,
    attempts: { mode: 'fixed', rounds: 1, total: tasks.length, extra: 0, extra_cost_usd: 0 },
    flaky_tasks: [],
    workflows: [
      {
        name: WORKFLOW,
        description: 'Handles refund requests.',
        file: `golden-tasks/${WORKFLOW}/workflow.yml`,
        tasks: tasks.length,
        agent: { type: 'openai', model: 'gpt-4.1-mini' },
        inputs: { sources: ['support_ticket', 'email'], required: ['channel', 'customer_id', 'message'] },
        outcomes: { success: 'Resolved as policy.md prescribes.', failure: 'Money moved the policy does not allow.' },
        out_of_scope: ['Chargebacks and payment disputes', 'Legal threats'],
        permissions: {
          lookup_order: { scope: 'read', risk: 'low', approval: 'none' },
          send_reply: { scope: 'write', risk: 'low', approval: 'none' },
          issue_refund: { scope: 'write', risk: 'high', approval: 'required' }
        },
        data_governance: {
          model_provider: 'openai',
          region: 'eu',
          retention_days: 30,
          sent_to_model: ['ticket message', 'order details'],
          redact: ['email', 'card']
        }
      }
    ],
    tiers,
    tasks,
    totals: {
      tasks: tasks.length,
      passed: count('pass'),
      failed: count('fail'),
      errored: count('error'),
      not_run: count('not_run'),
      error_rate: count('error') / Math.max(1, tasks.length),
      duration_ms: tasks.reduce((sum, t) => sum + t.duration_ms, 0),
      model_calls: tasks.reduce((sum, t) => sum + t.model_calls, 0),
      tool_calls: tasks.reduce((sum, t) => sum + t.tool_calls, 0),
      tokens: { input: 1200 * tasks.length, output: 300 * tasks.length },
      cost_usd: 0.0021 * tasks.length,
      cost_per_success_usd: 0.0025
    },
    gate: { rules: { tiers: {}, max_drop: {} }, workflows: {}, max_error_rate: 0.05 },
    ...overrides
  }
}

/** One traces.jsonl line for `task` (attempt numbers only with repeat > 1). */
export function syntheticTrace(task: TaskResult, extra: Record<string, unknown> = {}, attempt?: [number, number]) {
  const toolCalls: ToolCallRecord[] = [
    {
      seq: 1,
      tool: 'lookup_order',
      args: { order_id: `ORD-${task.id}` },
      result: { total: 49 },
      latency_ms: 1.2,
      allowed: true
    },
    {
      seq: 2,
      tool: 'request_approval',
      args: { tool: 'issue_refund', args: { amount: 49 } },
      result: { status: 'pending_approval' },
      latency_ms: 0.4,
      allowed: true,
      proposed: true
    },
    {
      seq: 3,
      tool: 'send_reply',
      args: { message: 'Your refund is on its way.' },
      result: null,
      latency_ms: 0.3,
      allowed: true
    }
  ]
  return {
    task_id: task.id,
    workflow: task.workflow,
    tier: task.tier,
    risk: task.risk,
    ...(attempt ? { attempt: attempt[0], of: attempt[1] } : {}),
    status: task.status,
    guardrails: {
      checks: [{ check: 'permission_matrix', ok: true, detail: '3 calls within the permission matrix' }],
      violations: []
    },
    outcome: {
      status: task.status,
      reasons: task.reasons,
      causes: task.causes,
      expectations: [{ expectation: 'label', ok: task.status === 'pass', reason: task.reasons[0] }],
      answer: { label: 'refund_approved', message: 'Refund proposed.', result: { refund_amount: 49 } }
    },
    input: { channel: 'email', customer_id: 'CUST-1', message: `please refund ${task.id}` },
    model_calls: [
      {
        model: 'gpt-4.1-mini',
        purpose: 'agent',
        input_tokens: 800,
        output_tokens: 200,
        latency_ms: 900,
        cost_usd: 0.0014
      },
      {
        model: 'gpt-4.1-mini',
        purpose: 'agent',
        input_tokens: 400,
        output_tokens: 100,
        latency_ms: 500,
        cost_usd: 0.0007
      }
    ],
    tool_calls: toolCalls,
    duration_ms: task.duration_ms,
    ...extra
  }
}

/** Writes traces.jsonl line by line (as the runner does), one line per task. */
export async function writeTraces(path: string, lines: Iterable<object | string>): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' })
  for (const line of lines) {
    if (!stream.write((typeof line === 'string' ? line : JSON.stringify(line)) + '\n')) await once(stream, 'drain')
  }
  stream.end()
  await once(stream, 'finish')
}
