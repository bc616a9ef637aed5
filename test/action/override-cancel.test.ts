// `/evalgate override cancel [<sha>]` through dist/index.js against the fake GitHub: an approver
// takes an override back, the gate's failure is restored, and gate re-runs keep it.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { FakeGitHub, RecordedRequest } from '../helpers/fake-github.js'
import { parseComment } from '../../src/action/comment-body.js'
import { bodyOf, expectNoStackTrace, fakeWithPullRequest, isCommentPost, isStatusPost } from './fake-setup.js'
import { commandProject, commentPayload, HEAD, PR, pullRequestPayload } from './project.js'
import { runAction } from './run-action.js'

const GATE_DESCRIPTION = 'T1 100.0% >= 90%, T2 60.0% < 80%'

let gh: FakeGitHub
let dir: string

beforeEach(async () => {
  dir = commandProject()
  gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
    permissions: {
      alice: { permission: 'write', role_name: 'maintain' },
      bob: { permission: 'admin', role_name: 'admin' },
      mallory: { permission: 'write', role_name: 'write' }
    },
    teams: { 'acme/agent-owners': { bob: 'active' } }
  })
  expect((await runGate()).outputs.decision).toBe('fail')
  expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'failure', description: GATE_DESCRIPTION })
})
afterEach(() => gh.close())

function runGate() {
  return runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: pullRequestPayload(dir) })
}

function comment(body: string, login: string) {
  const posted = gh.addComment(PR, login, body)
  return runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'issue_comment',
    payload: commentPayload({ body, login, commentId: posted.id })
  })
}

function watch(): () => RecordedRequest[] {
  const start = gh.requests.length
  return () => gh.requests.slice(start)
}

const ourComment = () => gh.state.comments.get(PR)!.find((c) => c.user.login === 'github-actions[bot]')!

describe('/evalgate override cancel', () => {
  it("restores the gate's failure, logs the cancel, reacts; a re-run stays failed; a new override works again", async () => {
    const override = await comment(`/evalgate override ${HEAD} flaky T2 fixture`, 'alice')
    expect(override.outputs.decision).toBe('overridden')
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'success', description: 'overridden by @alice' })

    const since = watch()
    const cancel = await comment(`/evalgate override cancel ${HEAD.slice(0, 7)} the fixture is not flaky`, 'bob')
    expectNoStackTrace(cancel)
    expect(cancel.code).toBe(0)
    expect(cancel.outputs.decision).toBe('cancelled')
    const writes = since().filter((r) => r.method !== 'GET')
    expect(writes.map((r) => `${r.method} ${r.path.replace(/\d+/g, 'N')}`)).toEqual([
      'PATCH /repos/acme/shop/issues/comments/N',
      `POST /repos/acme/shop/statuses/${HEAD.replace(/\d+/g, 'N')}`,
      'POST /repos/acme/shop/issues/comments/N/reactions'
    ])
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'failure', description: GATE_DESCRIPTION })
    expect(gh.state.reactions.at(-1)).toMatchObject({ content: '+1' })
    expect(cancel.summary).toContain('**evalgate: override cancelled** by @bob')
    let body = ourComment().body
    expect(body).toMatch(/@\u200balice overrode the gate on `a1b2c3d` \(failed: T2\) — cancelled: flaky T2 fixture/)
    expect(body).toMatch(/@\u200bbob cancelled the override on `a1b2c3d`: the fixture is not flaky/)
    expect(body).not.toContain('**Overridden**')
    expect(body).toContain(`/evalgate override ${HEAD} <reason>`)

    // The gate re-run re-verifies from the comments: alice's override was cancelled after it.
    const rerun = await runGate()
    expect(rerun.code).toBe(1)
    expect(rerun.outputs.decision).toBe('fail')
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'failure', description: GATE_DESCRIPTION })
    expect(rerun.stdout).toMatch(/override comment \d+ by @alice does not count: cancelled by @bob/)
    body = ourComment().body
    expect(body).toMatch(/cancelled the override on `a1b2c3d`/)
    expect(body).not.toContain('**Overridden**')

    const again = await comment(`/evalgate override ${HEAD} reviewed again: flaky after all`, 'alice')
    expect(again.outputs.decision).toBe('overridden')
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'success', description: 'overridden by @alice' })
    const rerunAgain = await runGate()
    expect(rerunAgain.code).toBe(0)
    expect(rerunAgain.outputs.decision).toBe('overridden')
    const state = parseComment(ourComment().body, 'evalgate')!.state
    expect(state.overrides.map((o) => [o.login, o.kind ?? 'override'])).toEqual([
      ['alice', 'override'],
      ['bob', 'cancel'],
      ['alice', 'override']
    ])
  })

  it('refuses a cancel by a non-approver, and changes nothing', async () => {
    await comment(`/evalgate override ${HEAD} flaky`, 'alice')
    const before = ourComment().body
    const since = watch()
    const run = await comment('/evalgate override cancel', 'mallory')
    expect(run.outputs.decision).toBe('refused')
    const writes = since().filter((r) => r.method !== 'GET')
    expect(writes).toHaveLength(1)
    expect(isCommentPost(writes[0])).toBe(true)
    expect(bodyOf(writes[0])).toMatch(/override refused\*\* — @mallory is not an approver/)
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'success', description: 'overridden by @alice' })
    expect(ourComment().body).toBe(before)

    // Nor does it count on a re-run.
    const rerun = await runGate()
    expect(rerun.outputs.decision).toBe('overridden')
  })

  it('refuses a cancel naming another commit, or when no override is in force', async () => {
    await comment(`/evalgate override ${HEAD} flaky`, 'alice')
    const other = await comment('/evalgate override cancel bbb222', 'bob')
    expect(other.outputs.decision).toBe('refused')
    expect(bodyOf(gh.writes().filter(isCommentPost).at(-1)!)).toMatch(/names commit bbb222, but the head/)
    expect(gh.latestStatus(HEAD)?.state).toBe('success')

    expect((await comment('/evalgate override cancel', 'bob')).outputs.decision).toBe('cancelled')
    const since = watch()
    const twice = await comment('/evalgate override cancel', 'bob')
    expect(twice.outputs.decision).toBe('refused')
    expect(since().filter(isStatusPost)).toEqual([])
    expect(bodyOf(gh.writes().filter(isCommentPost).at(-1)!)).toMatch(
      /no override is in force on the head commit a1b2c3d \(status: failure, "T1 100\.0% &gt;= 90%, T2 60\.0% &lt; 80%"\)/
    )
  })
})
