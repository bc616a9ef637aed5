// Issue 8, one test per row of its table: a pull request made as an attacker would, against a
// base commit whose gate fails, through dist/index.js and the fake GitHub backed by the real git
// history. Each PR's own files would pass the gate (`ownRulesDecision`); judged as on its base the
// status stays `failure` until an approver overrides, and the PR comment shows what the PR
// changed about its gate. The secret rows (7, 8) are in pr-cannot-disarm-secrets.test.ts, the
// benign changes and a checkout without the base in pr-gate-changes.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { parseComment } from '../../src/action/comment-body.js'
import { expectNoStackTrace } from './fake-setup.js'
import {
  APPROVER,
  BASE_FAILURE,
  botComment,
  FAILING_IDS,
  LIB,
  manifest,
  MANIFEST,
  openPullRequest,
  ownRulesDecision,
  ranIds,
  reportOf,
  t1Tasks,
  TASKS_FILE,
  taskYaml,
  THRESHOLDS,
  type PullRequest
} from './disarm-project.js'

let pr: PullRequest | undefined
afterEach(async () => {
  await pr?.gh.close()
  pr = undefined
})

/** The gate on the PR's head: status failure with `description`, step failed, no override. */
async function expectGateFails(pr: PullRequest, description = BASE_FAILURE) {
  const run = await pr.gate()
  expectNoStackTrace(run)
  expect(run.code).toBe(1)
  expect(run.outputs.decision).toBe('fail')
  expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'failure', description })
  expect(pr.gh.state.statuses.get(pr.head)!.some((s) => s.state === 'success')).toBe(false)
  return { run, comment: botComment(pr.gh).body, report: reportOf(pr.dir) }
}

describe('a pull request cannot disarm its own gate', () => {
  it("1. lowers T1's threshold 0.92 -> 0.50: failure; the comment shows the rule base -> PR and that the base's applied", async () => {
    pr = await openPullRequest((c) => c.write({ 'thresholds.yml': THRESHOLDS.replace('0.92', '0.50') }))
    expect(await ownRulesDecision(pr.dir)).toEqual({ code: 0, decision: 'pass' })

    const { run, comment, report } = await expectGateFails(pr)
    expect(report.tiers).toMatchObject([{ tier: 'T1', total: 40, passed: 36, threshold: 0.92 }])
    expect(report.gate_changes).toMatchObject({
      base: { sha: pr.base, via: 'git' },
      thresholds: [{ rule: 'tiers.T1.min_success', base: 0.92, pr: 0.5, applied: 'base' }]
    })
    for (const text of [comment, run.summary]) {
      expect(text).toContain('### Changes to the gate in this PR')
      expect(text).toContain(`Judged as on base \`${pr.base.slice(0, 7)}\``)
      expect(text).toContain("- `tiers.T1.min_success`: 0.92 -> 0.5 — the base's applies")
      // Issue 9: a deterministic agent runs 2 rounds; attempts that all agree make the rate exact.
      expect(text).toContain('| T1 | 36/40 | 90.0% | 90.0–90.0% | ≥ 92% | 2 | inside margin (95%) | **fail** |')
    }
  })

  it('2. deletes the four failing T1 tasks: failure; they are listed as removed and still ran', async () => {
    pr = await openPullRequest((c) => c.write({ [TASKS_FILE]: taskYaml(t1Tasks().slice(4)) }))
    expect(await ownRulesDecision(pr.dir)).toEqual({ code: 0, decision: 'pass' })

    const { comment, report } = await expectGateFails(pr)
    // Every task in each of 2 rounds (issue 9: the agent is deterministic).
    const ids = t1Tasks().map((t) => t.id)
    expect(ranIds(pr.dir)).toEqual([...ids, ...ids].sort())
    expect(report.totals).toMatchObject({ tasks: 40, passed: 36, failed: 4 })
    expect(report.tasks.filter((t) => t.status === 'fail').map((t) => t.id)).toEqual(FAILING_IDS)
    expect(report.gate_changes?.tasks.removed).toEqual(FAILING_IDS.map((id) => ({ workflow: 'wf', id })))
    expect(comment).toContain(
      '**Golden tasks removed** (4) — they still run in their base form and count: `t1-0`, `t1-1`, `t1-2`, `t1-3`'
    )
  })

  it("3. rewrites the failing tasks' expected to what the agent answers: failure; the PR form is shown passing beside", async () => {
    const rewritten = t1Tasks().map((t) => (t.answer === 'wrong' ? { ...t, expected: 'wrong' } : t))
    pr = await openPullRequest((c) => c.write({ [TASKS_FILE]: taskYaml(rewritten) }))
    expect(await ownRulesDecision(pr.dir)).toEqual({ code: 0, decision: 'pass' })

    const { comment, report } = await expectGateFails(pr)
    expect(report.totals).toMatchObject({ tasks: 40, passed: 36, failed: 4 })
    expect(report.tasks.filter((t) => t.status === 'fail').map((t) => t.id)).toEqual(FAILING_IDS)
    expect(report.gate_changes?.tasks.changed).toEqual(
      FAILING_IDS.map((id) => ({
        workflow: 'wf',
        id,
        fields: ['expected'],
        diff: ['expected.label: "ok" -> "wrong"'],
        pr_form: { status: 'pass', reasons: [] }
      }))
    )
    // Both forms ran: 40 counted (in 2 rounds, issue 9), and the 4 PR forms beside (once).
    const ids = t1Tasks().map((t) => t.id)
    expect(ranIds(pr.dir)).toEqual([...ids, ...ids, ...FAILING_IDS].sort())
    expect(comment).toContain(
      '**Golden tasks changed** (4) — each counts in its base form; the PR form runs beside it:'
    )
    for (const id of FAILING_IDS) expect(comment).toContain(`- \`${id}\` (expected) — PR form: **pass**`)
    expect(comment).toContain('expected.label: "ok" -> "wrong"')
  })

  it('4. an override of head A, made to name head B by editing the bot comment, grants nothing on B', async () => {
    pr = await openPullRequest((c) => c.write({ 'agent/lib.mjs': `${LIB}// tidied\n` }))
    const headA = pr.head
    await expectGateFails(pr)
    const approved = await pr.comment(`/evalgate override ${headA} the T1 misses are a known fixture bug`, APPROVER)
    expect(approved.outputs.decision).toBe('overridden')
    expect(pr.gh.latestStatus(headA)).toMatchObject({ state: 'success', description: `overridden by @${APPROVER}` })

    const headB = pr.push((c) => c.write({ 'agent/lib.mjs': `${LIB}// tidied again\n` }))
    await expectGateFails(pr)

    // The attacker (write access) edits the bot's comment: the override of A now names B.
    const bot = botComment(pr.gh)
    expect(parseComment(bot.body, 'evalgate')!.state.overrides.map((o) => o.sha)).toEqual([headA])
    pr.gh.editComment(bot.id, bot.body.replaceAll(headA, headB))
    expect(parseComment(botComment(pr.gh).body, 'evalgate')!.state.overrides.map((o) => o.sha)).toEqual([headB])

    const { run, comment } = await expectGateFails(pr)
    expect(run.summary).not.toContain('Overridden')
    expect(run.stdout).toContain(
      `by @${APPROVER} does not count: the command names commit ${headA.slice(0, 12)}, but the head of this pull request is ${headB.slice(0, 7)}`
    )
    expect(parseComment(comment, 'evalgate')!.state.overrides.filter((o) => o.sha === headB)).toEqual([])
    expect(comment).toContain(`/evalgate override ${headB} <reason>`)
  })

  it('5. changes only agent/lib.mjs, a module agent.mjs imports: the gate runs and fails', async () => {
    // The PR's module gets 4 more tasks wrong.
    const worse = "export const answer = (input) => (Number(input.msg.slice(3)) < 8 ? 'wrong' : 'ok')\n"
    pr = await openPullRequest((c) => c.write({ 'agent/lib.mjs': worse }))
    expect(pr.files).toEqual(['agent/lib.mjs'])

    const { run, comment } = await expectGateFails(pr, 'T1 80.0% < 92%')
    expect(run.stdout).toContain('agent changes: agent/lib.mjs')
    expect(pr.gh.state.statuses.get(pr.head)!.map((s) => s.description)).not.toContain('no agent changes')
    expect(ranIds(pr.dir)).toHaveLength(40) // 80% is far below 92%: decided after round 1 (issue 9)
    expect(comment).toContain(`Gate rules and golden tasks as on base \`${pr.base.slice(0, 7)}\``)
  })

  it('6. renames the workflow so that its stricter workflows.<name> rule would not apply: failure, rename listed', async () => {
    const thresholds = THRESHOLDS.replace('T1: 0.92', 'T1: 0.85') + 'workflows:\n  wf:\n    tiers: { T1: 0.92 }\n'
    pr = await openPullRequest((c) => c.write({ [MANIFEST]: manifest('wf_v2') }), {
      base: { 'thresholds.yml': thresholds }
    })
    expect(await ownRulesDecision(pr.dir)).toEqual({ code: 0, decision: 'pass' })

    const { comment, report } = await expectGateFails(pr)
    expect(report.tiers).toMatchObject([{ workflow: 'wf_v2', tier: 'T1', passed: 36, threshold: 0.92 }])
    expect(report.gate_changes?.workflows).toEqual({ renamed: [{ from: 'wf', to: 'wf_v2' }], added: [], removed: [] })
    expect(comment).toContain('- `wf` renamed to `wf_v2`: the rules and golden tasks of `wf` apply')
  })
})

describe('an approver can still override', () => {
  it('after row 1 fails, `/evalgate override <sha> reason` sets success, and a re-run on that head keeps it', async () => {
    pr = await openPullRequest((c) => c.write({ 'thresholds.yml': THRESHOLDS.replace('0.92', '0.50') }))
    await expectGateFails(pr)

    const approved = await pr.comment(`/evalgate override ${pr.head} T1 misses are the known flaky fixture`, APPROVER)
    expectNoStackTrace(approved)
    expect(approved.outputs.decision).toBe('overridden')
    expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'success', description: `overridden by @${APPROVER}` })
    expect(pr.gh.state.reactions).toEqual([{ commentId: expect.any(Number), content: '+1' }])

    const rerun = await pr.gate()
    expectNoStackTrace(rerun)
    expect(rerun.code).toBe(0)
    expect(rerun.outputs.decision).toBe('overridden')
    expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'success', description: `overridden by @${APPROVER}` })
    expect(rerun.summary).toContain(`**Overridden** by @\u200b${APPROVER}`)
    // The rules stay the base's in the re-run too, and the audit line names the approver.
    expect(rerun.summary).toContain("- `tiers.T1.min_success`: 0.92 -> 0.5 — the base's applies")
    const state = parseComment(botComment(pr.gh).body, 'evalgate')!.state
    expect(state.overrides).toMatchObject([{ sha: pr.head, login: APPROVER, tiers: ['T1'] }])
  })
})
