// Issue 10, row 13: an answer that only *claims* actions (`actions` in the answer, no tool call)
// satisfied a strict `expected.actions`. Claims now count only where the task or the workflow says
// the agent reports actions instead of calling tools (`reports_actions: true`); the trace marks
// them claimed either way.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

// Calls nothing; claims to have looked the order up and refunded it.
const CLAIMER = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify({
    label: 'refund_approved',
    actions: [
      { tool: 'lookup_order', args: { order_id: 'ORD-1' } },
      { tool: 'issue_refund', args: { order_id: 'ORD-1', amount: 49 } }
    ]
  }) + '\\n')
})
`

function project(opts: { workflowFlag?: boolean; taskFlag?: boolean }): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      '  issue_refund: { scope: write, risk: high }',
      ...(opts.workflowFlag ? ['reports_actions: true'] : []),
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.mjs': CLAIMER,
    'golden-tasks/wf/tasks.yaml': [
      '- id: claims-only',
      '  tier: T1',
      '  risk: high',
      ...(opts.taskFlag ? ['  reports_actions: true'] : []),
      '  input: { order: ORD-1 }',
      '  expected:',
      '    label: refund_approved',
      '    actions_match: strict',
      '    actions:',
      '      - { tool: lookup_order, args: { order_id: ORD-1 } }',
      '      - { tool: issue_refund, args: { order_id: ORD-1, amount: 49 } }',
      ''
    ].join('\n')
  })
}

function outputs(dir: string) {
  const out = join(dir, 'evalgate-report')
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
  const trace = JSON.parse(readFileSync(join(out, 'traces.jsonl'), 'utf8').trim().split('\n')[0])
  return { task: report.tasks[0], trace, summary: readFileSync(join(out, 'summary.md'), 'utf8') }
}

describe('row 13: claimed actions', () => {
  it('never satisfy a strict expected.actions by default: the task fails and says why', async () => {
    const dir = project({})
    const run = await runCli(['run', '--repeat', '1'], dir)
    expect(run.code).toBe(1)
    const { task, trace } = outputs(dir)
    expect(task.status).toBe('fail')
    expect(task.reasons.join('\n')).toContain(
      'expected issue_refund(amount=49, order_id="ORD-1") but agent never called issue_refund (the answer claims issue_refund(amount=49, order_id="ORD-1"), but claimed actions count only where the task or workflow sets reports_actions: true)'
    )
    expect(trace.claimed_actions).toEqual({
      actions: [
        { tool: 'lookup_order', args: { order_id: 'ORD-1' } },
        { tool: 'issue_refund', args: { order_id: 'ORD-1', amount: 49 } }
      ],
      counted: false
    })
    expect(trace.tool_calls).toEqual([])
  })

  it.each([
    ['the task', { taskFlag: true }],
    ['the workflow', { workflowFlag: true }]
  ])(
    'count where %s sets reports_actions: true, and the trace marks them claimed and counted',
    async (_where, flags) => {
      const dir = project(flags)
      const validate = await runCli(['validate'], dir)
      expect(validate.stderr).not.toMatch(/error|unknown/)
      expect(validate.code).toBe(0)
      const run = await runCli(['run', '--repeat', '1'], dir)
      expect(run.code).toBe(0)
      const { task, trace } = outputs(dir)
      expect(task.status).toBe('pass')
      expect(trace.claimed_actions.counted).toBe(true)
    }
  )

  it('rejects a reports_actions that is not a boolean, at its line', async () => {
    const dir = project({})
    const manifest = readFileSync(join(dir, 'golden-tasks/wf/workflow.yml'), 'utf8')
    writeFileSync(
      join(dir, 'golden-tasks/wf/workflow.yml'),
      manifest.replace('agent:', 'reports_actions: yes please\nagent:')
    )
    const validate = await runCli(['validate'], dir)
    expect(validate.code).toBe(2)
    expect(validate.stderr).toMatch(/golden-tasks\/wf\/workflow\.yml:5: .*reports_actions/)
  })
})
