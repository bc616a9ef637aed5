import { describe, expect, it } from '@jest/globals'
import { reportOf } from '../helpers/report-of.js'
import { renderSummary } from '../../src/report/summary.js'
import { renderTierTable } from '../../src/report/table.js'
import type { TaskResult } from '../../src/model/types.js'
import { gate, task, tier } from '../gate/make.js'

const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 0 }]
const report = (tasks: TaskResult[], extra: Partial<Parameters<typeof reportOf>[0]> = {}) =>
  reportOf({ tasks, gate: gate(), workflows, repeat: 1, ...extra })

describe('renderSummary', () => {
  it('starts with the verdict and the tier table', () => {
    const md = renderSummary(report([...tier('T1', 78, 4), ...tier('T2', 38, 12), ...tier('T3', 5, 0)]))
    const lines = md.split('\n')
    expect(lines[0]).toBe('**evalgate: FAIL** — T2 76.0% < 80%')
    expect(md).toContain('| Tier | Passed | Rate | 95% CI | Threshold | Attempts | Decision | Verdict |')
    expect(md).toContain('| T1 | 78/82 | 95.1% | 88.1–98.1% | ≥ 92% | 1 | decided (95%) | ok |')
    expect(md).toContain('| T2 | 38/50 | 76.0% | 62.6–85.7% | ≥ 80% | 1 | undecided after 1 | **fail** |')
    expect(md).toContain('| T3 | 5/5 | 100.0% | 56.6–100.0% | — | 1 | — | not gated |')
    expect(md).toContain('- T2: 76.0% (38/50) < 80% required — fail')
    expect(md).toContain('### Failed tasks (16)')
    expect(md).not.toContain('| Workflow |')
    expect(md).not.toContain('Baseline')
  })

  it('names the passing tiers on a pass', () => {
    const md = renderSummary(report([...tier('T1', 10, 0), ...tier('T2', 9, 0)]))
    expect(md.split('\n')[0]).toBe('**evalgate: PASS** — T1 100.0% ≥ 92%, T2 100.0% ≥ 80%')
    expect(md).not.toContain('Failed tasks')
  })

  it('keeps the headline short when many tiers fail', () => {
    const tasks = ['a', 'b', 'c', 'd', 'e'].flatMap((workflow) => tier('T1', 0, 1, { workflow }))
    expect(renderSummary(report(tasks)).split('\n')[0]).toBe(
      '**evalgate: FAIL** — a T1 0.0% < 92%, b T1 0.0% < 92%, c T1 0.0% < 92% and 2 more'
    )
  })

  it('says what decided an error', () => {
    const md = renderSummary(report([...tier('T1', 10, 0), task('n', { status: 'not_run' })]))
    expect(md.split('\n')[0]).toBe('**evalgate: ERROR** — 1 task not run')
  })

  it('adds a workflow column when there are several workflows', () => {
    const md = renderSummary(report([...tier('T1', 2, 0, { workflow: 'a' }), ...tier('T1', 1, 1, { workflow: 'b' })]))
    expect(md).toContain('| Workflow | Tier | Passed |')
    expect(md).toContain('| b | T1 | 1/2 |')
    expect(md).toContain('| b/b-t1-f0 | T1 | low | fail |')
  })

  it('shows the baseline column and the regressions', () => {
    const baseline = {
      file: 'main.json',
      tiers: [{ workflow: 'refunds', tier: 'T1' as const, success_rate: 0.95 }],
      statuses: { 'refunds/t1-f0': 'pass', 'refunds/t1-p0': 'fail' }
    }
    const md = renderSummary(report(tier('T1', 23, 2), { baseline }))
    expect(md).toContain('| Tier | Passed | Rate | 95% CI | Threshold | Attempts | Decision | Baseline | Verdict |')
    expect(md).toContain('| T1 | 23/25 | 92.0% (−3.0 pts) | 75.0–97.8% | ≥ 92% | 1 | undecided after 1 | 95.0% | ok |')
    expect(md).toContain(
      '**Regressions (1)** — passed every attempt in the baseline, fail every attempt now:\n\n- t1-f0 (T1): t1-f0 went wrong'
    )
    expect(md).toContain(
      '**Fixed (1)** — failed every attempt in the baseline, pass every attempt now:\n\n- t1-p0 (T1)\n'
    )
  })

  it('warns on top when the baseline has no result for some tiers of the run', () => {
    const baseline = {
      file: 'main.json',
      tiers: [{ workflow: 'refunds', tier: 'T1' as const, success_rate: 0.95 }],
      statuses: {}
    }
    const lines = renderSummary(report([...tier('T1', 3, 0), ...tier('T2', 2, 0)], { baseline })).split('\n')
    expect(lines[2]).toBe(
      '> **Warning:** the baseline main.json has no result for T2: that tier is not compared with it (no paired comparison, no `max_drop`).'
    )
    expect(renderSummary(report(tier('T1', 3, 0), { baseline }))).not.toContain('Warning')
  })

  it('shows the change of every tier against the baseline, and the drop it may not exceed', () => {
    const baseline = {
      file: 'main.json',
      tiers: [
        { workflow: 'refunds', tier: 'T1' as const, success_rate: 0.9 },
        { workflow: 'refunds', tier: 'T2' as const, success_rate: 0.9 }
      ],
      statuses: {}
    }
    const md = renderSummary(
      report([...tier('T1', 19, 1), ...tier('T2', 17, 3), ...tier('T3', 1, 0)], {
        baseline,
        gate: gate({ rules: { tiers: { T1: { min_success: 0.9 }, T2: { min_success: 0.8 } }, max_drop: { T2: 0.02 } } })
      })
    )
    expect(md).toContain('| T1 | 19/20 | 95.0% (+5.0 pts) | 76.4–99.1% | ≥ 90% | 1 | undecided after 1 | 90.0% | ok |')
    // Issue 9: the drop is judged per task and must be significant; without per-task results it is not.
    expect(md).toContain(
      '| T2 | 17/20 | 85.0% (−5.0 pts) | 64.0–94.8% | ≥ 80% | 1 | undecided after 1 | 90.0%, max drop 2.0 pts | ok |'
    )
    expect(md).toContain('| T3 | 1/1 | 100.0% | 20.7–100.0% | — | 1 | — | — | not gated |')
    expect(md).toContain('**Regressions:** none')
    expect(md).toContain('**Fixed:** none')
  })

  it('names the workflow of a flipped task when there are several', () => {
    const baseline = {
      file: 'main.json',
      tiers: [],
      statuses: { 'a/a-t1-f0': 'pass', 'b/b-t1-p0': 'error' }
    }
    const md = renderSummary(
      report([...tier('T1', 1, 1, { workflow: 'a' }), ...tier('T1', 1, 0, { workflow: 'b' })], { baseline })
    )
    expect(md).toContain('- a/a-t1-f0 (T1): a-t1-f0 went wrong')
    expect(md).toContain('- b/b-t1-p0 (T1)\n')
  })

  it('puts the top failure modes right after the tier table, before the failed-task table', () => {
    const failing = (id: string, causes: string[], extra = {}) => task(id, { status: 'fail', causes, ...extra })
    const md = renderSummary(
      report([
        ...tier('T1', 10, 0),
        failing('a', ['missing_action', 'wrong_label']),
        failing('b', ['missing_action']),
        failing('c', ['missing_action']),
        failing('d', ['missing_action'], { tier: 'T2' }),
        failing('e', ['guardrail_violation', 'wrong_label'], { risk: 'high' }),
        failing('f', ['wrong_result']),
        failing('g', ['forbidden_action']),
        task('h', { status: 'error', causes: ['timeout'] })
      ])
    )
    const tierTable = md.indexOf('| Tier | Passed |')
    const modes = md.indexOf('### Top failure modes')
    const reasons = md.indexOf('\n- T1: ')
    const failedTable = md.indexOf('### Failed tasks (8)')
    expect(tierTable).toBeGreaterThan(0)
    expect(modes).toBeGreaterThan(tierTable)
    expect(reasons).toBeGreaterThan(modes)
    expect(failedTable).toBeGreaterThan(reasons)
    expect(md).toContain(
      '### Top failure modes\n\n' +
        '1. **missing action** — 4 tasks: a, b, c and 1 more\n' +
        '2. **wrong label** — 2 tasks: e, a\n' +
        '3. **forbidden action** — 1 task: g\n\n' +
        'Also: guardrail violation (1), agent timed out (1), wrong result (1).\n\n' +
        '8 tasks did not pass; a task with several causes counts under each.'
    )
  })

  it('groups the failures of a report written before failure_modes existed', () => {
    const older = report([task('a', { status: 'fail', causes: ['wrong_label'] })])
    delete older.failure_modes
    expect(renderSummary(older)).toContain('1. **wrong label** — 1 task: a')
  })

  it('has no failure modes section when every task passed', () => {
    expect(renderSummary(report(tier('T1', 10, 0)))).not.toContain('failure modes')
  })

  it('leaves out the "Also" line and the note when they would say nothing', () => {
    const md = renderSummary(report([task('a', { status: 'fail', causes: ['wrong_label'] })]))
    expect(md).toContain('### Top failure modes\n\n1. **wrong label** — 1 task: a\n\n- T1:')
  })

  it('escapes | and newlines and truncates long reasons', () => {
    const long = 'x'.repeat(400)
    const md = renderSummary(
      report([task('pipe|id', { status: 'fail', reasons: ['a | b', 'line one\nline two', long] })])
    )
    const row = md.split('\n').find((l) => l.startsWith('| pipe'))!
    expect(row).toContain('pipe\\|id')
    expect(row).toContain('a \\| b; line one line two; xxx')
    const reasonsCell = row.split(' | ').at(-1)!.replace(/ \|$/, '')
    expect(reasonsCell.length).toBeLessThanOrEqual(302)
    expect(reasonsCell.endsWith('…')).toBe(true)
  })

  it('cuts the failed-task table at maxFailed', () => {
    const md = renderSummary(report(tier('T1', 0, 60)))
    expect(md.split('\n').filter((l) => l.startsWith('| t1-f')).length).toBe(50)
    expect(md).toContain('…and 10 more (see report.json)')
    const short = renderSummary(report(tier('T1', 0, 60)), { maxFailed: 5 })
    expect(short).toContain('…and 55 more (see report.json)')
  })

  it('lists the most important failures first', () => {
    const tasks = [
      task('t3-low', { tier: 'T3', status: 'fail' }),
      task('t1-low', { status: 'fail' }),
      task('t1-high', { status: 'fail', risk: 'high' })
    ]
    const md = renderSummary(report(tasks), { maxFailed: 2 })
    expect(md).toMatch(/\| t1-high .*\n\| t1-low /)
    expect(md).not.toContain('| t3-low')
  })

  it('shows totals, unknown cost and repeat', () => {
    const tasks = [
      task('a', { cost_usd: null, attempts: { total: 3, passed: 3 } }),
      task('b', { status: 'fail', cost_usd: null, attempts: { total: 3, passed: 2 } })
    ]
    const md = renderSummary(report(tasks, { repeat: 3, costUnknownModels: ['local-llm'] }))
    expect(md).toContain('- Tasks: 2 (1 passed, 1 failed, 0 errored)')
    expect(md).toContain('- Model calls: 4 · Tool calls: 6 · Tokens: 2,000 in / 200 out')
    expect(md).toContain('- Cost: unknown (no price for local-llm) · per successful task: unknown')
    // Issue 9: with --repeat the rate is the mean pass rate (5/6), pass^k is reported beside it.
    expect(md).toContain('- Attempts: 6 in 3 rounds (--repeat 3; 4 extra, unknown)')
    expect(md).toContain('- pass^k (every one of k attempts passes): T1 pass^3 50.0%')
    expect(md).toContain('| T1 | 1/2 (1 flaky) | 83.3% |')
    expect(md).toContain('- b (T1, low risk): passed 2 of 3 attempts')
    // A flaky task is listed with the flaky tasks, not the failed ones (issue 9).
    expect(md).not.toContain('### Failed tasks')
  })

  it('shows a known cost per successful task', () => {
    const md = renderSummary(report(tier('T1', 4, 0)))
    expect(md).toContain('- Cost: $0.040 · per successful task: $0.010')
  })
})

describe('renderTierTable', () => {
  it('aligns the columns and ends with the decision', () => {
    const text = renderTierTable(report([...tier('T1', 78, 4), ...tier('T2', 38, 12)]))
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^Tier +Passed +Rate +95% CI +Threshold +Attempts +Decision +Verdict$/)
    expect(lines[1]).toMatch(/^-+ +-+/)
    expect(lines[2].indexOf('95.1%')).toBe(lines[0].indexOf('Rate'))
    expect(lines[3].indexOf('76.0%')).toBe(lines[0].indexOf('Rate'))
    expect(text).toContain('evalgate: FAIL — T2 76.0% < 80%')
    expect(text).toContain('  - T2: 76.0% (38/50) < 80% required — fail')
  })
})
