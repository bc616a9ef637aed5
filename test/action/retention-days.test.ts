// The step output `retention-days` (data_governance.retention.artifacts_days, else retention_days;
// the shortest of the workflows), through the action bundled from the sources, on
// workflow_dispatch against the fake GitHub API.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { writeProject } from '../helpers/project.js'
import { removeSourceBundle, sourceBundle } from '../helpers/source-bundle.js'
import { expectNoStackTrace } from './fake-setup.js'
import { runAction } from './run-action.js'

const AGENT = "process.stdin.resume().on('end', () => process.stdout.write(JSON.stringify({ label: 'ok' })))\n"

/** A workflow folder `name` whose data_governance is `governance` (YAML lines under it), with one passing task. */
function workflow(name: string, governance: string[]): Record<string, string> {
  return {
    [`golden-tasks/${name}/workflow.yml`]: [
      `name: ${name}`,
      'permissions: {}',
      ...(governance.length > 0 ? ['data_governance:', ...governance.map((line) => `  ${line}`)] : []),
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.mjs"]`,
      ''
    ].join('\n'),
    [`golden-tasks/${name}/agent.mjs`]: AGENT,
    [`golden-tasks/${name}/tasks.yaml`]: '- { id: a, tier: T1, risk: low, input: {}, expected: { label: ok } }\n'
  }
}

const project = (...workflows: Record<string, string>[]) =>
  writeProject(Object.assign({ 'thresholds.yml': 'tiers: { T1: 0.5 }\n' }, ...workflows))

let gh: FakeGitHub
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(() => gh.close())
afterAll(removeSourceBundle)

async function dispatch(dir: string, inputs: Record<string, string> = {}) {
  const run = await runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'workflow_dispatch',
    payload: {},
    inputs: { repeat: '1', ...inputs },
    entry: sourceBundle().action
  })
  expectNoStackTrace(run)
  return run
}

describe('output retention-days', () => {
  it('is the shortest artifacts retention of the workflows: artifacts_days over retention_days', async () => {
    const dir = project(
      workflow('refunds', ['retention_days: 30', 'retention: { prompts_days: 1, artifacts_days: 7 }']),
      workflow('returns', ['retention_days: 14']),
      workflow('quiet', [])
    )
    const run = await dispatch(dir)
    expect(run.outputs).toMatchObject({ decision: 'pass', total: '3', 'retention-days': '7' })
  })

  it('retention_days alone counts, and a shard sets it too', async () => {
    const dir = project(workflow('refunds', ['retention_days: 5']), workflow('returns', ['retention_days: 9']))
    expect((await dispatch(dir)).outputs['retention-days']).toBe('5')
    const shard = await dispatch(dir, { shard: '1/2', out: 'shard' })
    expect(shard.outputs).toMatchObject({ total: '1', 'retention-days': '5' })
  })

  it('artifacts_days 0 is 1, the least upload-artifact keeps (its 0 is the repository default)', async () => {
    const run = await dispatch(project(workflow('refunds', ['retention: { artifacts_days: 0 }'])))
    expect(run.outputs['retention-days']).toBe('1')
  })

  it('is not set when no manifest says how long artifacts are kept', async () => {
    const run = await dispatch(project(workflow('refunds', ['retention: { traces_days: 3 }']), workflow('quiet', [])))
    expect(run.outputs.decision).toBe('pass')
    expect(run.outputs).not.toHaveProperty('retention-days')
  })
})
