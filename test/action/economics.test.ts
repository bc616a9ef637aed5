// Issue 14 item 5 through the action (dist/index.js) on a pull request: a priced openai agent
// whose cost per passed attempt is over its limit, or whose margin is under its minimum, fails the
// commit status with the reason, in the PR comment and the job summary.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { commitAll } from '../helpers/commit-files.js'
import { FakeOpenAI } from '../helpers/fake-openai.js'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { pricedProject, script } from '../helpers/priced-project.js'
import { writeProject } from '../helpers/project.js'
import { bodyOf, expectNoStackTrace, fakeWithPullRequest, isCommentPost } from './fake-setup.js'
import { HEAD, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

let gh: FakeGitHub | undefined
let model: FakeOpenAI
beforeAll(async () => {
  model = await FakeOpenAI.start()
  model.otherwise(script)
})
afterAll(() => model.stop())
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

async function gate(rules: string) {
  const dir = writeProject(pricedProject(model.baseUrl, rules))
  commitAll(dir, 'base')
  gh = await fakeWithPullRequest(dir, ['golden-tasks/wf/prompt.md'])
  const run = await runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'pull_request',
    payload: pullRequestPayload(dir),
    inputs: { 'openai-api-key': 'sk-test-secret-key-0123456789' }
  })
  expectNoStackTrace(run)
  return { run, status: gh.latestStatus(HEAD), comment: bodyOf(gh.requests.filter(isCommentPost)[0]) }
}

describe('the action: cost per success and gross margin', () => {
  it('fails the status on the cost limit, naming the tier and the figures', async () => {
    const { run, status } = await gate('budgets: { max_retries: 0, max_cost_per_success_usd: 0.3 }')
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(status).toMatchObject({ state: 'failure', description: 'T1 cost per passed attempt $0.36 > $0.3' })
    expect(run.summary).toContain('wf T1: cost per passed attempt $0.36 > max_cost_per_success_usd $0.3 — fail')
  })

  it('fails the status on the margin with the reason, and passes when the minimum is met', async () => {
    const failing = await gate('economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }')
    expect(failing.run.code).toBe(1)
    const reason = 'wf: gross margin 64.0% < min_gross_margin 70% (cost per passed attempt $0.36, value $1.00) — fail'
    expect(failing.status).toMatchObject({ state: 'failure' })
    expect(failing.status!.description).toBe(reason.slice(0, 140))
    expect(failing.comment).toContain('margin 64.0% < 70%')
    expect(failing.run.summary).toContain(reason)
    await gh!.close()
    gh = undefined
    const passing = await gate('economics: { value_per_success_usd: 1, min_gross_margin: 0.6 }')
    expect(passing.run.code).toBe(0)
    expect(passing.status).toMatchObject({ state: 'success' })
  })
})
