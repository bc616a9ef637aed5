// Issue 14 item 5: cost per success against budgets.max_cost_per_success_usd (per workflow and
// tier) and the gross margin against economics.min_gross_margin (per workflow), as decided.
import { describe, expect, it } from '@jest/globals'
import { decideGate, failedChecks } from '../../src/gate/decide.js'
import { costFigures, runGrossMargin } from '../../src/gate/economics.js'
import { withoutDilution } from '../../src/gate/gate-changes.js'
import type { GateChanges, Report } from '../../src/model/types.js'
import { gate, task, tier } from './make.js'

const T1_ONLY = { tiers: { T1: { min_success: 0.5 } }, max_drop: {} }

function rules(extra: Partial<Report['gate']['rules']>, workflows: Report['gate']['workflows'] = {}) {
  return gate({ rules: { ...T1_ONLY, ...extra }, workflows })
}

describe('cost per success', () => {
  it('divides the model cost by the passed attempts, cached responses at their price', () => {
    const tasks = [
      task('a', { cost_usd: 0.03, attempts: { total: 3, passed: 3 } }),
      task('b', { cost_usd: 0.01, cached_cost_usd: 0.02, attempts: { total: 3, passed: 1 }, status: 'fail' })
    ]
    expect(costFigures(tasks)).toEqual({ cost_usd: 0.06, successes: 4, unpriced: 0, per_attempt: 0.015 })
  })

  it('counts a task without a price as unpriced, the known part still summed', () => {
    const tasks = [task('a', { cost_usd: null }), task('b', { cost_usd: 0.01, cached_cost_usd: null }), task('c')]
    expect(costFigures(tasks)).toEqual({ cost_usd: 0.02, successes: 3, unpriced: 2, per_attempt: 0.02 / 3 })
  })

  it('has none without a success, and zero when nothing was spent', () => {
    expect(costFigures([task('a', { status: 'fail' })]).per_attempt).toBeNull()
    expect(costFigures([task('a', { cost_usd: 0 })]).per_attempt).toBe(0)
  })
})

describe('budgets.max_cost_per_success_usd', () => {
  it('fails a tier above its limit, naming workflow, tier, figure and limit', () => {
    const tasks = [...tier('T1', 4, 0, { cost_usd: 0.031 }), ...tier('T2', 4, 0, { cost_usd: 0.01 })]
    const decided = decideGate({ tasks, gate: rules({ max_cost_per_success_usd: { T1: 0.02, T2: 0.02 } }) })
    expect(decided.decision).toBe('fail')
    expect(decided.reasons[0]).toBe(
      'refunds T1: cost per passed attempt $0.031 > max_cost_per_success_usd $0.02 — fail'
    )
    const [t1, t2] = decided.tiers
    expect(t1).toMatchObject({
      ok: false,
      cost_per_passed_attempt_usd: 0.031,
      cost_limit: { max_usd: 0.02, outcome: 'over' }
    })
    expect(failedChecks(t1)).toEqual(['max_cost_per_success'])
    // T2 is not gated by a success rate, but its cost rule holds and it is within it.
    expect(t2).toMatchObject({ ok: true, gated: false, cost_limit: { max_usd: 0.02, outcome: 'ok' } })
    expect(decided.reasons).toContain(
      'refunds T2: cost per passed attempt $0.010 <= max_cost_per_success_usd $0.02 — ok'
    )
  })

  it('applies to a tier that is not gated by a success rate too', () => {
    const decided = decideGate({
      tasks: [...tier('T1', 2, 0, { cost_usd: 0 }), ...tier('T3', 1, 0, { cost_usd: 0.5 })],
      gate: rules({ max_cost_per_success_usd: { T3: 0.1 } })
    })
    expect(decided.decision).toBe('fail')
    expect(decided.tiers[1]).toMatchObject({ tier: 'T3', gated: false, ok: false })
    expect(decided.reasons[0]).toBe('refunds T3: cost per passed attempt $0.50 > max_cost_per_success_usd $0.1 — fail')
  })

  it('shows more digits where rounding would show the limit itself', () => {
    const decided = decideGate({
      tasks: tier('T1', 1, 0, { cost_usd: 0.02012 }),
      gate: rules({ max_cost_per_success_usd: { T1: 0.02 } })
    })
    expect(decided.reasons[0]).toBe(
      'refunds T1: cost per passed attempt $0.02012 > max_cost_per_success_usd $0.02 — fail'
    )
  })

  it('a tier with no success that spent money fails; one that spent nothing does not fail on cost', () => {
    const spent = decideGate({
      tasks: tier('T1', 0, 2, { cost_usd: 0.05 }),
      gate: rules({ max_cost_per_success_usd: { T1: 1 } })
    })
    expect(spent.tiers[0].cost_limit).toEqual({ max_usd: 1, outcome: 'nothing_passed' })
    expect(spent.reasons).toContain(
      'refunds T1: no attempt passed and $0.10 was spent, over max_cost_per_success_usd $1 — fail'
    )
    const free = decideGate({
      tasks: tier('T1', 0, 2, { cost_usd: 0 }),
      gate: rules({ max_cost_per_success_usd: { T1: 1 } })
    })
    expect(free.tiers[0].cost_limit).toEqual({ max_usd: 1, outcome: 'ok' })
    expect(failedChecks(free.tiers[0])).toEqual(['min_success'])
  })

  it('cannot be decided when a task has no price: the decision is error, not pass', () => {
    const decided = decideGate({
      tasks: [...tier('T1', 3, 0, { cost_usd: 0.001 }), task('x', { cost_usd: null })],
      gate: rules({ max_cost_per_success_usd: { T1: 0.02 } })
    })
    expect(decided.decision).toBe('error')
    expect(decided.tiers[0]).toMatchObject({ cost_limit: { outcome: 'unknown' } })
    expect(decided.reasons[0]).toBe(
      'refunds T1: cost per passed attempt unknown (1 task with a model call that has no price: add its model to thresholds.yml pricing): max_cost_per_success_usd $0.02 cannot be decided — decision error'
    )
  })

  it("takes a workflow's own limit over the repository's", () => {
    const tasks = [
      ...tier('T1', 2, 0, { cost_usd: 0.05 }),
      ...tier('T1', 2, 0, { workflow: 'billing', cost_usd: 0.05 })
    ]
    const decided = decideGate({
      tasks,
      gate: rules({ max_cost_per_success_usd: { T1: 0.01 } }, { billing: { max_cost_per_success_usd: { T1: 0.1 } } })
    })
    expect(decided.tiers.map((t) => [t.workflow, t.cost_limit])).toEqual([
      ['billing', { max_usd: 0.1, outcome: 'ok' }],
      ['refunds', { max_usd: 0.01, outcome: 'over' }]
    ])
  })

  it('does not count the extra attempts of a tier against one success', () => {
    // 3 attempts of each task, every one passed, $0.01 each: $0.01 per passed attempt, though
    // report.json's cost per passed task stays $0.03.
    const tasks = tier('T1', 4, 0, { cost_usd: 0.03, attempts: { total: 3, passed: 3 } })
    const decided = decideGate({ tasks, gate: rules({ max_cost_per_success_usd: { T1: 0.01 } }) })
    expect(decided.tiers[0].cost_per_passed_attempt_usd).toBeCloseTo(0.01, 12)
    expect(decided.tiers[0].cost_per_success_usd).toBeCloseTo(0.03, 12)
    expect(decided.decision).toBe('pass')
  })
})

describe('economics: the gross margin', () => {
  const economics = { value_per_success_usd: 1, min_gross_margin: 0.7 }

  it('fails a workflow under its minimum, with the figures', () => {
    const decided = decideGate({ tasks: tier('T1', 5, 0, { cost_usd: 0.38 }), gate: rules({ economics }) })
    expect(decided.decision).toBe('fail')
    expect(decided.reasons[0]).toBe(
      'refunds: gross margin 62.0% < min_gross_margin 70% (cost per passed attempt $0.38, value $1.00) — fail'
    )
    expect(decided.economics).toEqual([
      {
        workflow: 'refunds',
        cost_usd: expect.closeTo(1.9, 12),
        successes: 5,
        cost_per_passed_attempt_usd: expect.closeTo(0.38, 12),
        value_per_success_usd: 1,
        gross_margin: expect.closeTo(0.62, 12),
        min_gross_margin: 0.7,
        max_margin_drop: 0.05,
        ok: false
      }
    ])
    expect(decided.tiers[0].gross_margin).toBeCloseTo(0.62, 12)
    // The tier's own rules hold: the margin is the workflow's, not a tier check.
    expect(decided.tiers[0].ok).toBe(true)
  })

  it('passes at or over the minimum, and a command agent with no model cost has margin 1', () => {
    const ok = decideGate({ tasks: tier('T1', 5, 0, { cost_usd: 0.3 }), gate: rules({ economics }) })
    expect(ok.decision).toBe('pass')
    expect(ok.reasons).toContain(
      'refunds: gross margin 70.0% >= min_gross_margin 70% (cost per passed attempt $0.30, value $1.00) — ok'
    )
    const free = decideGate({
      tasks: tier('T1', 5, 0, { cost_usd: 0, model_calls: 0 }),
      gate: rules({ economics, max_cost_per_success_usd: { T1: 0 } })
    })
    expect(free.decision).toBe('pass')
    expect(free.tiers[0]).toMatchObject({
      cost_per_passed_attempt_usd: 0,
      gross_margin: 1,
      cost_limit: { outcome: 'ok' }
    })
    expect(free.economics?.[0]).toMatchObject({ cost_per_passed_attempt_usd: 0, gross_margin: 1, ok: true })
  })

  it('spans every tier of the workflow, and a workflow override replaces the minimum', () => {
    const tasks = [...tier('T1', 3, 0, { cost_usd: 0.1 }), ...tier('T2', 1, 0, { cost_usd: 0.5 })]
    const decided = decideGate({
      tasks,
      gate: rules({ economics }, { refunds: { economics: { min_gross_margin: 0.9, max_margin_drop: 0.1 } } })
    })
    // (0.3 + 0.5) / 4 = $0.20 per success: margin 80%, under the workflow's 90%.
    expect(decided.economics?.[0]).toMatchObject({
      gross_margin: expect.closeTo(0.8, 12),
      min_gross_margin: 0.9,
      max_margin_drop: 0.1,
      ok: false
    })
    expect(decided.tiers.map((t) => t.gross_margin)).toEqual([expect.closeTo(0.9, 12), expect.closeTo(0.5, 12)])
  })

  it('money spent and nothing passed fails; a cost it cannot know is error', () => {
    const none = decideGate({ tasks: tier('T1', 0, 2, { cost_usd: 0.2 }), gate: rules({ economics }) })
    expect(none.economics?.[0]).toMatchObject({ gross_margin: null, ok: false })
    expect(none.reasons).toContain(
      'refunds: no attempt passed and $0.40 was spent: no margin to meet min_gross_margin 70% — fail'
    )
    const unknown = decideGate({
      tasks: [...tier('T1', 2, 0, { cost_usd: 0.01 }), task('x', { cost_usd: null })],
      gate: rules({ economics })
    })
    expect(unknown.decision).toBe('error')
    expect(unknown.reasons[0]).toMatch(/^refunds: gross margin unknown \(1 task with a model call that has no price/)
    expect(unknown.economics?.[0]).toMatchObject({ unpriced: 1 })
  })

  it('a value without a minimum is reported, not gated, and the run margin weighs each workflow by its value', () => {
    const tasks = [...tier('T1', 2, 0, { cost_usd: 0.5 }), ...tier('T1', 2, 0, { workflow: 'billing', cost_usd: 0.5 })]
    const decided = decideGate({
      tasks,
      gate: rules({ economics: { value_per_success_usd: 1 } }, { billing: { economics: { value_per_success_usd: 3 } } })
    })
    expect(decided.decision).toBe('pass')
    expect(decided.reasons).toContain(
      'refunds: gross margin 50.0% (cost per passed attempt $0.50, value $1.00), not gated (no min_gross_margin)'
    )
    // $2 spent for 2 successes worth $1 and 2 worth $3.
    expect(runGrossMargin(decided.economics!, ['billing', 'refunds'])).toBeCloseTo(1 - 2 / 8, 12)
    expect(runGrossMargin(decided.economics!, ['billing', 'refunds', 'other'])).toBeNull()
  })

  it('is absent without a value', () => {
    const decided = decideGate({ tasks: tier('T1', 2, 0), gate: gate() })
    expect(decided.economics).toBeUndefined()
    expect(decided.tiers[0]).not.toHaveProperty('gross_margin')
    expect(decided.tiers[0]).not.toHaveProperty('cost_limit')
    expect(decided.tiers[0]).not.toHaveProperty('cost_per_passed_attempt_usd')
  })

  it('tasks a PR adds cannot lift the margin', () => {
    const expensive = tier('T1', 4, 0, { cost_usd: 0.5 })
    const cheap = Array.from({ length: 20 }, (_, i) => task(`pad-${i}`, { cost_usd: 0 }))
    const all = [...expensive, ...cheap]
    const decided = decideGate({ tasks: all, gate: rules({ economics }) })
    expect(decided.decision).toBe('pass')
    const changes: GateChanges = {
      base: { sha: 'a'.repeat(40), via: 'git' },
      thresholds: [],
      tasks: { added: cheap.map((t) => ({ workflow: 'refunds', id: t.id })), removed: [], changed: [] },
      workflows: { renamed: [], added: [], removed: [] },
      permissions: [],
      endpoints: [],
      notes: []
    }
    const judged = withoutDilution(decided, all, rules({ economics }), changes)
    expect(judged.decision).toBe('fail')
    expect(judged.economics?.[0].ok).toBe(false)
    expect(judged.reasons[0]).toBe(
      'refunds: without the tasks this PR adds, gross margin 50.0% does not meet min_gross_margin 70% — fail (tasks a PR adds cannot lift its own gate)'
    )
  })
})
