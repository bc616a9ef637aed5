import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { commitAll } from '../helpers/commit-files.js'
import type { FakeGitHub, RecordedRequest } from '../helpers/fake-github.js'
import { parseComment } from '../../src/action/comment-body.js'
import {
  bodyOf,
  errorLines,
  expectNoStackTrace,
  fakeWithPullRequest,
  isCommentPatch,
  isCommentPost,
  isReaction,
  isStatusPost,
  pushTo
} from './fake-setup.js'
import { commandProject, commentPayload, HEAD, NEW_HEAD, PR, pullRequestPayload } from './project.js'
import { RUN_URL, runAction } from './run-action.js'

let gh: FakeGitHub
let dir: string

beforeEach(async () => {
  dir = commandProject()
  gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
    permissions: {
      alice: { permission: 'write', role_name: 'maintain' },
      bob: { permission: 'admin', role_name: 'admin' },
      carol: { permission: 'admin', role_name: 'admin' },
      mallory: { permission: 'write', role_name: 'write' }
    },
    teams: { 'acme/agent-owners': { bob: 'active' } }
  })
  const gate = await runGate()
  expect(gate.outputs.decision).toBe('fail')
  rmSync(join(dir, 'agent', 'ran.log'))
})
afterEach(() => gh.close())

function runGate(headSha = HEAD) {
  return runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: pullRequestPayload(dir, headSha) })
}

/** A comment posted on the PR (as GitHub keeps it), then the override workflow run for it. */
function comment(body: string, login: string, more: { action?: string; onPullRequest?: boolean; id?: number } = {}) {
  const { id, ...event } = more
  const posted = more.onPullRequest === false ? undefined : gh.addComment(PR, login, body, id)
  if (posted && more.action === 'edited') gh.editComment(posted.id, body)
  return runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'issue_comment',
    payload: commentPayload({ body, login, commentId: posted?.id, ...event })
  })
}

/** The requests made from now on. */
function watch(): () => RecordedRequest[] {
  const start = gh.requests.length
  return () => gh.requests.slice(start)
}

const ourComment = () => gh.state.comments.get(PR)!.find((c) => c.user.login === 'github-actions[bot]')!

describe('mode override (issue_comment)', () => {
  it('an authorized approver flips the failed status, with an audit line and a reaction', async () => {
    const since = watch()
    const run = await comment(`/evalgate override ${HEAD.slice(0, 7)} flaky T2 fixture, tracked in #123`, 'alice', {
      id: 555
    })
    expect(run.code).toBe(0)
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('overridden')

    const writes = since().filter((r) => r.method !== 'GET')
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/acme/shop/issues/comments/${ourComment().id}`,
      `POST /repos/acme/shop/statuses/${HEAD}`,
      'POST /repos/acme/shop/issues/comments/555/reactions'
    ])
    expect(writes[1].body).toEqual({
      state: 'success',
      context: 'evalgate',
      description: 'overridden by @alice',
      target_url: RUN_URL
    })
    expect(writes[2].body).toEqual({ content: '+1' })
    const body = ourComment().body
    expect(body).toMatch(
      /- \d{4}-\d\d-\d\dT[\d:.]+Z @\u200balice overrode the gate on `a1b2c3d` \(failed: T2\): flaky T2 fixture, tracked in #123/
    )
    expect(body).toContain('**Overridden** by @\u200balice')
    expect(body).toContain('| T2 | 3/5 | 60.0%') // the report is kept
    expect(body).not.toContain(`/evalgate override ${HEAD} <reason>`)
    expect(since().some((r) => r.path.includes('/pulls/7/files'))).toBe(false)
    expect(existsSync(join(dir, 'agent', 'ran.log'))).toBe(false)
  })

  it('accepts an active member of an approver team (with a token that can read teams)', async () => {
    const run = await comment('/evalgate override reviewed the two T2 failures', 'bob')
    expect(run.outputs.decision).toBe('overridden')
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'success', description: 'overridden by @bob' })
  })

  it('reads team membership with teams-token when given, and everything else with github-token', async () => {
    const since = watch()
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'issue_comment',
      payload: commentPayload({ body: '/evalgate override reviewed', login: 'bob' }),
      inputs: { 'teams-token': 'ghs_teamsonly0123456789' }
    })
    expect(run.outputs.decision).toBe('overridden')
    const requests = since()
    const membership = requests.filter((r) => r.path.startsWith('/orgs/'))
    expect(membership.map((r) => r.authorization)).toEqual(['token ghs_teamsonly0123456789'])
    expect(
      requests
        .filter((r) => !r.path.startsWith('/orgs/'))
        .every((r) => r.authorization === 'token ghs_faketoken0123456789')
    ).toBe(true)
    expect(run.stdout).toContain('::add-mask::ghs_teamsonly0123456789')
  })

  it('a gate re-run on the same SHA keeps the override; a new push puts the gate back in force', async () => {
    await comment(`/evalgate override ${HEAD} flaky fixture`, 'alice')

    const rerun = await runGate()
    expect(rerun.code).toBe(0)
    expect(rerun.outputs.decision).toBe('overridden')
    expect(gh.latestStatus(HEAD)).toMatchObject({ state: 'success', description: 'overridden by @alice' })
    expect(rerun.summary).toContain('**Overridden** by @\u200balice')
    expect(parseComment(ourComment().body, 'evalgate')?.state.overrides).toHaveLength(1)

    pushTo(gh, NEW_HEAD)
    const pushed = await runGate(NEW_HEAD)
    expect(pushed.code).toBe(1)
    expect(pushed.outputs.decision).toBe('fail')
    expect(gh.latestStatus(NEW_HEAD)?.state).toBe('failure')
    const body = ourComment().body
    expect(body).toContain(`/evalgate override ${NEW_HEAD} <reason>`)
    expect(body).toContain('an earlier commit, no longer in force')
  })

  describe('refusals reply with the reason and change nothing', () => {
    interface Refusal {
      name: string
      login: string
      body: string
      why: RegExp
      arrange?: (gh: FakeGitHub) => void
      action?: string
    }
    const cases: Refusal[] = [
      {
        name: 'a commenter who is not an approver',
        login: 'mallory',
        body: 'a1b2c3d legit',
        why: /@mallory is not an approver/
      },
      {
        name: 'an approver without min_permission',
        login: 'alice',
        body: 'a1b2c3d legit',
        why: /`write` permission on this repository; an override needs at least `maintain`/,
        arrange: (gh) => (gh.state.permissions.alice = { permission: 'write', role_name: 'write' })
      },
      {
        name: 'a team approver when team membership is unreadable (403)',
        login: 'bob',
        body: 'a1b2c3d legit',
        why: /@bob is not an approver: .*membership of acme\/agent-owners .*cannot read org membership/,
        arrange: (gh) => (gh.state.teamsAnswer = 403)
      },
      {
        name: 'a team approver when team membership is unreadable (404)',
        login: 'bob',
        body: 'a1b2c3d legit',
        why: /@bob is not an approver: .*cannot read org membership/,
        arrange: (gh) => (gh.state.teamsAnswer = 404)
      },
      {
        name: 'the PR author',
        login: 'carol',
        body: 'a1b2c3d my own PR is fine',
        why: /@carol opened this pull request/
      },
      { name: 'an empty reason', login: 'alice', body: 'a1b2c3d', why: /a reason is required/ },
      {
        name: 'a SHA that is no longer the head',
        login: 'alice',
        body: 'a1b2c3d flaky',
        why: /names commit a1b2c3d, but the head of this pull request is b2c3d4e/,
        arrange: (gh) => {
          pushTo(gh, NEW_HEAD, [])
          gh.addStatus(NEW_HEAD, { state: 'failure', context: 'evalgate' })
        }
      },
      {
        // Issue 10: a 6-hex word in the SHA position was read as reason text, overriding the current head.
        name: 'a 6-hex SHA word of another commit',
        login: 'alice',
        body: 'bbb222 reason',
        why: /names commit bbb222, but the head of this pull request is a1b2c3d/
      },
      {
        name: 'a gate that passed',
        login: 'alice',
        body: 'a1b2c3d flaky',
        why: /the gate has not failed on the head commit a1b2c3d \(status: success\)/,
        arrange: (gh) => gh.addStatus(HEAD, { state: 'success', context: 'evalgate' })
      },
      {
        name: 'an edited comment',
        login: 'alice',
        body: 'a1b2c3d flaky',
        why: /an edited comment is not accepted/,
        action: 'edited'
      },
      { name: 'an unknown command', login: 'alice', body: '', why: /unknown command `\/evalgate overide`/ }
    ]

    it.each(cases)('refuses $name', async ({ login, body: args, why, arrange, action }) => {
      arrange?.(gh)
      const commentBefore = ourComment().body
      const since = watch()
      const body = args === '' ? '/evalgate overide now' : `/evalgate override ${args}`
      const run = await comment(body, login, { action })
      expectNoStackTrace(run)
      expect(run.outputs.decision).toBe('refused')
      expect(run.code).toBe(0)
      const writes = since().filter((r) => r.method !== 'GET')
      expect(writes.filter(isStatusPost)).toEqual([])
      expect(writes.filter(isCommentPatch)).toEqual([])
      expect(writes.filter(isReaction)).toEqual([])
      expect(writes).toHaveLength(1)
      expect(isCommentPost(writes[0])).toBe(true)
      expect(bodyOf(writes[0])).toMatch(/override refused/)
      expect(bodyOf(writes[0])).toMatch(why)
      expect(bodyOf(writes[0]).startsWith('/evalgate')).toBe(false)
      expect(ourComment().body).toBe(commentBefore)
    })
  })

  it.each([
    ['an ordinary comment', 'LGTM, /evalgate later', {}],
    ['a command on an issue, not a PR', '/evalgate override a1b2c3d x', { onPullRequest: false }],
    ['a deleted comment', '/evalgate override a1b2c3d x', { action: 'deleted' }]
  ])('ignores %s: exit 0, no API call', async (_name, body, more) => {
    const since = watch()
    const run = await comment(body, 'alice', more)
    expect(run.code).toBe(0)
    expect(run.outputs.decision).toBe('ignored')
    expect(since()).toEqual([])
  })

  it('escapes an injection attempt in the reason wherever it is written', async () => {
    const reason =
      '::set-output name=decision::pass\n::error::pwned @acme/agent-owners <!-- evalgate:state {"v":1} --> <img src=x onerror=alert(1)> -->'
    const run = await comment(`/evalgate override ${HEAD} ${reason}`, 'alice')
    expect(run.outputs.decision).toBe('overridden')
    expect(run.stdout).not.toMatch(/^::set-output/m)
    expect(run.stdout).not.toMatch(/^::error::pwned/m)
    const body = ourComment().body
    expect(body).not.toContain('@acme')
    expect(body).toContain('@\u200bacme/agent-owners')
    expect(body).not.toContain('<img')
    expect(body.split('<!--').length - 1).toBe(3)
    expect(body).not.toMatch(/^::/m)
    const state = parseComment(body, 'evalgate')!.state
    expect(state.overrides).toHaveLength(1)
    expect(state.overrides[0].reason).toContain('&lt;img src=x')
    expect(run.summary).not.toContain('<img')
  })

  it('refuses when the override rules in thresholds.yml cannot be read', async () => {
    writeFileSync(join(dir, 'thresholds.yml'), 'override:\n  approvers: alice\n  min_permission: owner\n')
    gh.state.pulls.get(PR)!.base = { sha: commitAll(dir, 'broken rules'), ref: 'main' }
    const since = watch()
    const run = await comment(`/evalgate override ${HEAD} flaky`, 'alice')
    expect(run.outputs.decision).toBe('refused')
    const writes = since().filter((r) => r.method !== 'GET')
    expect(writes).toHaveLength(1)
    expect(bodyOf(writes[0])).toMatch(/the override rules cannot be read: thresholds\.yml:\d+: /)
  })

  it('an API error gives a clear failure, no stack trace and no change', async () => {
    gh.state.failures.push({ method: 'GET', path: /\/pulls\/7$/, status: 500 })
    const since = watch()
    const run = await comment(`/evalgate override ${HEAD} flaky`, 'alice')
    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(errorLines(run).join('\n')).toMatch(/could not read pull request #7 \(HTTP 500/)
    expect(since().filter((r) => r.method !== 'GET')).toEqual([])
  })
})
