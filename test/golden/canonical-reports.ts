// The canonical reports of the golden outputs: fixed dates, commits and durations (never the
// clock, never a path of this machine), so that the outputs made from them are the same anywhere.
import type { GateChanges, Report, TaskResult } from '../../src/model/types.js'
import { reportOf, type ReportOfArgs } from '../helpers/report-of.js'
import { gate, task, tier } from '../gate/make.js'
import { readinessInputs } from '../../src/readiness/inputs.js'
import { scoreReadiness } from '../../src/readiness/score.js'
import { task as goldenTask, thresholds, workflow } from '../base/builders.js'

/** The head of the PR whose gate failed, its base, and the next push. */
export const HEAD = 'c0ffee1234567890abcdef1234567890abcdef12'
export const BASE = 'ba5e0001112223334445556667778889990aaabb'
export const NEXT_HEAD = 'deadbeef00112233445566778899aabbccddeeff'
export const RUN_URL = 'https://github.example/acme/shop/actions/runs/4242'
export const CONTEXT = 'evalgate'

/** The readiness checklist of the canonical `refunds` manifest: some sections met, some partial, some missing. */
const readiness = scoreReadiness(
  readinessInputs(
    {
      workflows: [
        workflow('refunds', {
          description: 'Handles refund requests',
          inputs: { sources: ['email'], required: ['customer_id', 'message'] },
          outcomes: { success: 'refunded as the policy says', failure: 'money moved wrongly' },
          out_of_scope: ['chargebacks'],
          permissions: {
            lookup_order: { scope: 'read', risk: 'low', approval: 'none' },
            issue_refund: { scope: 'write', risk: 'high', approval: 'required' }
          },
          data_governance: { model_provider: 'openai', region: 'us', retention_days: 30, redact: [] }
        })
      ],
      tasks: [
        goldenTask('t1-refund', {
          workflow: 'refunds',
          risk: 'high',
          expected: { escalate: true, actions_match: 'superset' }
        })
      ],
      thresholds: thresholds({
        rules: { tiers: { T1: { min_success: 0.92 }, T2: { min_success: 0.8 } }, max_drop: {} }
      })
    },
    { tasks: [{ workflow: 'refunds', status: 'pass', tool_calls: 3 }] }
  )
)

function report(tasks: TaskResult[], createdAt: string, extra: Partial<ReportOfArgs> = {}): Report {
  const workflows = [
    {
      name: 'refunds',
      file: 'golden-tasks/refunds/workflow.yml',
      tasks: tasks.length,
      agent: { type: 'command' as const }
    }
  ]
  return reportOf({ tasks, gate: gate(), workflows, createdAt: new Date(createdAt), readiness, ...extra })
}

const failed = (
  id: string,
  tier: TaskResult['tier'],
  causes: string[],
  reason: string,
  extra: Partial<TaskResult> = {}
) => task(id, { tier, status: 'fail', causes, reasons: [reason], ...extra })

/** Every gated tier passes. */
export const passReport = report(
  [...tier('T1', 100, 0), ...tier('T2', 20, 0), ...tier('T3', 6, 0)],
  '2025-03-03T09:00:00Z',
  { commit: '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5', rounds: { rounds: 1, extra_cost_usd: 0 } }
)

/** T2 falls under its threshold; two tasks are flaky; the PR changed its gate (judged as on the base). */
export const failReport = report(
  [
    ...tier('T1', 38, 0),
    task('t1-refund-partial', {
      status: 'fail',
      causes: ['wrong_label'],
      reasons: ['label "refund_full", expected "refund_partial"'],
      attempts: { total: 3, passed: 2 },
      flaky: true
    }),
    ...tier('T2', 14, 0),
    failed('t2-lost-parcel', 'T2', ['missing_action'], 'expected call lookup_order({"order_id":"O-17"}) not made'),
    failed('t2-chargeback', 'T2', ['forbidden_action', 'wrong_label'], 'called issue_refund, which this task forbids', {
      risk: 'high'
    }),
    failed('t2-angry-customer', 'T2', ['wrong_escalation'], 'escalated: false, expected true'),
    failed('t2-new-voucher', 'T2', ['wrong_label'], 'label "voucher", expected "refund_denied"'),
    task('t2-late-delivery', {
      tier: 'T2',
      status: 'fail',
      causes: ['wrong_label'],
      reasons: ['label "refund_denied", expected "refund_full"'],
      attempts: { total: 3, passed: 1 },
      flaky: true
    })
  ],
  '2025-03-10T09:00:00Z',
  { commit: HEAD, gateChanges: gateChanges(), rounds: { rounds: 3, extra_cost_usd: 0.04 } }
)

function gateChanges(): GateChanges {
  return {
    base: { sha: BASE, via: 'the GitHub API' },
    thresholds: [{ rule: 'tiers.T2.min_success', base: 0.8, pr: 0.6, applied: 'base' }],
    tasks: {
      added: [{ workflow: 'refunds', id: 't2-new-voucher' }],
      removed: [],
      changed: [
        {
          workflow: 'refunds',
          id: 't2-chargeback',
          fields: ['expected'],
          diff: ['expected.label: "refund_denied" -> "refund_full"'],
          pr_form: { status: 'pass', reasons: [] }
        }
      ]
    },
    workflows: { renamed: [], added: [], removed: [] },
    permissions: [{ workflow: 'refunds', tool: 'issue_refund', change: 'scope read -> write in this PR: stays read' }],
    endpoints: [],
    notes: []
  }
}

/** Too many attempts errored, and a task did not run: the gate cannot decide. */
export const errorReport = report(
  [
    ...tier('T1', 20, 0),
    task('t1-timeout', { status: 'error', causes: ['timeout'], reasons: ['agent timed out after 60s'] }),
    task('t1-crash', { status: 'error', causes: ['crash'], reasons: ['agent exited with code 1'] }),
    task('t1-bad-output', {
      status: 'error',
      causes: ['bad_output'],
      reasons: ['agent output is not JSON: "Sure! Here is"']
    }),
    task('t1-unreachable', {
      status: 'error',
      causes: ['unreachable'],
      reasons: ['connect ECONNREFUSED 127.0.0.1:8080']
    }),
    ...tier('T2', 8, 0),
    task('t2-not-run', {
      tier: 'T2',
      status: 'not_run',
      causes: ['not_run'],
      reasons: ['max_cost_usd reached'],
      cost_usd: 0
    })
  ],
  '2025-03-17T09:00:00Z',
  { commit: 'e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3', rounds: { rounds: 1, extra_cost_usd: 0 } }
)

/** An approver's override of the failed gate on HEAD. */
export const override = {
  sha: HEAD,
  login: 'lead-reviewer',
  at: '2025-03-10T10:30:00Z',
  reason: 'T2 drop is the new voucher task; tracked in #123',
  tiers: []
}
