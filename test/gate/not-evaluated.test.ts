import { describe, expect, it } from '@jest/globals'
import { failClosed, notEvaluatedReasons } from '../../src/gate/not-evaluated.js'
import { decideGate } from '../../src/gate/decide.js'
import { gate, tier } from './make.js'

const byFilter = (them: 'it' | 'them') => `--filter "tier=T2" left no task in ${them}`
const golden = [...tier('T1', 3, 0), ...tier('T2', 3, 0), ...tier('T3', 2, 0)]

describe('gated tiers a run did not evaluate', () => {
  it('names a gated tier the golden set has and the run has no task of', () => {
    const ran = tier('T2', 3, 0)
    expect(notEvaluatedReasons(golden, ran, gate(), byFilter)).toEqual([
      'T1 is gated but was not evaluated: --filter "tier=T2" left no task in it — the run cannot pass'
    ])
  })

  it('names every such tier in one line, in tier order', () => {
    const rules = gate({ rules: { tiers: { T1: { min_success: 0.9 }, T3: { min_success: 0.7 } }, max_drop: {} } })
    expect(notEvaluatedReasons(golden, tier('T2', 3, 0), rules, byFilter)).toEqual([
      'T1, T3 are gated but were not evaluated: --filter "tier=T2" left no task in them — the run cannot pass'
    ])
  })

  it('says nothing of a tier that is not gated, that ran, or that the golden set has no task of', () => {
    // T3 has no threshold; T2 ran (one task is enough).
    expect(notEvaluatedReasons(golden, [...tier('T1', 1, 0), ...tier('T2', 1, 0)], gate(), byFilter)).toEqual([])
    // No T2 task anywhere: the filter did not leave it empty.
    expect(notEvaluatedReasons(tier('T1', 3, 0), tier('T1', 1, 0), gate(), byFilter)).toEqual([])
  })

  it("counts only the workflows the run has tasks of, and a workflow's own threshold", () => {
    const a = [...tier('T1', 2, 0, { workflow: 'a' }), ...tier('T3', 2, 0, { workflow: 'a' })]
    const b = [...tier('T1', 2, 0, { workflow: 'b' }), ...tier('T3', 2, 0, { workflow: 'b' })]
    const rules = gate({ workflows: { b: { tiers: { T3: { min_success: 0.5 } } } } })
    // Only workflow b ran (e.g. --filter workflow=b,tier=T1): a is not in the run; b's T3 is gated by its override.
    expect(notEvaluatedReasons([...a, ...b], tier('T1', 2, 0, { workflow: 'b' }), rules, byFilter)).toEqual([
      'T3 is gated but was not evaluated: --filter "tier=T2" left no task in it — the run cannot pass'
    ])
    // Both ran: the tiers are named with their workflow.
    const ran = [...tier('T3', 1, 0, { workflow: 'a' }), ...tier('T3', 1, 0, { workflow: 'b' })]
    expect(notEvaluatedReasons([...a, ...b], ran, rules, byFilter)).toEqual([
      'a T1, b T1 are gated but were not evaluated: --filter "tier=T2" left no task in them — the run cannot pass'
    ])
  })

  it('turns a passing decision into error, with the reason first', () => {
    const decided = decideGate({ tasks: tier('T2', 5, 0), gate: gate() })
    expect(decided.decision).toBe('pass')
    const reasons = notEvaluatedReasons(golden, tier('T2', 5, 0), gate(), byFilter)
    const closed = failClosed(decided, reasons)
    expect(closed.decision).toBe('error')
    expect(closed.reasons[0]).toBe(reasons[0])
    expect(closed.reasons.slice(1)).toEqual(decided.reasons)
    expect(closed.tiers).toBe(decided.tiers)
    expect(failClosed(decided, [])).toBe(decided)
  })

  it('leaves a failing or errored decision as it is, with the reason first', () => {
    const failed = decideGate({ tasks: tier('T2', 1, 4), gate: gate() })
    expect(failed.decision).toBe('fail')
    const reasons = notEvaluatedReasons(golden, tier('T2', 1, 4), gate(), byFilter)
    expect(failClosed(failed, reasons)).toMatchObject({ decision: 'fail', reasons: [...reasons, ...failed.reasons] })
    expect(failClosed({ decision: 'error' as const, reasons: ['x'] }, reasons).decision).toBe('error')
  })
})
