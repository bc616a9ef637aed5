import { describe, expect, it } from '@jest/globals'
import { decideGate } from '../../src/gate/decide.js'
import { tasksForAnotherRound } from '../../src/gate/next-round.js'
import { classify, pairedTier, type BaselineSnapshot } from '../../src/gate/paired.js'
import type { TaskResult } from '../../src/model/types.js'
import { gate, task } from './make.js'

/** `n` tasks of T1 with `total` attempts, `passed` of them passed. */
function tasks(prefix: string, n: number, total: number, passed: number, extra: Partial<TaskResult> = {}) {
  return Array.from({ length: n }, (_, i) =>
    task(`${prefix}${i}`, {
      status: passed === total ? 'pass' : 'fail',
      attempts: { total, passed, errored: 0 },
      ...extra
    })
  )
}
const t1 = (min_success: number, extra = {}) =>
  gate({ rules: { tiers: { T1: { min_success, ...extra } }, max_drop: {} } })

describe('tasksForAnotherRound', () => {
  it('reruns every task of an undecided tier, none of a decided one', () => {
    const undecided = [...tasks('p', 56, 1, 1), ...tasks('f', 4, 1, 0)]
    expect(tasksForAnotherRound({ tasks: undecided, gate: t1(0.92) }).size).toBe(60)
    const deterministic = [...tasks('p', 56, 2, 2), ...tasks('f', 4, 2, 0)]
    expect(tasksForAnotherRound({ tasks: deterministic, gate: t1(0.92) }).size).toBe(0)
    const farAbove = tasks('p', 60, 1, 1)
    expect(tasksForAnotherRound({ tasks: farAbove, gate: t1(0.92) }).size).toBe(0)
  })

  it('stops each task at max_attempts, and ignores tiers that are not gated', () => {
    const atLimit = [...tasks('p', 10, 3, 2), ...tasks('q', 10, 3, 3)]
    expect(tasksForAnotherRound({ tasks: atLimit, gate: t1(0.92, { max_attempts: 3 }) }).size).toBe(0)
    expect(tasksForAnotherRound({ tasks: atLimit, gate: t1(0.92, { max_attempts: 4 }) }).size).toBe(20)
    const t3 = atLimit.map((t) => ({ ...t, tier: 'T3' as const }))
    expect(tasksForAnotherRound({ tasks: t3, gate: t1(0.92) }).size).toBe(0)
  })

  it('spends nothing on a tier that fails min_tasks anyway', () => {
    const few = [...tasks('p', 4, 1, 1), ...tasks('f', 1, 1, 0)]
    expect(tasksForAnotherRound({ tasks: few, gate: t1(0.92, { min_tasks: 10 }) }).size).toBe(0)
  })

  it('runs the attempts a pass^k rule needs, even in a decided tier', () => {
    const decided = tasks('p', 60, 1, 1)
    const rules = t1(0.9, { pass_k: { k: 3, min: 0.8 } })
    expect(tasksForAnotherRound({ tasks: decided, gate: rules }).size).toBe(60)
    expect(tasksForAnotherRound({ tasks: tasks('p', 60, 3, 3), gate: rules }).size).toBe(0)
  })

  it('gives a task that differs from the baseline more attempts until it is mixed or at the limit', () => {
    const baseline: BaselineSnapshot = { file: 'b.json', tiers: [], statuses: {}, attempts: {} }
    const rest = tasks('p', 60, 1, 1)
    for (const t of rest) baseline.attempts![`refunds/${t.id}`] = { total: 1, passed: 1 }
    baseline.attempts!['refunds/r'] = { total: 1, passed: 1 }
    const rules = t1(0.5)
    const once = [...rest, task('r', { status: 'fail', attempts: { total: 1, passed: 0, errored: 0 } })]
    expect([...tasksForAnotherRound({ tasks: once, gate: rules, baseline })]).toEqual(['refunds/r'])
    const mixed = [...rest, task('r', { status: 'fail', attempts: { total: 2, passed: 1, errored: 0 } })]
    expect(tasksForAnotherRound({ tasks: mixed, gate: rules, baseline }).size).toBe(0)
    const limit = [...rest, task('r', { status: 'fail', attempts: { total: 5, passed: 0, errored: 0 } })]
    expect(tasksForAnotherRound({ tasks: limit, gate: rules, baseline }).size).toBe(0)
  })
})

describe('paired comparison', () => {
  it('classes tasks as regressed, fixed, flaky or the same', () => {
    expect(classify({ total: 3, passed: 0 }, { total: 1, passed: 1 })).toBe('regressed')
    expect(classify({ total: 2, passed: 2 }, { total: 3, passed: 0 })).toBe('fixed')
    expect(classify({ total: 3, passed: 2 }, { total: 1, passed: 1 })).toBe('flaky')
    expect(classify({ total: 1, passed: 1 }, { total: 4, passed: 1 })).toBe('flaky')
    expect(classify({ total: 2, passed: 2 }, { total: 1, passed: 1 })).toBe('same')
    expect(classify({ total: 1, passed: 1 }, undefined)).toBeUndefined()
    expect(classify({ total: 0, passed: 0 }, { total: 1, passed: 1 })).toBeUndefined()
  })

  it('tests regressed against fixed with an exact one-sided McNemar test and averages the paired drop', () => {
    const now = [...tasks('r', 6, 2, 0), ...tasks('s', 34, 2, 2)]
    const baseline: BaselineSnapshot = {
      file: 'b.json',
      tiers: [],
      statuses: Object.fromEntries(now.map((t) => [`refunds/${t.id}`, 'pass']))
    }
    const paired = pairedTier(now, baseline, 0.95)
    expect(paired.comparison).toEqual({
      common: 40,
      drop: 6 / 40,
      regressed: 6,
      fixed: 0,
      flaky: 0,
      p_value: 1 / 64,
      significant: true
    })
  })
})

describe('decideGate: issue 9 rules', () => {
  const baselineOf = (entries: Record<string, { total: number; passed: number }>): BaselineSnapshot => ({
    file: 'main.json',
    tiers: [{ workflow: 'refunds', tier: 'T1', success_rate: 1 }],
    statuses: {},
    attempts: entries
  })

  it('fails the gate on a high-risk task that regressed consistently, whatever the rates', () => {
    const now = [
      ...tasks('p', 59, 2, 2),
      task('risky', { risk: 'high', status: 'fail', attempts: { total: 2, passed: 0, errored: 0 } })
    ]
    const baseline = baselineOf(Object.fromEntries(now.map((t) => [`refunds/${t.id}`, { total: 1, passed: 1 }])))
    const result = decideGate({ tasks: now, gate: t1(0.9), baseline, attempts: { mode: 'adaptive' } })
    expect(result.decision).toBe('fail')
    expect(result.reasons[0]).toBe(
      'T1: high-risk task risky regressed: passed every attempt on the baseline, failed 2 of 2 now — fail (baseline.block_high_risk_regressions)'
    )
    expect(result.baseline?.high_risk_regressions).toEqual(['risky'])

    const off = t1(0.9)
    off.rules.block_high_risk_regressions = false
    expect(decideGate({ tasks: now, gate: off, baseline, attempts: { mode: 'adaptive' } }).decision).toBe('pass')
    // One failed attempt is not yet consistent.
    const once = now.map((t) => (t.id === 'risky' ? { ...t, attempts: { total: 1, passed: 0, errored: 0 } } : t))
    expect(decideGate({ tasks: once, gate: t1(0.9), baseline, attempts: { mode: 'adaptive' } }).decision).toBe('pass')
  })

  it('blocks on a high-risk regression in a tier that is not gated too', () => {
    const now = [
      ...tasks('p', 60, 2, 2),
      task('risky', { tier: 'T3', risk: 'high', status: 'fail', attempts: { total: 3, passed: 0, errored: 0 } })
    ]
    const baseline = baselineOf({ 'refunds/risky': { total: 2, passed: 2 } })
    const result = decideGate({ tasks: now, gate: t1(0.9), baseline, attempts: { mode: 'adaptive' } })
    expect(result.decision).toBe('fail')
    expect(result.tiers[1]).toMatchObject({ tier: 'T3', gated: false, ok: false })
  })

  it('says a tier was decided by its estimate when attempts ran out', () => {
    const flaky = [...tasks('p', 40, 5, 5), ...tasks('q', 20, 5, 4)]
    const result = decideGate({ tasks: flaky, gate: t1(0.93), attempts: { mode: 'adaptive' } })
    expect(result.decision).toBe('pass')
    expect(result.reasons[0]).toBe('T1: undecided after 5 attempts: 93.3% vs 93% — ok (by the estimate)')
    expect(result.tiers[0].decision).toMatchObject({ decided: false, outcome: 'undecided', looks: 5, confidence: 0.95 })
    const stopped = decideGate({
      tasks: [...tasks('p', 40, 2, 2), ...tasks('q', 20, 2, 1)],
      gate: t1(0.85),
      attempts: { mode: 'adaptive', stopped_by: 'max_cost_usd 1 USD reached' }
    })
    expect(stopped.reasons[0]).toMatch(
      /^T1: undecided after 2 attempts: .* vs 85% \(max_cost_usd stopped extra attempts\) — /
    )
  })

  it('gates pass^k with its own threshold, and fails it when too few attempts ran', () => {
    const rules = t1(0.8, { pass_k: { k: 3, min: 0.9 } })
    const mostly = [...tasks('p', 17, 3, 3), ...tasks('q', 3, 3, 2)]
    const result = decideGate({ tasks: mostly, gate: rules })
    expect(result.decision).toBe('fail')
    expect(result.reasons[0]).toBe('T1: pass^3 85.0% < 90% required — fail')
    const short = decideGate({ tasks: tasks('p', 20, 2, 2), gate: rules })
    expect(short.reasons[0]).toBe('T1: pass^3 needs 3 attempts of every task; some ran only 2 — fail')
    expect(decideGate({ tasks: tasks('p', 20, 3, 3), gate: rules }).decision).toBe('pass')
  })

  it('counts max_error_rate over attempts', () => {
    const errored = Array.from({ length: 10 }, (_, i) =>
      task(`e${i}`, { status: 'error', attempts: { total: 4, passed: 3, errored: 1 } })
    )
    const within = decideGate({ tasks: errored, gate: gate({ max_error_rate: 0.3 }) })
    expect(within.decision).not.toBe('error')
    expect(within.reasons).toContain('10 attempts errored (25.0%), within max_error_rate 30%')
    const over = decideGate({ tasks: errored, gate: gate({ max_error_rate: 0.2 }) })
    expect(over.decision).toBe('error')
    expect(over.reasons[0]).toBe(
      'error rate 25.0% (10/40 attempts errored) exceeds max_error_rate 20% — decision error'
    )
  })
})
