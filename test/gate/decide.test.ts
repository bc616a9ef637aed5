import { describe, expect, it } from '@jest/globals'
import { decideGate } from '../../src/gate/decide.js'
import type { BaselineSnapshot } from '../../src/gate/decide.js'
import { gate, task, tier } from './make.js'

describe('decideGate: thresholds', () => {
  it('passes and fails tiers against their thresholds, decisive line first', () => {
    const result = decideGate({ tasks: [...tier('T2', 38, 12), ...tier('T1', 78, 4)], gate: gate() })
    expect(result.decision).toBe('fail')
    expect(result.reasons).toEqual([
      'T2: 76.0% (38/50) < 80% required — fail',
      'T1: 95.1% (78/82) >= 92% required — ok'
    ])
    expect(result.tiers.map((t) => [t.tier, t.total, t.passed, t.failed, t.gated, t.ok])).toEqual([
      ['T1', 82, 78, 4, true, true],
      ['T2', 50, 38, 12, true, false]
    ])
    const t1 = result.tiers[0]
    expect(t1.success_rate).toBeCloseTo(78 / 82, 10)
    expect(t1.ci_low).toBeCloseTo(0.88119, 4)
    expect(t1.ci_high).toBeCloseTo(0.98087, 4)
    expect(t1.threshold).toBe(0.92)
    expect(t1.min_tasks).toBeNull()
  })

  it('passes a tier exactly at its threshold', () => {
    const result = decideGate({ tasks: tier('T1', 23, 2), gate: gate() })
    expect(result.tiers[0].success_rate).toBe(0.92)
    expect(result.decision).toBe('pass')
    expect(result.reasons).toEqual(['T1: 92.0% (23/25) >= 92% required — ok'])
  })

  it('counts errored and not-run tasks as not passed', () => {
    const tasks = [...tier('T1', 9, 0), task('e', { status: 'error' })]
    const summary = decideGate({ tasks, gate: gate({ max_error_rate: 0.5 }) }).tiers[0]
    expect(summary).toMatchObject({
      total: 10,
      passed: 9,
      failed: 0,
      errored: 1,
      not_run: 0,
      success_rate: 0.9,
      ok: false
    })
  })

  it('fails a tier with fewer tasks than min_tasks', () => {
    const rules = { tiers: { T2: { min_success: 0.8, min_tasks: 20 } }, max_drop: {} }
    const result = decideGate({ tasks: tier('T2', 8, 0), gate: gate({ rules }) })
    expect(result.decision).toBe('fail')
    expect(result.reasons).toEqual(['T2: only 8 tasks, fewer than min_tasks 20 — fail'])
    expect(result.tiers[0].min_tasks).toBe(20)
  })

  it('reports a tier without a threshold and does not gate it', () => {
    const result = decideGate({ tasks: [...tier('T1', 10, 0), ...tier('T3', 2, 10)], gate: gate() })
    expect(result.decision).toBe('pass')
    expect(result.tiers[1]).toMatchObject({ tier: 'T3', gated: false, ok: true, threshold: null })
    expect(result.reasons).toContain('T3: 12 tasks, not gated (no threshold)')
  })

  it('fails when no tier is gated at all', () => {
    const result = decideGate({ tasks: tier('T3', 12, 0), gate: gate() })
    expect(result.decision).toBe('fail')
    expect(result.reasons[0]).toBe('no tier is gated: add tiers to thresholds.yml')
    expect(result.reasons).toContain('T3: 12 tasks, not gated (no threshold)')
  })

  it('fails with no tasks at all', () => {
    expect(decideGate({ tasks: [], gate: gate() }).decision).toBe('fail')
  })

  it('uses a workflow override before the repository rule', () => {
    const overrides = { refunds: { tiers: { T1: { min_success: 0.5 } } } }
    const tasks = [...tier('T1', 6, 4, { workflow: 'refunds' }), ...tier('T1', 6, 4, { workflow: 'billing' })]
    const result = decideGate({ tasks, gate: gate({ workflows: overrides }) })
    expect(result.tiers.map((t) => [t.workflow, t.threshold, t.ok])).toEqual([
      ['billing', 0.92, false],
      ['refunds', 0.5, true]
    ])
    expect(result.decision).toBe('fail')
    expect(result.reasons).toEqual([
      'billing T1: 60.0% (6/10) < 92% required — fail',
      'refunds T1: 60.0% (6/10) >= 50% required — ok'
    ])
  })
})

describe('decideGate: errors', () => {
  it('decides error when the error rate is over max_error_rate', () => {
    const tasks = [...tier('T1', 44, 6, { failStatus: 'error' })]
    const result = decideGate({ tasks, gate: gate() })
    expect(result.decision).toBe('error')
    expect(result.reasons[0]).toBe('error rate 12.0% (6/50 tasks errored) exceeds max_error_rate 10% — decision error')
  })

  it('accepts an error rate equal to max_error_rate', () => {
    const tasks = [...tier('T1', 45, 5, { failStatus: 'error' })]
    const result = decideGate({ tasks, gate: gate({ rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: {} } }) })
    expect(result.decision).toBe('pass')
    expect(result.reasons).toContain('5 tasks errored (10.0%), within max_error_rate 10%')
  })

  it('decides error when any task was not run, whatever the rates', () => {
    const tasks = [...tier('T1', 100, 0), ...tier('T2', 0, 3, { failStatus: 'not_run' })]
    const noT2 = gate({ rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: {} } })
    const result = decideGate({ tasks, gate: noT2 })
    expect(result.decision).toBe('error')
    expect(result.reasons[0]).toBe('3 tasks were not run — decision error')
    expect(result.tiers[1]).toMatchObject({ not_run: 3, total: 3 })
  })

  it('leaves not-run tasks out of the error rate', () => {
    const tasks = [...tier('T1', 9, 1, { failStatus: 'error' }), task('n', { status: 'not_run' })]
    const result = decideGate({ tasks, gate: gate({ max_error_rate: 0.1 }) })
    expect(result.reasons).not.toContainEqual(expect.stringContaining('error rate'))
    expect(result.reasons[0]).toBe('1 task was not run — decision error')
  })

  it('says why tasks were not run (a cost cap stopped the run)', () => {
    const stopped = task('n', {
      status: 'not_run',
      reasons: ['not run: max_cost_usd 5 USD reached after spending 5.0100 USD']
    })
    const result = decideGate({ tasks: [...tier('T1', 9, 0), stopped], gate: gate() })
    expect(result.decision).toBe('error')
    expect(result.reasons[0]).toBe(
      '1 task was not run (max_cost_usd 5 USD reached after spending 5.0100 USD) — decision error'
    )
  })
})

describe('decideGate: baseline', () => {
  const withDrop = (maxDrop: number) =>
    gate({ rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: { T1: maxDrop } } })
  const baselineAt = (rate: number, statuses: Record<string, string> = {}): BaselineSnapshot => ({
    file: 'main/report.json',
    tiers: [{ workflow: 'refunds', tier: 'T1', success_rate: rate }],
    statuses
  })

  // Issue 9: the drop is paired per task and must be significant (exact McNemar) as well as larger.
  const statusesOf = (passedOnBase: string[]) =>
    Object.fromEntries(
      tier('T1', 93, 7).map((t) => [
        `refunds/${t.id}`,
        t.status === 'pass' || passedOnBase.includes(t.id) ? 'pass' : 'fail'
      ])
    )

  it('fails a tier whose paired drop is larger than max_drop and significant', () => {
    const statuses = statusesOf(['t1-f0', 't1-f1', 't1-f2', 't1-f3', 't1-f4'])
    const result = decideGate({ tasks: tier('T1', 93, 7), gate: withDrop(0.02), baseline: baselineAt(0.98, statuses) })
    expect(result.decision).toBe('fail')
    expect(result.reasons[0]).toBe(
      'T1: dropped 5.0 points from the baseline on 100 paired tasks (5 regressed, 0 fixed; McNemar p = 0.031), more than max_drop 2.0 — fail'
    )
    expect(result.tiers[0]).toMatchObject({ baseline_rate: 0.98, max_drop: 0.02, ok: false })
    expect(result.tiers[0].paired).toMatchObject({ common: 100, regressed: 5, fixed: 0, significant: true })
  })

  it('lets a larger drop through when it is not significant, and says so', () => {
    const statuses = statusesOf(['t1-f0', 't1-f1', 't1-f2', 't1-f3'])
    const result = decideGate({ tasks: tier('T1', 93, 7), gate: withDrop(0.02), baseline: baselineAt(0.97, statuses) })
    expect(result.decision).toBe('pass')
    expect(result.reasons).toContain(
      'T1: dropped 4.0 points on 100 paired tasks (4 regressed, 0 fixed; McNemar p = 0.063), more than max_drop 2.0 but not significant at 95% confidence — ok'
    )
  })

  it('accepts a drop within max_drop, and one exactly at it', () => {
    const within = decideGate({ tasks: tier('T1', 93, 7), gate: withDrop(0.02), baseline: baselineAt(0.94) })
    expect(within.decision).toBe('pass')
    expect(within.reasons[0]).toBe(
      'T1: 93.0% (93/100) >= 90% required, baseline 94.0% (−1.0 points, max_drop 2.0) — ok'
    )
    const exactly = decideGate({ tasks: tier('T1', 93, 7), gate: withDrop(0.02), baseline: baselineAt(0.95) })
    expect(exactly.decision).toBe('pass')
  })

  it('takes max_drop from the workflow override', () => {
    const rules = gate({
      rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: { T1: 0.02 } },
      workflows: { refunds: { max_drop: { T1: 0.05 } } }
    })
    const statuses = statusesOf(['t1-f0', 't1-f1', 't1-f2', 't1-f3', 't1-f4'])
    const result = decideGate({ tasks: tier('T1', 93, 7), gate: rules, baseline: baselineAt(0.98, statuses) })
    expect(result.decision).toBe('pass')
    expect(result.tiers[0].max_drop).toBe(0.05)
  })

  it('does not check the drop without max_drop, nor for a tier the baseline lacks', () => {
    const noDrop = decideGate({
      tasks: tier('T1', 93, 7),
      gate: gate({ rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: {} } }),
      baseline: baselineAt(1)
    })
    expect(noDrop.decision).toBe('pass')
    expect(noDrop.tiers[0]).toMatchObject({ baseline_rate: 1, max_drop: null })
    const missing = decideGate({
      tasks: tier('T1', 93, 7),
      gate: withDrop(0.02),
      baseline: { ...baselineAt(1), tiers: [] }
    })
    expect(missing.decision).toBe('pass')
    expect(missing.tiers[0].baseline_rate).toBeNull()
  })

  it('lists regressions and fixed tasks', () => {
    const tasks = [
      task('a', { status: 'fail' }),
      task('b', { status: 'pass' }),
      task('c', { status: 'error' }),
      task('d'),
      task('new', { status: 'fail' })
    ]
    const statuses = { 'refunds/a': 'pass', 'refunds/b': 'fail', 'refunds/c': 'pass', 'refunds/d': 'pass' }
    const result = decideGate({ tasks, gate: withDrop(0.5), baseline: baselineAt(0.75, statuses) })
    expect(result.baseline).toEqual({
      file: 'main/report.json',
      regressions: ['a', 'c'],
      fixed: ['b'],
      flaky: [],
      high_risk_regressions: [],
      tiers: [{ workflow: 'refunds', tier: 'T1', success_rate: 0.75 }],
      statuses
    })
    expect(result.reasons).toContain('2 regressions against the baseline (passed there, fail now)')
  })

  it('names tasks with their workflow when there are several workflows', () => {
    const tasks = [task('a', { status: 'fail' }), task('a', { workflow: 'billing', status: 'pass' })]
    const statuses = { 'refunds/a': 'pass', 'billing/a': 'error' }
    const result = decideGate({ tasks, gate: gate(), baseline: { file: 'b.json', tiers: [], statuses } })
    expect(result.baseline?.regressions).toEqual(['refunds/a'])
    expect(result.baseline?.fixed).toEqual(['billing/a'])
  })
})

describe('decideGate: tier figures', () => {
  it('orders tiers by workflow then T1..T3', () => {
    const tasks = [
      ...tier('T3', 1, 0, { workflow: 'b' }),
      ...tier('T1', 1, 0, { workflow: 'b' }),
      ...tier('T2', 1, 0, { workflow: 'a' })
    ]
    expect(decideGate({ tasks, gate: gate() }).tiers.map((t) => `${t.workflow}/${t.tier}`)).toEqual([
      'a/T2',
      'b/T1',
      'b/T3'
    ])
  })

  it('sums attempts and known costs', () => {
    const tasks = [
      task('a', { attempts: { total: 3, passed: 3 }, cost_usd: 0.5 }),
      task('b', { status: 'fail', attempts: { total: 3, passed: 1 }, cost_usd: null })
    ]
    const summary = decideGate({ tasks, gate: gate() }).tiers[0]
    expect(summary.attempt_success_rate).toBeCloseTo(4 / 6, 10)
    expect(summary.cost_usd).toBe(0.5)
    const unknown = decideGate({ tasks: [task('a', { cost_usd: null })], gate: gate() }).tiers[0]
    expect(unknown.cost_usd).toBeNull()
  })
})
