// Issue 8's other cases through dist/index.js, against the same failing base as
// pr-cannot-disarm.test.ts: changes to the golden set a PR is allowed to make take effect the
// stricter way (a raised bar, a new task) or are shown beside (a fixed expectation); the PR that
// adds evalgate runs by its own rules and says so; and a checkout without the base commit
// (actions/checkout's fetch-depth 1) reads the base through the GitHub API.
import { afterEach, describe, expect, it } from '@jest/globals'
import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { bareClone, git } from '../helpers/commit-files.js'
import { expectNoStackTrace } from './fake-setup.js'
import {
  APPROVER,
  BASE_FAILURE,
  baseFiles,
  botComment,
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
import { checkoutWithoutBase } from './project.js'
import { writeProject } from '../helpers/project.js'

let pr: PullRequest | undefined
afterEach(async () => {
  await pr?.gh.close()
  pr = undefined
})

async function expectGateFails(pr: PullRequest, description: string) {
  const run = await pr.gate()
  expectNoStackTrace(run)
  expect(run.code).toBe(1)
  expect(run.outputs.decision).toBe('fail')
  expect(pr.gh.latestStatus(pr.head)).toMatchObject({ state: 'failure', description })
  return { run, comment: botComment(pr.gh).body, report: reportOf(pr.dir) }
}

describe('golden-set changes a PR may make', () => {
  it("raises T1's threshold 0.92 -> 0.95: the PR's stricter rule applies and shows", async () => {
    pr = await openPullRequest((c) => c.write({ 'thresholds.yml': THRESHOLDS.replace('0.92', '0.95') }))
    const { comment, report } = await expectGateFails(pr, 'T1 90.0% < 95%')
    expect(report.tiers).toMatchObject([{ tier: 'T1', threshold: 0.95 }])
    expect(report.gate_changes?.thresholds).toEqual([
      { rule: 'tiers.T1.min_success', base: 0.92, pr: 0.95, applied: 'pr' }
    ])
    expect(comment).toContain("- `tiers.T1.min_success`: 0.92 -> 0.95 — the PR's applies")
  })

  it('adds a task the agent gets wrong: it runs and counts', async () => {
    pr = await openPullRequest((c) =>
      c.write({ 'golden-tasks/wf/tasks/t1-new.yaml': taskYaml([{ id: 't1-new', answer: 'wrong' }]) })
    )
    const { comment, report } = await expectGateFails(pr, 'T1 87.8% < 92%')
    expect(report.totals).toMatchObject({ tasks: 41, passed: 36, failed: 5 })
    expect(report.tasks.find((t) => t.id === 't1-new')?.status).toBe('fail')
    expect(ranIds(pr.dir)).toContain('t1-new')
    expect(report.gate_changes?.tasks.added).toEqual([{ workflow: 'wf', id: 't1-new' }])
    expect(comment).toContain('**Golden tasks added** (1) — they run and count: `t1-new`')
  })

  // New tasks count, but cannot lift the PR's own gate: 20 trivially passing T1 tasks would make T1
  // 56/60 = 93.3% >= 92%; judged also without them it is 36/40, so the tier still fails.
  it('adds 20 trivially passing tasks to dilute the 4 failures: still failure', async () => {
    const padding = Array.from({ length: 20 }, (_, i) => ({ id: `t1-padding-${i}` }))
    pr = await openPullRequest((c) => c.write({ 'golden-tasks/wf/tasks/padding.yaml': taskYaml(padding) }))
    const run = await pr.gate()
    expect(run.outputs.decision).toBe('fail')
    expect(pr.gh.latestStatus(pr.head)?.state).toBe('failure')
    expect(run.summary).toContain(
      'T1: without the 20 tasks this PR adds, 90.0% (36/40) does not meet the rule — fail (tasks a PR adds cannot lift its own gate)'
    )
  })

  it('fixes a wrong expectation: the base form counts, the PR form is shown passing', async () => {
    // On the base, t1-39 expects a label the agent rightly never answers.
    const bogus = t1Tasks(40, 3).map((t) => (t.id === 't1-39' ? { ...t, expected: 'refund_denied' } : t))
    pr = await openPullRequest((c) => c.write({ [TASKS_FILE]: taskYaml(t1Tasks(40, 3)) }), {
      base: { [TASKS_FILE]: taskYaml(bogus) }
    })
    const { comment, report } = await expectGateFails(pr, BASE_FAILURE)
    expect(report.tasks.find((t) => t.id === 't1-39')?.status).toBe('fail')
    expect(report.totals).toMatchObject({ tasks: 40, passed: 36 })
    expect(report.gate_changes?.tasks.changed).toEqual([
      {
        workflow: 'wf',
        id: 't1-39',
        fields: ['expected'],
        diff: ['expected.label: "refund_denied" -> "ok"'],
        pr_form: { status: 'pass', reasons: [] }
      }
    ])
    expect(comment).toContain('- `t1-39` (expected) — PR form: **pass**')
    expect(comment).toContain('expected.label: "refund_denied" -> "ok"')
  })
})

describe('the first PR, which adds evalgate', () => {
  it("the base has no thresholds.yml: the PR's rules apply and the comment says so; its own approvers cannot override", async () => {
    // The base has the agent and a README; the PR adds thresholds.yml and the golden tasks.
    const added = Object.fromEntries(Object.entries(baseFiles()).filter(([f]) => !/^(agent|README)/.test(f)))
    pr = await openPullRequest((c) => c.write(added), {
      base: Object.fromEntries(Object.keys(added).map((f) => [f, null]))
    })
    expect(git(pr.dir, ['ls-tree', '-r', '--name-only', pr.base]).split('\n')).toEqual([
      'README.md',
      'agent/agent.mjs',
      'agent/lib.mjs'
    ])

    const { comment, report } = await expectGateFails(pr, BASE_FAILURE)
    expect(report.gate_changes).toMatchObject({ first_run: true, workflows: { added: ['wf'] } })
    expect(report.gate_changes?.tasks.added).toHaveLength(40)
    expect(comment).toContain(
      `The base \`${pr.base.slice(0, 7)}\` has no thresholds file: this PR adds the gate, so its own rules apply`
    )

    // `lead` is an approver only in the PR's own thresholds.yml.
    const refused = await pr.comment(`/evalgate override ${pr.head} ship it`, APPROVER)
    expect(refused.outputs.decision).toBe('refused')
    expect(refused.stdout).toMatch(/has no thresholds\.yml, so no override rules are in force/)
    const rerun = await pr.gate()
    expect(rerun.outputs.decision).toBe('fail')
    expect(rerun.stdout).toMatch(new RegExp(`override comment \\d+ by @${APPROVER} does not count`))
    expect(pr.gh.latestStatus(pr.head)?.state).toBe('failure')
  })
})

describe('a checkout without the base commit (actions/checkout fetch-depth 1)', () => {
  /** The workspace keeps the PR head's files; GitHub's copy (a bare clone) has the base. */
  const layouts: [string, (dir: string) => string][] = [
    ['no .git at all', (dir) => checkoutWithoutBase(dir)],
    [
      'a shallow clone of the head',
      (dir) => {
        const origin = bareClone(dir)
        const shallow = writeProject({})
        git(shallow, ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, 'head'])
        rmSync(join(dir, '.git'), { recursive: true, force: true })
        renameSync(join(shallow, 'head', '.git'), join(dir, '.git'))
        return origin
      }
    ]
  ]

  it.each(layouts)('row 1 again with %s: the base is read through the API, failure', async (_name, layout) => {
    pr = await openPullRequest((c) => c.write({ 'thresholds.yml': THRESHOLDS.replace('0.92', '0.50') }))
    pr.gh.state.repoDir = layout(pr.dir)
    expect(() => git(pr!.dir, ['cat-file', '-e', `${pr!.base}^{commit}`])).toThrow()
    expect(await ownRulesDecision(pr.dir)).toEqual({ code: 0, decision: 'pass' })

    const { comment, report } = await expectGateFails(pr, BASE_FAILURE)
    expect(report.gate_changes).toMatchObject({
      base: { sha: pr.base, via: 'the GitHub API' },
      thresholds: [{ rule: 'tiers.T1.min_success', base: 0.92, pr: 0.5, applied: 'base' }]
    })
    expect(pr.gh.requests.some((r) => r.path === `/repos/acme/shop/git/trees/${pr!.base}`)).toBe(true)
    expect(comment).toContain(`Judged as on base \`${pr.base.slice(0, 7)}\` (read through the GitHub API)`)
    expect(comment).toContain("- `tiers.T1.min_success`: 0.92 -> 0.5 — the base's applies")
  })
})
