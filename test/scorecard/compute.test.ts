import { describe, expect, it } from '@jest/globals'
import { computeScorecard } from '../../src/scorecard/compute.js'
import { week1, week2, week3 } from './series.js'

const card = () =>
  computeScorecard([
    { file: 'w1.json', report: week1 },
    { file: 'w2.json', report: week2 },
    { file: 'w3.json', report: week3 }
  ])

describe('computeScorecard', () => {
  it('labels a column by date and short commit', () => {
    expect(card().columns).toEqual([
      {
        file: 'w1.json',
        created_at: '2025-01-06T09:00:00.000Z',
        commit: 'aaaaaaa1111111',
        label: '2025-01-06 · aaaaaaa',
        decision: 'error',
        tasks: 8
      },
      {
        file: 'w2.json',
        created_at: '2025-01-13T09:00:00.000Z',
        commit: 'bbbbbbb2222222',
        label: '2025-01-13 · bbbbbbb',
        decision: 'fail',
        tasks: 8
      },
      { file: 'w3.json', created_at: '2025-01-20T09:00:00.000Z', label: '2025-01-20', decision: 'pass', tasks: 4 }
    ])
    expect(card().workflows).toEqual(['refunds'])
  })

  it('computes the success rate overall and per tier', () => {
    const { success_rate, tiers } = card()
    expect(success_rate).toEqual({ label: 'Success rate', values: [4 / 8, 7 / 8, 3 / 4] })
    expect(tiers).toEqual([
      { label: 'T1', values: [3 / 4, 1, 1] },
      { label: 'T2', values: [1 / 4, 3 / 4, null] },
      { label: 'T3', values: [null, null, 1 / 2] }
    ])
  })

  it('computes escalation and containment over the tasks that ran', () => {
    const { escalation_rate, containment_rate } = card()
    expect(escalation_rate.values).toEqual([2 / 7, 1 / 8, 0])
    expect(containment_rate.values[0]).toBeCloseTo(5 / 7, 12)
    expect(containment_rate.values.slice(1)).toEqual([7 / 8, 1])
  })

  it('computes the error rate over the tasks that ran', () => {
    expect(card().error_rate.values).toEqual([1 / 7, 0, 0])
  })

  it('computes the cost per successful task, unknown without prices', () => {
    const [first, second, third] = card().cost_per_success_usd.values
    expect(first).toBeCloseTo(0.07 / 4, 12)
    expect(second).toBeCloseTo(0.08 / 7, 12)
    expect(third).toBeNull()
  })

  it('counts the failure modes of every report, the most frequent over the series first', () => {
    expect(card().failure_modes).toEqual([
      { cause: 'missing_action', label: 'missing action', counts: [1, 1, 0] },
      { cause: 'wrong_label', label: 'wrong label', counts: [2, 0, 0] },
      { cause: 'guardrail_violation', label: 'guardrail violation', counts: [0, 0, 1] },
      { cause: 'not_run', label: 'not run', counts: [1, 0, 0] },
      { cause: 'timeout', label: 'agent timed out', counts: [1, 0, 0] }
    ])
  })

  it('names the workflow of a tier row when the series has several', () => {
    const other = { ...week3, tiers: week3.tiers.map((t) => ({ ...t, workflow: 'billing' })) }
    const rows = computeScorecard([
      { file: 'a.json', report: week2 },
      { file: 'b.json', report: other }
    ]).tiers
    expect(rows.map((r) => r.label)).toEqual(['billing T1', 'billing T3', 'refunds T1', 'refunds T2'])
    expect(rows[0].values).toEqual([null, 1])
  })

  it('has no rates for a report without tasks', () => {
    const empty = { ...week3, tasks: [], tiers: [] }
    const result = computeScorecard([{ file: 'e.json', report: empty }])
    expect(result.success_rate.values).toEqual([null])
    expect(result.escalation_rate.values).toEqual([null])
    expect(result.error_rate.values).toEqual([null])
    expect(result.failure_modes).toEqual([])
  })
})
