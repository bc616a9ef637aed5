// GitHub answering 429, a spent rate limit or 500, through dist/index.js against the fake GitHub:
// the action tries again within EVALGATE_GITHUB_MAX_WAIT_S, else fails closed with the reason in the
// job summary and the status, and never passes on a read that failed.
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { rateLimited, tooManyRequests, type FakeGitHub } from '../helpers/fake-github.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest, isStatusPost } from './fake-setup.js'
import { commandProject, commentPayload, HEAD, PR, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

const FILES = /\/pulls\/7\/files$/
const STATUSES = /\/statuses\//

async function gate(dir: string, maxWait: string, env: Record<string, string> = {}) {
  const started = Date.now()
  const run = await runAction({
    cwd: dir,
    apiUrl: gh!.url,
    event: 'pull_request',
    payload: pullRequestPayload(dir),
    env: { EVALGATE_GITHUB_MAX_WAIT_S: maxWait, ...env }
  })
  expectNoStackTrace(run)
  return { ...run, seconds: (Date.now() - started) / 1000 }
}

const calls = (path: RegExp, method = 'GET') => gh!.requests.filter((r) => r.method === method && path.test(r.path))

describe('GitHub API faults in gate mode', () => {
  it('a 429 with Retry-After: 1 is tried again after a second, and the gate runs as usual', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    gh.state.failures.push(tooManyRequests('GET', FILES, 1, 1), tooManyRequests('POST', STATUSES, 1, 1))
    const run = await gate(dir, '10')
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('fail')
    expect(calls(FILES)).toHaveLength(2)
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'failure', description: 'T1 100.0% >= 90%, T2 60.0% < 80%' })
    expect(run.seconds).toBeGreaterThanOrEqual(2)
    expect(run.stdout).toContain(
      'could not list the files of pull request #7 (HTTP 429: You have exceeded a secondary rate limit'
    )
    expect(run.stdout).toContain('trying again in 1 s')
  })

  it('a 500 twice, then an answer: backoff, and the gate runs as usual', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    gh.state.failures.push({ method: 'GET', path: FILES, status: 500, times: 2 })
    const run = await gate(dir, '10', { AGENT_PERFECT: '1' })
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('pass')
    expect(calls(FILES)).toHaveLength(3)
    expect(gh.latestStatus(HEAD)?.state).toBe('success')
    // 1 s, then 2 s.
    expect(run.seconds).toBeGreaterThanOrEqual(3)
  })

  it('rate limited past the cap: error, with the reason in the summary and the status; the agent never runs', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    gh.state.failures.push(rateLimited('GET', FILES, 600))
    // The run would pass: a failed read must not.
    const run = await gate(dir, '10', { AGENT_PERFECT: '1' })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(calls(FILES)).toHaveLength(1)
    expect(run.seconds).toBeLessThan(10)
    const reason =
      /could not list the files of pull request #7 \(HTTP 403: API rate limit exceeded for installation ID 4242\.\): rate limited by GitHub \(the limit resets at \d{4}-[\d-]+T[\d:.]+Z\)/
    expect(run.summary).toMatch(/\*\*evalgate: ERROR\*\* — the gate was not decided: GitHub API: /)
    expect(run.summary).toMatch(reason)
    expect(run.summary).toContain(
      'more than is left of the 10 s evalgate waits for GitHub in a run (EVALGATE_GITHUB_MAX_WAIT_S)'
    )
    expect(errorLines(run).join('\n')).toMatch(reason)
    const status = gh.latestStatus(HEAD)!
    expect(status.state).toBe('error')
    expect(status.description).toMatch(/^error: GitHub API: could not list the files of pull request #7 \(HTTP 403/)
    expect(gh.state.statuses.get(HEAD)!.some((s) => s.state === 'success')).toBe(false)
    expect(existsSync(join(dir, 'agent', 'ran.log'))).toBe(false)
  })

  it('a 500 that keeps failing gives up within the cap; the summary says why even when no status can be set', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    gh.state.failures.push({ method: 'GET', path: FILES, status: 500 }, { method: 'POST', path: STATUSES, status: 500 })
    const run = await gate(dir, '3')
    expect(run.outputs.decision).toBe('error')
    // 1 s and 2 s of backoff use the cap; the status write gets no retry left.
    expect(calls(FILES)).toHaveLength(3)
    expect(calls(STATUSES, 'POST')).toHaveLength(1)
    expect(run.summary).toMatch(/could not list the files of pull request #7 \(HTTP 500.*tried 3 times over 3 s/)
    expect(run.summary).toMatch(
      /The commit status could not be set either: GitHub API: could not set the commit status/
    )
    expect(gh.requests.filter(isStatusPost)).toHaveLength(1)
  })

  it('an override is not taken as verified when the comments cannot be read: failure, never success', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
      permissions: { alice: { permission: 'write', role_name: 'maintain' } }
    })
    expect((await gate(dir, '0')).outputs.decision).toBe('fail')
    const posted = gh.addComment(PR, 'alice', `/evalgate override ${HEAD} flaky`)
    const override = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'issue_comment',
      payload: commentPayload({ body: posted.body, login: 'alice', commentId: posted.id })
    })
    expect(override.outputs.decision).toBe('overridden')

    gh.state.failures.push(rateLimited('GET', /\/issues\/7\/comments$/, 600))
    const rerun = await gate(dir, '5')
    expect(rerun.outputs.decision).toBe('fail')
    expect(gh.latestStatus(HEAD)?.state).toBe('failure')
    expect(rerun.summary).toMatch(/Not everything could be published/)
    expect(rerun.summary).toMatch(/could not list the pull request comments \(HTTP 403: API rate limit exceeded/)
  })
})

describe('GitHub API faults in override mode', () => {
  it('a rate-limited GET /user is not taken for a GITHUB_TOKEN: tried again, then the override is accepted', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
      permissions: { alice: { permission: 'write', role_name: 'maintain' } },
      tokenUser: 'evalgate-app[bot]'
    })
    expect((await gate(dir, '0')).outputs.decision).toBe('fail')
    gh.state.failures.push(rateLimited('GET', /^\/user$/, 1, 1))
    const posted = gh.addComment(PR, 'alice', `/evalgate override ${HEAD} flaky`)
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'issue_comment',
      payload: commentPayload({ body: posted.body, login: 'alice', commentId: posted.id }),
      env: { EVALGATE_GITHUB_MAX_WAIT_S: '10' }
    })
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('overridden')
    expect(calls(/^\/user$/).length).toBeGreaterThanOrEqual(2)
    // The comment was found by its author, the app: no second evalgate comment.
    expect(gh.state.comments.get(PR)!.filter((c) => c.user.login === 'evalgate-app[bot]')).toHaveLength(1)
  })

  it('past the cap: nothing changes, and the summary says why', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
      permissions: { alice: { permission: 'write', role_name: 'maintain' } }
    })
    expect((await gate(dir, '0')).outputs.decision).toBe('fail')
    gh.state.failures.push(rateLimited('GET', /\/pulls\/7$/, 600))
    const since = gh.requests.length
    const posted = gh.addComment(PR, 'alice', `/evalgate override ${HEAD} flaky`)
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'issue_comment',
      payload: commentPayload({ body: posted.body, login: 'alice', commentId: posted.id }),
      env: { EVALGATE_GITHUB_MAX_WAIT_S: '5' }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(gh.requests.slice(since).filter((r) => r.method !== 'GET')).toEqual([])
    expect(gh.latestStatus(HEAD)?.state).toBe('failure')
    expect(run.summary).toMatch(/\*\*evalgate: ERROR\*\* — GitHub API: could not read pull request #7 \(HTTP 403/)
  })
})
