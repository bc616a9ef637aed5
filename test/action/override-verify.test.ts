// Overrides re-verified on every gate run, and override rules read from the PR's base commit,
// through dist/index.js against the fake GitHub backed by the project's git repository.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { commitAll } from '../helpers/commit-files.js'
import { rateLimited, type FakeFailure, type FakeGitHub } from '../helpers/fake-github.js'
import { parseComment } from '../../src/action/comment-body.js'
import { bodyOf, expectNoStackTrace, fakeWithPullRequest, isCommentPost, isStatusPost, pushTo } from './fake-setup.js'
import {
  checkoutWithoutBase,
  commandProject,
  commentPayload,
  HEAD,
  NEW_HEAD,
  PR,
  pullRequestPayload,
  THRESHOLDS
} from './project.js'
import { runAction } from './run-action.js'

let gh: FakeGitHub
let dir: string

beforeEach(async () => {
  dir = commandProject()
  gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
    permissions: {
      alice: { permission: 'write', role_name: 'maintain' },
      carol: { permission: 'admin', role_name: 'admin' },
      mallory: { permission: 'admin', role_name: 'admin' }
    }
  })
  expect((await runGate()).outputs.decision).toBe('fail')
})
afterEach(() => gh.close())

function runGate(headSha = HEAD) {
  return runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload: pullRequestPayload(dir, headSha) })
}

/** A comment posted on the PR, then the override workflow run for it. */
function comment(body: string, login: string) {
  const posted = gh.addComment(PR, login, body)
  return runAction({
    cwd: dir,
    apiUrl: gh.url,
    event: 'issue_comment',
    payload: commentPayload({ body, login, commentId: posted.id })
  })
}

const ourComment = () => gh.state.comments.get(PR)!.find((c) => c.user.login === 'github-actions[bot]')!
const statusOf = (sha: string) => gh.latestStatus(sha)

describe('overrides are re-verified on every gate run', () => {
  it('an edited bot comment naming the new head grants nothing: the status stays failure after the re-run', async () => {
    expect((await comment(`/evalgate override ${HEAD} flaky fixture`, 'alice')).outputs.decision).toBe('overridden')
    pushTo(gh, NEW_HEAD)
    expect((await runGate(NEW_HEAD)).outputs.decision).toBe('fail')

    // The PR author (write access) edits the bot's comment: the earlier override now names the new head.
    const bot = ourComment()
    gh.editComment(bot.id, bot.body.replaceAll(HEAD, NEW_HEAD))
    expect(parseComment(ourComment().body, 'evalgate')!.state.overrides[0].sha).toBe(NEW_HEAD)

    const rerun = await runGate(NEW_HEAD)
    expectNoStackTrace(rerun)
    expect(rerun.code).toBe(1)
    expect(rerun.outputs.decision).toBe('fail')
    expect(statusOf(NEW_HEAD)).toMatchObject({ state: 'failure', description: 'T1 100.0% >= 90%, T2 60.0% < 80%' })
    expect(rerun.summary).not.toContain('Overridden')
    // The forged record is not rendered as in force either.
    const state = parseComment(ourComment().body, 'evalgate')!.state
    expect(state.overrides.filter((o) => o.sha === NEW_HEAD)).toEqual([])
    expect(ourComment().body).toContain(`/evalgate override ${NEW_HEAD} <reason>`)
  })

  it('an override that names no commit survives a re-run; a push drops it', async () => {
    expect((await comment('/evalgate override reviewed the T2 failures', 'alice')).outputs.decision).toBe('overridden')
    const rerun = await runGate()
    expect(rerun.code).toBe(0)
    expect(rerun.outputs.decision).toBe('overridden')
    expect(statusOf(HEAD)).toMatchObject({ state: 'success', description: 'overridden by @alice' })
    expect(rerun.summary).toContain('**Overridden** by @\u200balice')

    pushTo(gh, NEW_HEAD)
    const pushed = await runGate(NEW_HEAD)
    expect(pushed.outputs.decision).toBe('fail')
    expect(statusOf(NEW_HEAD)?.state).toBe('failure')
    expect(pushed.stdout).toMatch(/override comment \d+ by @alice does not count: names no commit/)
  })

  it('an approver who edited their command afterwards: the re-run sets failure again', async () => {
    await comment(`/evalgate override ${HEAD} flaky fixture`, 'alice')
    const command = gh.state.comments.get(PR)!.find((c) => c.user.login === 'alice')!
    gh.editComment(command.id, `/evalgate override ${HEAD} flaky fixture (edited)`)
    const rerun = await runGate()
    expect(rerun.outputs.decision).toBe('fail')
    expect(statusOf(HEAD)?.state).toBe('failure')
    expect(rerun.stdout).toMatch(/does not count: edited after it was posted/)
  })

  it('an approver who lost the permission since: the re-run sets failure again', async () => {
    await comment(`/evalgate override ${HEAD} flaky fixture`, 'alice')
    gh.state.permissions.alice = { permission: 'write', role_name: 'write' }
    const rerun = await runGate()
    expect(rerun.outputs.decision).toBe('fail')
    expect(statusOf(HEAD)?.state).toBe('failure')
    expect(rerun.stdout).toMatch(/@alice has `write` permission on this repository/)
  })

  it('a status "overridden by @alice" set with someone else\'s token proves nothing', async () => {
    gh.addComment(PR, 'alice', '/evalgate override flaky')
    gh.addStatus(HEAD, { state: 'success', context: 'evalgate', description: 'overridden by @alice' }, 'carol')
    const rerun = await runGate()
    expect(rerun.outputs.decision).toBe('fail')
    expect(statusOf(HEAD)?.state).toBe('failure')
  })

  it('fails closed when the base cannot be read for the re-check: error, never the override', async () => {
    await comment(`/evalgate override ${HEAD} flaky fixture`, 'alice')
    // The re-run's checkout has no history and GitHub cannot list the base's tree.
    gh.state.repoDir = checkoutWithoutBase(dir)
    gh.state.failures.push({ method: 'GET', path: /\/git\/trees\//, status: 500 })
    const payload = pullRequestPayload(dir, HEAD, { baseSha: gh.state.pulls.get(PR)!.base!.sha })
    const rerun = await runAction({ cwd: dir, apiUrl: gh.url, event: 'pull_request', payload })
    expectNoStackTrace(rerun)
    expect(rerun.outputs.decision).toBe('error')
    expect(statusOf(HEAD)?.state).toBe('error')
    expect(statusOf(HEAD)?.description).toMatch(/base commit \w{7}.*HTTP 500/)
  })

  it('reads no override evidence when nobody asked for one', async () => {
    const since = gh.requests.length
    await runGate()
    const paths = gh.requests.slice(since).map((r) => r.path)
    expect(paths.some((p) => p.includes('/contents/') || p.includes('/collaborators/'))).toBe(false)
  })
})

describe('override mode reads the override rules from the base commit', () => {
  it('a PR adding mallory to approvers in its thresholds.yml cannot let mallory override', async () => {
    writeFileSync(join(dir, 'thresholds.yml'), THRESHOLDS.replace('[alice, carol,', '[alice, carol, mallory,'))
    const run = await comment(`/evalgate override ${HEAD} ship it`, 'mallory')
    expect(run.outputs.decision).toBe('refused')
    expect(statusOf(HEAD)?.state).toBe('failure')
    const reply = gh.requests.filter(isCommentPost).at(-1)!
    expect(bodyOf(reply)).toMatch(/@mallory is not an approver/)
    const read = gh.requests.find((r) => r.path === '/repos/acme/shop/contents/thresholds.yml')!
    expect(read.query.ref).toBe(gh.state.pulls.get(PR)!.base!.sha)

    const rerun = await runGate()
    expect(rerun.outputs.decision).toBe('fail')
    expect(statusOf(HEAD)?.state).toBe('failure')
  })

  it('an approver the base lists may override even when the checkout no longer lists them', async () => {
    writeFileSync(join(dir, 'thresholds.yml'), THRESHOLDS.replace('[alice, carol,', '[carol,'))
    const run = await comment(`/evalgate override ${HEAD} flaky`, 'alice')
    expect(run.outputs.decision).toBe('overridden')
  })

  const faults: [string, (gh: FakeGitHub) => void, RegExp][] = [
    [
      'the base commit is not in the repository',
      (gh) => (gh.state.pulls.get(PR)!.base = { sha: 'e'.repeat(40), ref: 'main' }),
      /the override rules cannot be read from the base commit eeeeeee: commit eeeeeee not found/
    ],
    ['403', failWith({ method: 'GET', path: /\/contents\//, status: 403 }), /access refused \(HTTP 403/],
    ['500', failWith({ method: 'GET', path: /\/contents\//, status: 500 }), /GitHub failed \(HTTP 500/],
    ['a rate limit', failWith(rateLimited('GET', /\/contents\//)), /rate limited by GitHub \(HTTP 403/],
    [
      'a base without thresholds.yml',
      () => {
        rmSync(join(dir, 'thresholds.yml'))
        gh.state.pulls.get(PR)!.base = { sha: commitAll(dir, 'no rules'), ref: 'main' }
      },
      /the base commit \w{7} has no thresholds\.yml, so no override rules are in force/
    ],
    [
      'a pull request without a base',
      (gh) => delete gh.state.pulls.get(PR)!.base,
      /GitHub did not say which commit pull request #7 is based on/
    ]
  ]

  it.each(faults)('fails closed when %s: a refusal naming why, no status change', async (_name, arrange, why) => {
    arrange(gh)
    const since = gh.requests.length
    const run = await comment(`/evalgate override ${HEAD} flaky`, 'alice')
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('refused')
    const writes = gh.requests.slice(since).filter((r) => r.method !== 'GET')
    expect(writes.filter(isStatusPost)).toEqual([])
    expect(writes).toHaveLength(1)
    expect(bodyOf(writes[0])).toMatch(why)
    expect(statusOf(HEAD)?.state).toBe('failure')
  })

  it("refuses a command written by the token's own user", async () => {
    gh.state.tokenUser = 'evalgate-bot'
    gh.state.permissions['evalgate-bot'] = { permission: 'admin', role_name: 'admin' }
    const run = await comment(`/evalgate override ${HEAD} forged`, 'evalgate-bot')
    expect(run.outputs.decision).toBe('refused')
    expect(bodyOf(gh.requests.filter(isCommentPost).at(-1)!)).toMatch(/identity of the action's own token/)
  })
})

describe('the base commit of the event', () => {
  it('a pull_request event without base.sha: status error, the agent does not run', async () => {
    rmSync(join(dir, 'agent', 'ran.log'))
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: pullRequestPayload(dir, HEAD, { baseSha: null })
    })
    expectNoStackTrace(run)
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(statusOf(HEAD)).toMatchObject({
      state: 'error',
      description: expect.stringMatching(/^error: the pull_request event has no pull_request\.base\.sha/)
    })
    expect(existsSync(join(dir, 'agent', 'ran.log'))).toBe(false)
  })

  it("workflow_dispatch: the summary says there is no base and this commit's rules apply", async () => {
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'workflow_dispatch',
      payload: { inputs: {} },
      sha: 'c'.repeat(40)
    })
    expect(run.outputs.decision).toBe('fail')
    expect(run.summary).toContain("no base commit (workflow_dispatch): this commit's own rules and golden tasks apply")
  })
})

function failWith(failure: FakeFailure): (gh: FakeGitHub) => void {
  return (gh) => gh.state.failures.push(failure)
}
