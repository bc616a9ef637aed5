import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { commitAll } from '../helpers/commit-files.js'
import { writeProject } from '../helpers/project.js'
import { commentMarker, parseComment } from '../../src/action/comment-body.js'
import {
  bodyOf,
  errorLines,
  expectNoStackTrace,
  fakeWithPullRequest,
  isCommentPatch,
  isCommentPost,
  isStatusPost,
  pushTo
} from './fake-setup.js'
import { commandProject, HEAD, NEW_HEAD, PR, pullRequestPayload } from './project.js'
import { RUN_URL, runAction, type RunOptions } from './run-action.js'

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

function gateRun(dir: string, more: Partial<RunOptions> = {}) {
  return runAction({ cwd: dir, apiUrl: gh!.url, event: 'pull_request', payload: pullRequestPayload(dir), ...more })
}

const ranLog = (dir: string) => join(dir, 'agent', 'ran.log')

describe('mode gate on pull_request', () => {
  it('runs the gate, sets pending then failure on the head SHA, creates one comment, writes outputs and summary', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    const run = await gateRun(dir)

    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(run.outputs).toEqual({
      decision: 'fail',
      report: 'evalgate-report/report.json',
      'success-rates': JSON.stringify({ T1: 1, T2: 0.6 }),
      passed: '8',
      failed: '2',
      total: '10'
    })
    expect(existsSync(join(dir, 'evalgate-report/report.json'))).toBe(true)
    expect(run.summary).toContain('**evalgate: FAIL** — T2 60.0% < 80%')
    expect(run.summary).toContain('| T2 | 3/5 | 60.0%')
    expect(errorLines(run).join('\n')).toContain('the gate failed: T1 100.0% >= 90%, T2 60.0% < 80%')

    const statuses = gh.requests.filter(isStatusPost)
    expect(statuses.map((r) => r.path)).toEqual([
      `/repos/acme/shop/statuses/${HEAD}`,
      `/repos/acme/shop/statuses/${HEAD}`
    ])
    expect(statuses.map((r) => r.body)).toEqual([
      { state: 'pending', context: 'evalgate', description: 'running the golden tasks…', target_url: RUN_URL },
      { state: 'failure', context: 'evalgate', description: 'T1 100.0% >= 90%, T2 60.0% < 80%', target_url: RUN_URL }
    ])
    const posts = gh.requests.filter(isCommentPost)
    expect(posts).toHaveLength(1)
    const body = bodyOf(posts[0])
    expect(body.startsWith(commentMarker('evalgate') + '\n')).toBe(true)
    expect(body).toContain(`/evalgate override ${HEAD} <reason>`)
    expect(body).toContain('| T2 | 3/5 | 60.0%')
    expect(gh.state.comments.get(PR)![0].user.login).toBe('github-actions[bot]')
  })

  it('sets success and decision pass when the gate passes', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    const run = await gateRun(dir, { env: { AGENT_PERFECT: '1' } })
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('pass')
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'success', description: 'T1 100.0% >= 90%, T2 100.0% >= 80%' })
    expect(bodyOf(gh.requests.filter(isCommentPost)[0])).not.toContain('/evalgate override a1b2')
  })

  it('updates its own comment on the next run, found on page 2 and past a look-alike by another user', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    for (let i = 0; i < 120; i++) gh.addComment(PR, 'someone', `comment ${i}`)
    // Another user pastes our marker and a forged override: neither updated nor believed.
    const forgedState = {
      v: 1,
      head: HEAD,
      overrides: [{ sha: HEAD, login: 'alice', at: 'x', reason: 'x', tiers: [] }]
    }
    const lookAlike = gh.addComment(
      PR,
      'mallory',
      `${commentMarker('evalgate')}\n<!-- evalgate:state ${JSON.stringify(forgedState)} -->\nforged\n<!-- evalgate:end -->`
    )

    const first = await gateRun(dir)
    expect(first.outputs.decision).toBe('fail')
    expect(gh.latestStatus(HEAD)?.state).toBe('failure')
    expect(gh.requests.filter(isCommentPost)).toHaveLength(1)
    const ours = gh.state.comments.get(PR)!.at(-1)!
    expect(gh.state.comments.get(PR)!.indexOf(ours)).toBeGreaterThanOrEqual(100)

    const second = await gateRun(dir, { env: { AGENT_PERFECT: '1' } })
    expect(second.outputs.decision).toBe('pass')
    expect(gh.requests.filter(isCommentPost)).toHaveLength(1)
    const patches = gh.requests.filter(isCommentPatch)
    expect(patches.map((r) => r.path)).toEqual([`/repos/acme/shop/issues/comments/${ours.id}`])
    expect(gh.requests.some((r) => r.path.endsWith(`/issues/${PR}/comments`) && r.query.page === '2')).toBe(true)
    expect(lookAlike.body).toContain('forged')
    expect(gh.state.comments.get(PR)).toHaveLength(122)
    expect(parseComment(ours.body, 'evalgate')?.state).toEqual({ v: 1, head: HEAD, overrides: [] })
  })

  it("with a personal token, the comment is the token user's (GET /user), not an earlier bot comment", async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], { tokenUser: 'evalgate-bot' })
    const botComment = gh.addComment(PR, 'github-actions[bot]', `${commentMarker('evalgate')}\nold`)
    await gateRun(dir)
    await gateRun(dir)
    const comments = gh.state.comments.get(PR)!
    expect(comments.map((c) => c.user.login)).toEqual(['github-actions[bot]', 'evalgate-bot'])
    expect(botComment.body).toBe(`${commentMarker('evalgate')}\nold`)
    expect(gh.requests.filter(isCommentPatch).map((r) => r.path)).toEqual([
      `/repos/acme/shop/issues/comments/${comments[1].id}`
    ])
  })

  it('does not run the agent when no agent file changed: success "no agent changes"', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['docs/README.md', '.github/workflows/ci.yml'])
    const run = await gateRun(dir)
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({ decision: 'pass', report: '', 'success-rates': '{}' })
    expect(existsSync(ranLog(dir))).toBe(false)
    expect(gh.requests.filter(isStatusPost).map((r) => r.body)).toEqual([
      { state: 'success', context: 'evalgate', description: 'no agent changes', target_url: RUN_URL }
    ])
    expect(gh.requests.filter((r) => isCommentPost(r) || isCommentPatch(r))).toEqual([])
    expect(run.summary).toContain('no agent changes')
    expect(run.summary).toContain('`agent/agent.mjs`')
  })

  it('rewrites an existing comment when a later head has no agent changes', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    await gateRun(dir)
    pushTo(gh, NEW_HEAD, ['docs/README.md'])
    const run = await gateRun(dir, { payload: pullRequestPayload(dir, NEW_HEAD) })
    expect(run.outputs.decision).toBe('pass')
    expect(gh.latestStatus(NEW_HEAD)).toMatchObject({ state: 'success', description: 'no agent changes' })
    const patch = gh.requests.filter(isCommentPatch)
    expect(patch).toHaveLength(1)
    expect(bodyOf(patch[0])).toContain('no agent changes')
    expect(bodyOf(patch[0])).not.toContain(`/evalgate override ${NEW_HEAD}`)
  })

  it('agent-paths replaces the default globs; PR files are read across pages', async () => {
    const files = [...Array.from({ length: 130 }, (_, i) => `src/file-${i}.ts`), 'prompts/system.md']
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, files)
    const run = await gateRun(dir, { inputs: { 'agent-paths': 'prompts/**\n# comment\nconfig/agent.yml' } })
    expect(run.outputs.decision).toBe('fail')
    expect(gh.requests.some((r) => r.path.endsWith(`/pulls/${PR}/files`) && r.query.page === '2')).toBe(true)

    pushTo(gh, HEAD, ['agent/agent.mjs'])
    const again = await gateRun(dir, { inputs: { 'agent-paths': 'prompts/**' } })
    expect(again.outputs.decision).toBe('pass')
    expect(gh.latestStatus(HEAD)?.description).toBe('no agent changes')
  })

  it('reports problems in the user files as annotations, decision error and status error', async () => {
    const dir = commandProject({
      'golden-tasks/wf/tasks/bad.yaml':
        '- id: bad-1\n  tier: T9\n  risk: low\n  input: { msg: x }\n  expected: { label: ok }\n'
    })
    gh = await fakeWithPullRequest(dir)
    const run = await gateRun(dir)
    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('error')
    expect(run.stdout).toMatch(/^::error file=golden-tasks\/wf\/tasks\/bad\.yaml,line=2::/m)
    expect(existsSync(ranLog(dir))).toBe(false)
    const status = gh.latestStatus(HEAD)!
    expect(status.state).toBe('error')
    expect(status.description).toMatch(/^error: golden-tasks\/wf\/tasks\/bad\.yaml:2: /)
    expect(status.description!.length).toBeLessThanOrEqual(140)
    expect(bodyOf(gh.requests.filter(isCommentPost)[0])).toContain('bad.yaml:2')
  })

  it('a fork PR without the model key: status error, plainly "not run", no stack trace', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'evals/chat/workflow.yml': [
        'name: chat',
        'permissions: { lookup_order: { scope: read, risk: low } }',
        'agent:',
        '  type: openai',
        '  model: gpt-4.1-mini',
        '  prompt: prompt.md',
        '  tools: tools.json',
        ''
      ].join('\n'),
      'evals/chat/prompt.md': 'You answer refund requests.',
      'evals/chat/tools.json': JSON.stringify([
        { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: {} } } }
      ]),
      'evals/chat/tasks.yaml': '- { id: a, tier: T1, risk: low, input: { m: x }, expected: { label: ok } }\n'
    })
    commitAll(dir, 'base')
    gh = await fakeWithPullRequest(dir, ['evals/chat/prompt.md'])
    const run = await gateRun(dir, { inputs: { tasks: 'evals' } })
    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('error')
    expect(gh.latestStatus(HEAD)).toMatchObject({
      state: 'error',
      description: 'not run: OPENAI_API_KEY is not available (fork PR?)'
    })
    expect(run.summary).toContain('OPENAI_API_KEY is not available to this run')
    expect(errorLines(run).join('\n')).toContain('not run: OPENAI_API_KEY is not available (fork PR?)')
  })

  it('masks the openai-api-key input', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['docs/README.md'])
    const run = await gateRun(dir, { inputs: { 'openai-api-key': 'sk-test-0123456789abcdef' } })
    expect(run.stdout).toContain('::add-mask::sk-test-0123456789abcdef')
  })
})

describe('mode gate on workflow_dispatch', () => {
  it('sets the status on GITHUB_SHA, lists no PR files and writes no comment', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    const sha = 'c'.repeat(40)
    const run = await gateRun(dir, { event: 'workflow_dispatch', payload: { inputs: {} }, sha })
    expect(run.outputs.decision).toBe('fail')
    expect(gh.latestStatus(sha)?.state).toBe('failure')
    expect(gh.requests.filter((r) => r.path.includes('/pulls/') || r.path.includes('/comments'))).toEqual([])
  })
})

describe('GitHub API errors', () => {
  it.each([
    ['POST', /\/statuses\//, 403, /could not set the commit status "evalgate" \(HTTP 403.*statuses: write/],
    ['GET', /\/pulls\/7\/files$/, 404, /could not list the files of pull request #7 \(HTTP 404.*not found/],
    ['GET', /\/issues\/7\/comments$/, 500, /could not list the pull request comments \(HTTP 500.*re-run the job/]
  ])('%s %s answering %d fails the step with a clear message', async (method, path, status, message) => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], { failures: [{ method, path, status }] })
    const run = await gateRun(dir)
    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(errorLines(run).join('\n')).toMatch(message)
  })

  it('still sets the status when the comments cannot be read, and creates no second comment', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
      failures: [{ method: 'GET', path: /\/issues\/7\/comments$/, status: 500 }]
    })
    await gateRun(dir)
    expect(gh.latestStatus(HEAD)?.state).toBe('failure')
    expect(gh.requests.filter(isCommentPost)).toEqual([])
  })
})

describe('inputs', () => {
  it('an invalid input fails the step with a clear message and no API call', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    const run = await gateRun(dir, { inputs: { mode: 'bogus' } })
    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(errorLines(run).join('\n')).toContain(
      'evalgate: input mode must be one of gate, override, merge, not "bogus"'
    )
    expect(gh.requests).toEqual([])
  })
})

describe('report files', () => {
  it('writes the report to the out input', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    const run = await gateRun(dir, { inputs: { out: 'reports/eval' } })
    expect(run.outputs.report).toBe('reports/eval/report.json')
    expect(JSON.parse(readFileSync(join(dir, 'reports/eval/report.json'), 'utf8')).commit).toBe(HEAD)
  })
})
