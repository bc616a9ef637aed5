// Issue 14 item 6 through the action (dist/index.js) on a pull request with a baseline report: a
// tool schema the PR changed without a new `version` fails the status (versioning.require_bump
// on the base), the PR comment lists the files that changed, and a bumped version passes.
import { afterEach, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { commitAll } from '../helpers/commit-files.js'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { runCli, writeProject } from '../helpers/project.js'
import { bodyOf, expectNoStackTrace, fakeWithPullRequest, isCommentPost } from './fake-setup.js'
import { HEAD, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

const AGENT = `
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => process.stdout.write(JSON.stringify({ label: 'ok' })))
`
const tools = (description: string) => JSON.stringify([{ name: 'lookup', description, parameters: { type: 'object' } }])

const manifest = (version: string) =>
  [
    'name: wf',
    `version: ${version}`,
    'versioning: { require_bump: true }',
    'permissions:',
    '  lookup: { scope: read, risk: low }',
    'tool_schemas: tools.json',
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "agent.mjs"]`,
    ''
  ].join('\n')

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

/** The base with its baseline report; the PR changes tools.json and sets `version`. */
async function gate(prVersion: string) {
  const dir = writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\n',
    'golden-tasks/wf/workflow.yml': manifest('1.0.0'),
    'golden-tasks/wf/tools.json': tools('Finds an order.'),
    'golden-tasks/wf/agent.mjs': AGENT,
    'golden-tasks/wf/tasks.yaml': '- { id: a, tier: T1, risk: low, input: {}, expected: { label: ok } }\n'
  })
  commitAll(dir, 'base')
  expect((await runCli(['run', '--repeat', '1', '--out', 'baseline'], dir)).code).toBe(0)
  writeFileSync(join(dir, 'golden-tasks/wf/tools.json'), tools('Finds an order by its id.'))
  writeFileSync(join(dir, 'golden-tasks/wf/workflow.yml'), manifest(prVersion))
  gh = await fakeWithPullRequest(dir, ['golden-tasks/wf/tools.json', 'golden-tasks/wf/workflow.yml'])
  const run = await runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'pull_request',
    payload: pullRequestPayload(dir),
    inputs: { baseline: 'baseline/report.json' }
  })
  expectNoStackTrace(run)
  return { run, status: gh.latestStatus(HEAD), comment: bodyOf(gh.requests.filter(isCommentPost)[0]) }
}

describe('the action: versions against the baseline', () => {
  it('a changed tool schema without a new version fails the status; the comment lists what changed', async () => {
    const { run, status, comment } = await gate('1.0.0')
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(status).toMatchObject({ state: 'failure' })
    expect(run.summary).toContain('tools.json changed but version 1.0.0 did not')
    expect(comment).toContain('Versions against the baseline')
    expect(comment).toMatch(/tools\.json changed/)
  })

  it('passes once the PR bumps the version', async () => {
    const { run, status } = await gate('1.1.0')
    expect(run.code).toBe(0)
    expect(status).toMatchObject({ state: 'success' })
  })
})
