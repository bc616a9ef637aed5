// The action's `phase` input (as `evalgate run --phase`), through dist/index.js on workflow_dispatch
// with a command agent that calls its write tool directly.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { writeProject } from '../helpers/project.js'
import { errorLines, expectNoStackTrace } from './fake-setup.js'
import { runAction } from './run-action.js'

const AGENT = `
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  await fetch(process.env.EVALGATE_TOOLS_URL + '/issue_refund', { method: 'POST', body: '{"amount":20}' })
  process.stdout.write(JSON.stringify({ label: 'ok' }))
})
`

function project(): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'rollout: { phase: propose }',
      'permissions:',
      '  issue_refund: { scope: write, risk: medium }',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.mjs': AGENT,
    'golden-tasks/wf/tasks.yaml':
      '- { id: a, tier: T1, risk: low, input: {}, fixtures: { issue_refund: { ok: true } }, expected: { label: ok } }\n'
  })
}

let gh: FakeGitHub
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(() => gh.close())

const dispatch = (dir: string, inputs: Record<string, string> = {}) =>
  runAction({ cwd: dir, apiUrl: gh.url, event: 'workflow_dispatch', payload: {}, inputs: { repeat: '1', ...inputs } })

describe('input phase', () => {
  it("absent: the workflow's own phase; set: every workflow judged at it, and the report says so", async () => {
    const dir = project()
    const own = await dispatch(dir)
    expectNoStackTrace(own)
    expect(own.outputs.decision).toBe('fail')
    const next = await dispatch(dir, { phase: 'autonomous', out: 'next' })
    expect(next.outputs.decision).toBe('pass')
    const report = JSON.parse(readFileSync(join(dir, 'next/report.json'), 'utf8'))
    expect(report.workflows[0]).toMatchObject({ phase: 'autonomous', declared_phase: 'propose' })
  })

  it('a phase that does not exist: decision error, saying which exist', async () => {
    const run = await dispatch(project(), { phase: 'full-auto' })
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('error')
    expect(errorLines(run).join('\n')).toContain(
      'input phase must be one of draft, propose, autonomous, not "full-auto"'
    )
  })
})
