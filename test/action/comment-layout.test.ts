// Issue 12, item 5: the PR comment reads in ten seconds. Its first line is the outcome as it
// stands (an override included), the tier table and the links follow, and everything else is
// folded, so that the collapsed comment fits one screen.
import { describe, expect, it } from '@jest/globals'
import { parseComment } from '../../src/action/comment-body.js'
import { verdictComment } from '../../src/action/comment-update.js'
import { emptyState } from '../../src/action/pr-comment.js'
import { verdictOf } from '../../src/action/verdict.js'
import type { Report, TaskResult } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { OUTPUTS, type OutputPaths } from '../../src/report/outputs.js'
import { renderSummary } from '../../src/report/summary.js'
import { CONTEXT, failReport, HEAD, RUN_URL } from '../golden/canonical-reports.js'
import { goldenFiles } from '../golden/golden-files.js'
import { gate, task, tier } from '../gate/make.js'
import { collapsedView, shownLines } from './collapsed.js'

const files = goldenFiles()
const PATHS = Object.fromEntries(OUTPUTS.map((o) => [o.name, `evalgate-report/${o.file}`])) as OutputPaths
const target = { context: CONTEXT, sha: HEAD, runUrl: RUN_URL, artifactName: 'nightly-evals' }

function commentOf(report: Report): string {
  return verdictComment(emptyState(), target, verdictOf({ kind: 'report', report, paths: PATHS }), undefined)
}

function firstShownLine(body: string): string {
  return shownLines(collapsedView(body))[0]
}

describe('the PR comment, first line', () => {
  it.each([
    ['fail', '❌ **evalgate: T2 75.4% < 80%**'],
    ['overridden', '✅ **evalgate: overridden by @\u200blead-reviewer for c0ffee1**'],
    ['pass', '✅ **evalgate: pass — T1 100.0% ≥ 92%, T2 100.0% ≥ 80%**'],
    ['error', '⚠️ **evalgate: error — error rate 12.5% > 10%, 1 task not run**'],
    ['no-changes', '✅ **evalgate: no agent changes as of deadbee**']
  ])('%s: the outcome as it stands', (name, line) => {
    const body = files[`${name}/comment.md`]
    expect(firstShownLine(body)).toBe(line)
    // The line right after the marker and the state, as GitHub shows it first.
    expect(body.split('\n')[2]).toBe(line)
  })

  it('after an override nothing above the fold says the gate failed', () => {
    const shown = collapsedView(files['overridden/comment.md'])
    expect(shown).not.toMatch(/❌|FAIL/)
    expect(shown).toContain('T2 drop is the new voucher task; tracked in #123')
    expect(shown).toContain('`/evalgate override cancel c0ffee1`')
  })
})

describe('collapsed, the canonical fail comment fits one screen', () => {
  const body = files['fail/comment.md']
  const shown = collapsedView(body)

  it('at most 20 lines and 1,500 characters outside <details>', () => {
    expect(shownLines(shown).length).toBeLessThanOrEqual(20)
    expect(shown.length).toBeLessThanOrEqual(1500)
  })

  it('in this order: outcome, tier table, totals, links, then the folds', () => {
    expect(shownLines(shown)).toEqual([
      '❌ **evalgate: T2 75.4% < 80%**',
      '| Tier | Passed | Rate | 95% CI | Threshold | Attempts | Decision | Verdict |',
      '|---|---|---|---|---|---|---|---|',
      expect.stringMatching(/^\| T1 \| 38\/39/),
      expect.stringMatching(/^\| T2 \| 14\/19 .* \*\*fail\*\* \|$/),
      '58 tasks: 52 passed, 6 failed · 62 attempts · $0.58 · 5.8s',
      `[Workflow run](${RUN_URL}) · [Report artifact: evalgate-report](${RUN_URL}#artifacts)`,
      'Failed tasks (4) · top causes: wrong label (4), forbidden action (1), missing action (1)',
      'Flaky tasks (2) · mixed outcomes',
      'Changes to the gate in this PR · 1 threshold rule changed, 1 golden task added, 1 golden task changed, 1 permission change',
      'How the gate decided · ⚠️ 2 tiers too small to judge closely',
      'Override this failure · approvers, this commit only'
    ])
  })

  it('folded, every failure keeps a one-line reason and the override command is exact', () => {
    expect(body).toContain('- t2-chargeback (T2, high risk): called issue_refund, which this task forbids')
    expect(body).toContain(`/evalgate override ${HEAD} <reason>`)
  })

  it('is shorter than the comment it replaces (3,778 characters)', () => {
    expect(body.length).toBeLessThan(3400)
  })
})

/** A report like the bundled example's: 210 tasks, 30 failing every one of 2 attempts with long reasons. */
function exampleLikeReport(): Report {
  const reasons = (i: number) => [
    'passed 0 of 2 attempts',
    `attempt 1/2: expected label "refund_approved" but agent answered "store_credit_offered" for order ORD-${i}`,
    `attempt 1/2: expected issue_refund(amount=${i}.98, currency="USD", order_id="ORD-${i}") but agent never called issue_refund`,
    `attempt 1/2: result.refund_amount: expected ${i}.98 but got ${i + 1}; ${'and more detail '.repeat(8)}`
  ]
  const failing = (name: 'T1' | 'T2' | 'T3', n: number, from: number): TaskResult[] =>
    Array.from({ length: n }, (_, i) =>
      task(`${name.toLowerCase()}-failing-${String(from + i).padStart(3, '0')}`, {
        tier: name,
        risk: i % 3 === 0 ? 'high' : 'medium',
        status: 'fail',
        causes: ['wrong_label', 'missing_action', 'wrong_result'],
        reasons: reasons(from + i),
        attempts: { total: 2, passed: 0 }
      })
    )
  const tasks = [
    ...tier('T1', 57, 0),
    ...failing('T1', 3, 0),
    ...tier('T2', 70, 0),
    ...failing('T2', 20, 3),
    ...tier('T3', 53, 0),
    ...failing('T3', 7, 23)
  ]
  const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: tasks.length }]
  return reportOf({ tasks, gate: gate(), workflows, createdAt: new Date('2025-03-10T09:00:00Z'), commit: HEAD })
}

describe('a report with many failures', () => {
  const report = exampleLikeReport()
  const body = commentOf(report)

  it('shows the top ten failures with one-line reasons and says how many more', () => {
    const items = body.split('\n').filter((l) => /^- t\d-failing-/.test(l))
    expect(items).toHaveLength(10)
    // T1 and high risk first; the reason in the task's own words, not the attempts count.
    expect(items[0]).toBe(
      '- t1-failing-000 (T1, high risk, 0/2 attempts passed): expected label "refund_approved" but agent answered "store_credit_offered" for order ORD-0 (+2 more)'
    )
    for (const item of items) expect(item.length).toBeLessThanOrEqual(260)
    expect(body).toContain('…and 20 more: the job summary and the report artifact list them all.')
  })

  it('is far shorter than the job summary, and still fits one screen collapsed', () => {
    const summary = renderSummary(report)
    expect(body.length).toBeLessThan(summary.length * 0.5)
    const shown = collapsedView(body)
    expect(shownLines(shown).length).toBeLessThanOrEqual(20)
    expect(shown.length).toBeLessThanOrEqual(1500)
  })

  it('links the artifact by the name the workflow uploads it as', () => {
    expect(body).toContain(`[Report artifact: nightly-evals](${RUN_URL}#artifacts)`)
  })
})

describe('with a baseline', () => {
  const tasks = tier('T1', 23, 2)
  const baseline = {
    file: 'main.json',
    tiers: [{ workflow: 'refunds', tier: 'T1' as const, success_rate: 0.95 }],
    statuses: { 'refunds/t1-f0': 'pass', 'refunds/t1-p0': 'fail' }
  }
  const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: tasks.length }]
  const body = commentOf(reportOf({ tasks, gate: gate(), workflows, repeat: 1, baseline }))

  it('shows the change against the base in the tier table, and the regressions first among the folds', () => {
    const shown = shownLines(collapsedView(body))
    expect(shown).toContain(
      '| T1 | 23/25 | 92.0% (−3.0 pts) | 75.0–97.8% | ≥ 92% | 1 | undecided after 1 | 95.0% | ok |'
    )
    const folds = shown.filter((l) => !l.startsWith('|') && !l.startsWith('['))
    expect(folds[2]).toBe('Regressions against the baseline (1) · 1 fixed · 0 flaky')
    expect(folds[3]).toMatch(/^Failed tasks \(2\)/)
    expect(body).toContain('- t1-f0 (T1): t1-f0 went wrong')
  })
})

describe('the state the override checks read', () => {
  it('is unchanged by the new layout; the outcome line is kept beside it', () => {
    const parsed = parseComment(files['fail/comment.md'], CONTEXT)!
    expect(parsed.state).toEqual({ v: 1, head: HEAD, overrides: [], failed: ['T2'] })
    expect(parsed.outcome).toBe('❌ **evalgate: T2 75.4% < 80%**')
    expect(parsed.result.startsWith('| Tier |')).toBe(true)
  })

  it('of the canonical fail report has the same fields as before', () => {
    expect(Object.keys(parseComment(commentOf(failReport), CONTEXT)!.state).sort()).toEqual([
      'failed',
      'head',
      'overrides',
      'v'
    ])
  })
})
