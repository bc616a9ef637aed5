// Three projects for `evalgate readiness` and the readiness section of a run: a bare manifest
// (name, one tool, the agent), a partial one, and one with every field the kit asks for that
// exists before parts G, C and V of issue 14 are merged.
import { writeProject } from '../helpers/project.js'

/** Answers every task with label ok and escalates; calls lookup_order once when it is listed. */
export const AGENT = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const req = JSON.parse(raw)
  if (req.tools.some((t) => (t.name ?? t) === 'lookup_order'))
    await fetch(process.env.EVALGATE_TOOLS_URL + '/lookup_order', { method: 'POST', body: '{}' })
  process.stdout.write(JSON.stringify({ label: 'ok', escalated: true, fallback: 'human' }) + '\\n')
})
`

const agent = ['agent:', '  type: command', `  command: ["${process.execPath}", "agent.mjs"]`]

function task(id: string, tier: string, opts: { risk?: string; expected?: string; fixtures?: string } = {}): string[] {
  return [
    `- id: ${id}`,
    `  tier: ${tier}`,
    `  risk: ${opts.risk ?? 'low'}`,
    '  input: { message: hi }',
    ...(opts.fixtures ? [`  fixtures: ${opts.fixtures}`] : []),
    `  expected: ${opts.expected ?? '{ label: ok }'}`
  ]
}

export function bareProject(): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    'golden-tasks/bare/workflow.yml': [
      'name: bare',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      ...agent,
      ''
    ].join('\n'),
    'golden-tasks/bare/agent.mjs': AGENT,
    'golden-tasks/bare/tasks.yaml': task('only', 'T1').join('\n') + '\n'
  })
}

export function partialProject(): string {
  return writeProject({
    'thresholds.yml': [
      'tiers: { T1: 0.5, T2: 0.5 }',
      'baseline: { max_drop: { T1: 0.05 } }',
      'budgets: { max_cost_usd: 2 }',
      ''
    ].join('\n'),
    'golden-tasks/partial/workflow.yml': [
      'name: partial',
      'description: Answers order questions',
      'inputs: { sources: [email], required: [message] }',
      'outcomes: { success: the right answer, failure: a wrong one }',
      'out_of_scope: [legal threats]',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      '  issue_refund: { scope: write, risk: high, approval: required }',
      'identity: { model: delegated_service }',
      'data_governance: { model_provider: openai, region: eu, redact: [email] }',
      'rollout: { phase: propose }',
      ...agent,
      ''
    ].join('\n'),
    'golden-tasks/partial/agent.mjs': AGENT,
    'golden-tasks/partial/tasks.yaml': [
      ...task('t1', 'T1'),
      ...task('t2', 'T2', { expected: '{ label: ok, escalate: true }' }),
      ''
    ].join('\n')
  })
}

export function completeProject(): string {
  return writeProject({
    'thresholds.yml': [
      'tiers:',
      '  T1: { min_success: 0.5, min_tasks: 1 }',
      '  T2: 0.5',
      '  T3: 0.5',
      'decision: { margin: 0 }',
      'phases: { autonomous: { tiers: { T1: 0.9 } } }',
      'baseline: { max_drop: { T1: 0.02, T2: 0.05 } }',
      'budgets: { max_cost_usd: 2 }',
      'override: { approvers: [alice], min_permission: maintain }',
      ''
    ].join('\n'),
    'golden-tasks/complete/workflow.yml': [
      'name: complete',
      'description: Handles refund requests',
      'inputs: { sources: [email, ticket], required: [message] }',
      'outcomes: { success: refunded as policy says, failure: money moved wrongly }',
      'out_of_scope: [chargebacks, legal threats]',
      'permissions:',
      '  lookup_order: { scope: read, risk: low, scopes: ["orders:read"] }',
      '  issue_refund: { scope: write, risk: high, approval: required, scopes: ["payments:refund"] }',
      'identity: { model: delegated_service, principal: svc-refunds }',
      'data_governance:',
      '  model_provider: openai',
      '  region: eu',
      '  retention_days: 30',
      '  sent_to_model: [ticket text]',
      '  redact: [email, card]',
      '  subprocessors: [{ name: OpenAI, region: eu, dpa_url: "https://example.com/dpa" }]',
      '  stored: [{ what: traces, where: CI artifacts, retention_days: 14 }]',
      '  retention: { prompts_days: 30, traces_days: 14, artifacts_days: 14 }',
      'runbook: RUNBOOK.md',
      'version: 1.4.0',
      'versioning: { require_bump: true }',
      'escalation: { min_confidence: 0.7 }',
      'rollout: { phase: propose }',
      'kill_switch: { env: REFUNDS_OFF, value: "1", drill_tasks: 2 }',
      ...agent,
      ''
    ].join('\n'),
    'golden-tasks/complete/agent.mjs': AGENT,
    'golden-tasks/complete/incidents.yml':
      '- { id: INC-1, date: 2026-10-02, severity: sev2, summary: refunded a chargeback, tasks: [t1] }\n',
    'golden-tasks/complete/RUNBOOK.md': [
      '# Refunds runbook',
      '## When to escalate',
      'Fraud, chargebacks, tool failures.',
      '## Fallback behaviour',
      'A human takes the ticket over.',
      '## On-call',
      'The payments team, pager rotation.',
      '## How to disable automation',
      'Set REFUNDS_OFF=1 in the agent service.',
      ''
    ].join('\n'),
    'golden-tasks/complete/tasks.yaml': [
      ...task('t1', 'T1', { risk: 'high', expected: '{ label: ok, escalate: true }' }),
      ...task('t2', 'T2', {
        fixtures: '{ lookup_order: [{ when: {}, fault: { status: 503, message: down } }] }',
        expected: '{ label: ok, fallback: human }'
      }),
      ...task('t3', 'T3'),
      ''
    ].join('\n')
  })
}
