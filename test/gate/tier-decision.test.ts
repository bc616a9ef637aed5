import { describe, expect, it } from '@jest/globals'
import { tierInterval } from '../../src/gate/tier-interval.js'
import { judgeRate } from '../../src/gate/rate-decision.js'
import { wilsonInterval } from '../../src/gate/wilson.js'
import { tooSmallWarning } from '../../src/gate/too-small.js'
import { tierPassK } from '../../src/gate/tier-pass-k.js'
import { task } from './make.js'

const counts = (spec: [number, number, number][]) =>
  spec.flatMap(([n, total, passed]) => Array.from({ length: n }, () => ({ total, passed })))
const DEFAULTS = { confidence: 0.95, margin: 0.03, max_attempts: 5 }
// One-sided level per look at the defaults: 0.05 / 5 (the reference numbers come from scipy).
const TAIL = 0.01

describe('tierInterval', () => {
  it('is the Wilson interval over the tasks while any task has one attempt', () => {
    const interval = tierInterval(
      counts([
        [56, 1, 1],
        [4, 1, 0]
      ]),
      TAIL
    )
    expect(interval.method).toBe('Wilson over 60 tasks, 1 attempt')
    expect(interval.low).toBeCloseTo(0.817273, 5)
    expect(interval.high).toBeCloseTo(0.97769, 5)
    // At 95% two-sided it is today's interval exactly.
    const today = wilsonInterval(56, 60)
    const same = tierInterval(
      counts([
        [56, 1, 1],
        [4, 1, 0]
      ]),
      0.025
    )
    expect(same.low).toBeCloseTo(today.low, 8)
    expect(same.high).toBeCloseTo(today.high, 8)
  })

  it('is the clustered t interval from the within-task variance with 2+ attempts each', () => {
    const interval = tierInterval(
      counts([
        [45, 3, 3],
        [12, 3, 2],
        [3, 3, 1]
      ]),
      TAIL
    )
    expect(interval.estimate).toBeCloseTo(0.9, 12)
    expect(interval.method).toBe('clustered t, df 30.0, 3 attempts')
    expect(interval.low).toBeCloseTo(0.847128, 5)
    expect(interval.high).toBeCloseTo(0.952872, 5)
  })

  it('uses Welch–Satterthwaite degrees of freedom when tasks ran different numbers of attempts', () => {
    const tasks = [
      ...counts([
        [8, 2, 2],
        [2, 2, 1],
        [6, 4, 4],
        [3, 4, 3],
        [1, 4, 2]
      ])
    ]
    const interval = tierInterval(tasks, TAIL)
    expect(interval.estimate).toBeCloseTo(0.8875, 12)
    expect(interval.method).toBe('clustered t, df 4.5, 2–4 attempts per task')
    expect(interval.low).toBeCloseTo(0.733125, 5)
    expect(interval.high).toBe(1) // 1.0419, clamped
  })

  it('is exact when every task agrees with itself (a deterministic agent)', () => {
    const interval = tierInterval(
      counts([
        [56, 2, 2],
        [4, 2, 0]
      ]),
      TAIL
    )
    expect(interval).toEqual({
      estimate: 56 / 60,
      low: 56 / 60,
      high: 56 / 60,
      method: "exact: every task's attempts agree, 2 attempts"
    })
  })

  it('knows nothing about an empty tier, and counts a task never run as not passed', () => {
    expect(tierInterval([], TAIL)).toMatchObject({ low: 0, high: 1, method: 'no tasks' })
    const withNotRun = tierInterval([...counts([[9, 2, 2]]), { total: 0, passed: 0 }], TAIL)
    expect(withNotRun.estimate).toBeCloseTo(0.9, 12)
    expect(withNotRun.method).toMatch(/^Wilson over 10 tasks/)
  })
})

describe('judgeRate', () => {
  it('passes when the lower bound clears threshold − margin', () => {
    const judged = judgeRate(counts([[60, 1, 1]]), 0.92, DEFAULTS, 5)
    expect(judged).toMatchObject({ outcome: 'pass', passes: true })
    expect(judged.bounds.low).toBeGreaterThan(0.89)
  })

  it('fails when the upper bound stays under threshold + margin', () => {
    expect(
      judgeRate(
        counts([
          [30, 1, 1],
          [30, 1, 0]
        ]),
        0.92,
        DEFAULTS,
        5
      )
    ).toMatchObject({
      outcome: 'fail',
      passes: false
    })
  })

  it('decides inside the margin by the estimate', () => {
    const deterministic93 = counts([
      [56, 2, 2],
      [4, 2, 0]
    ])
    expect(judgeRate(deterministic93, 0.92, DEFAULTS, 5)).toMatchObject({ outcome: 'inside_margin', passes: true })
    const deterministic90 = counts([
      [54, 2, 2],
      [6, 2, 0]
    ])
    expect(judgeRate(deterministic90, 0.92, DEFAULTS, 5)).toMatchObject({ outcome: 'inside_margin', passes: false })
  })

  it('is undecided while the interval straddles both ends of the margin', () => {
    const judged = judgeRate(
      counts([
        [56, 1, 1],
        [4, 1, 0]
      ]),
      0.92,
      DEFAULTS,
      5
    )
    expect(judged.outcome).toBe('undecided')
    expect(judged.passes).toBeUndefined()
  })

  it('does not let one leaning side contradict the estimate (deviation from the simulation, see rate-decision.ts)', () => {
    // 369/400 = 92.25% >= 92%, but Wilson leans towards 50%: its upper bound is under 95%.
    const judged = judgeRate(
      counts([
        [369, 1, 1],
        [31, 1, 0]
      ]),
      0.92,
      DEFAULTS,
      5
    )
    expect(judged.bounds.high).toBeLessThan(0.95)
    expect(judged.bounds.low).toBeLessThan(0.89)
    expect(judged.outcome).toBe('undecided')
  })

  it('with max_attempts 1 and margin 0 is the single-attempt point rule, for every count', () => {
    const point = { confidence: 0.95, margin: 0, max_attempts: 1 }
    for (const n of [1, 2, 5, 12, 25, 60]) {
      for (let passed = 0; passed <= n; passed++) {
        const judged = judgeRate(
          counts([
            [passed, 1, 1],
            [n - passed, 1, 0]
          ]),
          0.92,
          point,
          1
        )
        const verdict = judged.passes ?? passed / n >= 0.92 - 1e-9
        expect(verdict).toBe(passed / n >= 0.92 - 1e-9)
      }
    }
    // 23/25 is exactly 92%: it meets 92%.
    const exactly = judgeRate(
      counts([
        [23, 1, 1],
        [2, 1, 0]
      ]),
      0.92,
      point,
      1
    )
    expect(exactly.passes ?? exactly.bounds.estimate >= 0.92 - 1e-9).toBe(true)
  })

  it('spends its confidence over the looks: more looks, wider bounds', () => {
    const tasks = counts([
      [50, 3, 3],
      [10, 3, 2]
    ])
    const once = judgeRate(tasks, 0.92, DEFAULTS, 1).bounds
    const five = judgeRate(tasks, 0.92, DEFAULTS, 5).bounds
    expect(five.low).toBeLessThan(once.low)
    expect(five.high).toBeGreaterThan(once.high)
  })
})

describe('tooSmallWarning', () => {
  it('says from a computation when a tier cannot separate its threshold from the margin', () => {
    expect(
      tooSmallWarning({ label: 'T1', tasks: 12, threshold: 0.92, confidence: 0.95, margin: 0.03, attempts: 5 })
    ).toBe(
      'T1 has 12 tasks: at 92% it cannot tell 92% from 85.1% at 95% confidence (63 tasks would, at 5 attempts each)'
    )
  })

  it('stays quiet when the tier is large enough, for a point rule and at 0% or 100%', () => {
    const base = { label: 'T1', threshold: 0.92, confidence: 0.95, margin: 0.03, attempts: 5 }
    expect(tooSmallWarning({ ...base, tasks: 63 })).toBeUndefined()
    expect(tooSmallWarning({ ...base, tasks: 62 })).toMatch(/^T1 has 62 tasks/)
    expect(tooSmallWarning({ ...base, tasks: 12, margin: 0 })).toBeUndefined()
    expect(tooSmallWarning({ ...base, tasks: 12, threshold: 1 })).toBeUndefined()
    expect(tooSmallWarning({ ...base, tasks: 0 })).toBeUndefined()
  })
})

describe('tierPassK', () => {
  const t = (total: number, passed: number) => task('x', { attempts: { total, passed } })

  it("averages tau-bench's estimator at the tier's fewest attempts", () => {
    expect(tierPassK([t(3, 3), t(3, 2), t(5, 5)])).toEqual({ k: 3, rate: (1 + 0 + 1) / 3 })
    expect(tierPassK([t(1, 1), t(1, 0)])).toEqual({ k: 1, rate: 0.5 })
  })

  it("uses the rule's k when every task ran it, else says how many attempts there were", () => {
    const required = { k: 2, min: 0.9 }
    expect(tierPassK([t(3, 3), t(3, 2)], required)).toEqual({ k: 2, rate: (1 + 1 / 3) / 2, required })
    expect(tierPassK([t(1, 1), t(3, 3)], required)).toEqual({ k: 1, rate: 1, required })
  })

  it('counts a task never run as 0', () => {
    expect(tierPassK([t(2, 2), t(0, 0)])).toEqual({ k: 2, rate: 0.5 })
  })
})
