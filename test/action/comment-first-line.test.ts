// Issue 12, item 5, through dist/index.js: the PR comment's first line is the outcome as it
// stands, after the gate, after an approver's override (mode override re-renders the comment)
// and after its cancel; it links the run and the artifact named by the `artifact-name` input.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { FakeGitHub } from '../helpers/fake-github.js'
import { errorLines, expectNoStackTrace, fakeWithPullRequest, isCommentPatch, isCommentPost } from './fake-setup.js'
import { commandProject, commentPayload, HEAD, PR, pullRequestPayload } from './project.js'
import { RUN_URL, runAction } from './run-action.js'
import { collapsedView, shownLines } from './collapsed.js'

let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

const FAILED = '❌ **evalgate: T2 60.0% < 80%**'
const ourComment = () => gh!.state.comments.get(PR)!.find((c) => c.user.login === 'github-actions[bot]')!
const firstLine = () => shownLines(collapsedView(ourComment().body))[0]

describe('the PR comment through the action', () => {
  it('follows the gate, an override and its cancel in its first line, and links the named artifact', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir, ['agent/agent.mjs'], {
      permissions: { alice: { permission: 'write', role_name: 'maintain' } }
    })
    const gate = () =>
      runAction({
        cwd: dir,
        apiUrl: gh!.url,
        event: 'pull_request',
        payload: pullRequestPayload(dir),
        inputs: { 'artifact-name': 'evalgate-report-pr' }
      })
    const comment = (body: string) => {
      const posted = gh!.addComment(PR, 'alice', body)
      return runAction({
        cwd: dir,
        apiUrl: gh!.url,
        event: 'issue_comment',
        payload: commentPayload({ body, login: 'alice', commentId: posted.id })
      })
    }

    expect((await gate()).outputs.decision).toBe('fail')
    expect(firstLine()).toBe(FAILED)
    expect(ourComment().body).toContain(
      `[Workflow run](${RUN_URL}) · [Report artifact: evalgate-report-pr](${RUN_URL}#artifacts)`
    )

    expect((await comment(`/evalgate override ${HEAD} flaky T2 fixture`)).outputs.decision).toBe('overridden')
    expect(firstLine()).toBe('✅ **evalgate: overridden by @\u200balice for a1b2c3d**')
    expect(collapsedView(ourComment().body)).not.toContain('❌')
    // The gate's own run is still the one linked (mode override keeps the result).
    expect(ourComment().body).toContain(`[Report artifact: evalgate-report-pr](${RUN_URL}#artifacts)`)

    expect((await comment('/evalgate override cancel not flaky after all')).outputs.decision).toBe('cancelled')
    expect(firstLine()).toBe(FAILED)

    expect((await gate()).outputs.decision).toBe('fail')
    expect(firstLine()).toBe(FAILED)
    expect(gh.requests.filter(isCommentPost)).toHaveLength(1) // one comment, updated ever after
    expect(gh.requests.filter(isCommentPatch).length).toBeGreaterThanOrEqual(3)
  })

  it('refuses an artifact name actions/upload-artifact would refuse, before running anything', async () => {
    const dir = commandProject()
    gh = await fakeWithPullRequest(dir)
    const run = await runAction({
      cwd: dir,
      apiUrl: gh.url,
      event: 'pull_request',
      payload: pullRequestPayload(dir),
      inputs: { 'artifact-name': 'reports/evalgate' }
    })
    expect(run.code).toBe(1)
    expectNoStackTrace(run)
    expect(errorLines(run).join('\n')).toContain(
      'input artifact-name must be a name actions/upload-artifact accepts (no " : < > | * ? \\ / and at most 200 characters), not "reports/evalgate"'
    )
    expect(gh.state.comments.get(PR) ?? []).toEqual([])
  })
})
