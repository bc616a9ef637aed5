import { describe, expect, it } from '@jest/globals'
import { reportOf } from '../helpers/report-of.js'
import { gate, task, tier } from '../gate/make.js'

const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 4 }]

describe('reportOf', () => {
  it('computes totals, sorts tasks and decides', () => {
    const tasks = [
      task('c', { status: 'fail', cost_usd: 0.02 }),
      task('a', { duration_ms: 250 }),
      task('b', { workflow: 'billing', status: 'error', cost_usd: null, model_calls: 0 }),
      task('d', {
        status: 'not_run',
        cost_usd: null,
        tokens: { input: 0, output: 0 },
        model_calls: 0,
        tool_calls: 0,
        duration_ms: 0
      })
    ]
    const report = reportOf({
      tasks,
      gate: gate(),
      workflows,
      repeat: 1,
      commit: 'abc123',
      createdAt: new Date('2025-01-02T03:04:05Z')
    })
    expect(report.tasks.map((t) => `${t.workflow}/${t.id}`)).toEqual([
      'billing/b',
      'refunds/a',
      'refunds/c',
      'refunds/d'
    ])
    expect(report).toMatchObject({
      version: 1,
      decision: 'error',
      commit: 'abc123',
      created_at: '2025-01-02T03:04:05.000Z',
      repeat: 1
    })
    expect(report.totals).toEqual({
      tasks: 4,
      passed: 1,
      failed: 1,
      errored: 1,
      not_run: 1,
      error_rate: 1 / 3,
      duration_ms: 450,
      model_calls: 4,
      tool_calls: 9,
      tokens: { input: 3000, output: 300 },
      cost_usd: 0.03,
      cost_per_success_usd: 0.03
    })
    expect(report.gate).toEqual(gate())
    expect(report.shard).toBeUndefined()
    expect(report.baseline).toBeUndefined()
  })

  it('leaves cost unknown when no task has a known cost, and keeps the unpriced models', () => {
    const report = reportOf({
      tasks: [task('a', { cost_usd: null })],
      gate: gate(),
      workflows,
      repeat: 1,
      costUnknownModels: ['my-model']
    })
    expect(report.totals.cost_usd).toBeNull()
    expect(report.totals.cost_per_success_usd).toBeNull()
    expect(report.totals.cost_unknown_models).toEqual(['my-model'])
  })

  it('has no cost per success without a success', () => {
    const report = reportOf({ tasks: [task('a', { status: 'fail' })], gate: gate(), workflows, repeat: 1 })
    expect(report.totals.cost_usd).toBe(0.01)
    expect(report.totals.cost_per_success_usd).toBeNull()
  })

  it('stores the baseline statuses so that merge can compare again', () => {
    const baseline = {
      file: 'base.json',
      tiers: [{ workflow: 'refunds', tier: 'T1' as const, success_rate: 1 }],
      statuses: { 'refunds/t1-f0': 'pass' }
    }
    const report = reportOf({ tasks: tier('T1', 3, 1), gate: gate(), workflows, repeat: 1, baseline })
    expect(report.baseline).toEqual({
      ...baseline,
      regressions: ['t1-f0'],
      fixed: [],
      flaky: [],
      high_risk_regressions: []
    })
  })

  it('says that a shard report covers part of the set', () => {
    const shard = { index: 1, count: 4, set_hash: '0123456789abcdef', set_size: 16 }
    const report = reportOf({ tasks: tier('T1', 4, 0), gate: gate(), workflows, repeat: 1, shard })
    expect(report.shard).toEqual(shard)
    expect(report.reasons.at(-1)).toBe(
      'shard 2/4: this report covers 4 of 16 tasks; merge all shards to decide the gate'
    )
  })
})
