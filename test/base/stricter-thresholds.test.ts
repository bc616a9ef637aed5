import { describe, expect, it } from '@jest/globals'
import { stricterThresholds } from '../../src/base/stricter-thresholds.js'
import { thresholds, tiers } from './builders.js'

describe('stricterThresholds', () => {
  it('keeps the higher min_success of a tier and says the base applied when the PR lowers it', () => {
    const { thresholds: rules, changes } = stricterThresholds(
      thresholds({ rules: tiers(0.92, 0.8) }),
      thresholds({ rules: tiers(0.5, 0.85) }),
      ['wf']
    )
    expect(rules.rules.tiers).toEqual({ T1: { min_success: 0.92 }, T2: { min_success: 0.85 } })
    expect(changes).toEqual([
      { rule: 'tiers.T1.min_success', base: 0.92, pr: 0.5, applied: 'base' },
      { rule: 'tiers.T2.min_success', base: 0.8, pr: 0.85, applied: 'pr' }
    ])
  })

  it("gates a tier gated on one side only by that side's rule", () => {
    const base = thresholds({ rules: tiers(0.9, 0.8) })
    const pr = thresholds({ rules: { tiers: { T1: { min_success: 0.9 }, T3: { min_success: 0.5 } }, max_drop: {} } })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf'])
    expect(rules.rules.tiers).toEqual({ T1: { min_success: 0.9 }, T2: { min_success: 0.8 }, T3: { min_success: 0.5 } })
    expect(changes).toEqual([
      { rule: 'tiers.T2.min_success', base: 0.8, pr: null, applied: 'base' },
      { rule: 'tiers.T3.min_success', base: null, pr: 0.5, applied: 'pr' }
    ])
  })

  it('keeps the larger min_tasks, the smaller max_drop and the smaller budgets', () => {
    const base = thresholds({
      rules: { tiers: { T1: { min_success: 0.9, min_tasks: 20 } }, max_drop: { T1: 0.02, T2: 0.05 } },
      budgets: {
        max_model_calls_per_task: 10,
        max_tool_calls_per_task: 100,
        max_retries: 2,
        task_timeout_s: 30,
        max_error_rate: 0.05,
        max_cost_usd: 5
      }
    })
    const pr = thresholds({
      rules: { tiers: { T1: { min_success: 0.9 } }, max_drop: { T1: 0.2, T3: 0.1 } },
      budgets: {
        max_model_calls_per_task: 50,
        max_tool_calls_per_task: 500,
        max_retries: 1,
        task_timeout_s: 300,
        max_error_rate: 0.5,
        max_context_tokens: 8000
      }
    })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, [])
    expect(rules.rules).toEqual({
      tiers: { T1: { min_success: 0.9, min_tasks: 20 } },
      max_drop: { T1: 0.02, T2: 0.05, T3: 0.1 }
    })
    expect(rules.budgets).toEqual({
      max_model_calls_per_task: 10,
      max_tool_calls_per_task: 100,
      max_retries: 1,
      task_timeout_s: 30,
      max_error_rate: 0.05,
      max_context_tokens: 8000,
      max_cost_usd: 5
    })
    expect(changes.map((c) => `${c.rule} ${c.applied}`)).toEqual([
      'tiers.T1.min_tasks base',
      'baseline.max_drop.T1 base',
      'baseline.max_drop.T2 base',
      'baseline.max_drop.T3 pr',
      'budgets.max_model_calls_per_task base',
      'budgets.max_tool_calls_per_task base',
      'budgets.max_retries pr',
      'budgets.max_context_tokens pr',
      'budgets.task_timeout_s base',
      'budgets.max_cost_usd base',
      'budgets.max_error_rate base'
    ])
  })

  it('prices each model at the higher price of the two', () => {
    const base = thresholds({ pricing: { m: { input_per_mtok: 2, output_per_mtok: 8 } } })
    const pr = thresholds({
      pricing: { m: { input_per_mtok: 0, output_per_mtok: 10 }, n: { input_per_mtok: 1, output_per_mtok: 1 } }
    })
    expect(stricterThresholds(base, pr, []).thresholds.pricing).toEqual({
      m: { input_per_mtok: 2, output_per_mtok: 10 },
      n: { input_per_mtok: 1, output_per_mtok: 1 }
    })
  })

  it('lets only approvers both sides list override, at the higher permission, authors only when both allow', () => {
    const base = thresholds({
      override: { approvers: ['alice', 'acme/leads', 'bob'], min_permission: 'maintain', allow_author: false }
    })
    const pr = thresholds({
      override: { approvers: ['@Alice', 'mallory', 'acme/leads'], min_permission: 'write', allow_author: true }
    })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, [])
    expect(rules.override).toEqual({
      approvers: ['alice', 'acme/leads'],
      min_permission: 'maintain',
      allow_author: false
    })
    expect(changes).toEqual([
      {
        rule: 'override.approvers',
        base: 'alice, acme/leads, bob',
        pr: '@Alice, mallory, acme/leads',
        applied: 'base',
        effective: 'alice, acme/leads'
      },
      { rule: 'override.min_permission', base: 'maintain', pr: 'write', applied: 'base' },
      { rule: 'override.allow_author', base: 'false', pr: 'true', applied: 'base' }
    ])
  })

  it("keeps the base's approvers when the PR has no override section", () => {
    const base = thresholds({ override: { approvers: ['alice'], min_permission: 'write', allow_author: false } })
    expect(stricterThresholds(base, thresholds(), []).thresholds.override.approvers).toEqual(['alice'])
  })

  it("judges a workflow by each side's effective rule, so a PR cannot dodge a workflow rule", () => {
    const base = thresholds({ rules: tiers(0.9, 0.8), workflows: { wf: { tiers: { T2: { min_success: 0.95 } } } } })
    // The PR drops the workflow rule and raises the global one a little.
    const pr = thresholds({ rules: tiers(0.9, 0.85) })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf', 'other'])
    expect(rules.rules.tiers.T2).toEqual({ min_success: 0.85 })
    expect(rules.workflows).toEqual({ wf: { tiers: { T2: { min_success: 0.95 } } } })
    expect(changes).toContainEqual({ rule: 'workflows.wf.tiers.T2.min_success', base: 0.95, pr: null, applied: 'base' })
  })

  it('a workflow rule that loosens the global one on the base stays as loose, never looser', () => {
    const base = thresholds({ rules: tiers(0.9), workflows: { wf: { tiers: { T1: { min_success: 0.6 } } } } })
    const pr = thresholds({ rules: tiers(0.9), workflows: { wf: { tiers: { T1: { min_success: 0.4 } } } } })
    expect(stricterThresholds(base, pr, ['wf']).thresholds.workflows.wf.tiers).toEqual({ T1: { min_success: 0.6 } })
  })

  it('a renamed workflow keeps the workflows.<base name> rule under its new name', () => {
    const base = thresholds({
      rules: tiers(0.9),
      workflows: { refund: { tiers: { T1: { min_success: 0.99 } }, max_drop: { T1: 0.01 } } }
    })
    const pr = thresholds({ rules: tiers(0.9) })
    const { thresholds: rules, changes } = stricterThresholds(
      base,
      pr,
      ['refund_v3'],
      [{ from: 'refund', to: 'refund_v3' }]
    )
    expect(rules.workflows).toEqual({ refund_v3: { tiers: { T1: { min_success: 0.99 } }, max_drop: { T1: 0.01 } } })
    expect(changes.map((c) => c.rule)).toEqual([
      'workflows.refund_v3.tiers.T1.min_success',
      'workflows.refund_v3.baseline.max_drop.T1'
    ])
  })

  it("reports the PR's effective value when its global rule beats the base's workflow rule", () => {
    const base = thresholds({ rules: tiers(0.9), workflows: { wf: { tiers: { T1: { min_success: 0.95 } } } } })
    const pr = thresholds({ rules: tiers(0.97) })
    const { changes } = stricterThresholds(base, pr, ['wf'])
    expect(changes).toContainEqual({
      rule: 'workflows.wf.tiers.T1.min_success',
      base: 0.95,
      pr: null,
      applied: 'pr',
      effective: 0.97
    })
  })

  it('is the PR rules themselves when both sides are the same', () => {
    const same = thresholds({
      rules: tiers(0.9, 0.8),
      workflows: { wf: { tiers: { T1: { min_success: 0.9 } } } },
      override: { approvers: ['a'], min_permission: 'admin', allow_author: true }
    })
    const result = stricterThresholds(same, structuredClone(same), ['wf'])
    expect(result.thresholds).toEqual(same)
    expect(JSON.stringify(result.thresholds)).toBe(JSON.stringify(same))
    expect(result.changes).toEqual([])
  })
})

describe('stricterThresholds: the decision keys (issue 9)', () => {
  const t1 = (rule: object) => ({ tiers: { T1: { min_success: 0.9, ...rule } }, max_drop: {} })

  it('keeps the higher confidence, the smaller margin, more max_attempts and the stricter pass_k', () => {
    const base = thresholds({
      rules: t1({ confidence: 0.99, margin: 0.05, max_attempts: 3, pass_k: { k: 2, min: 0.9 } })
    })
    const pr = thresholds({ rules: t1({ confidence: 0.9, margin: 0.02, max_attempts: 6, pass_k: { k: 3, min: 0.8 } }) })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf'])
    expect(rules.rules.tiers.T1).toEqual({
      min_success: 0.9,
      confidence: 0.99,
      margin: 0.02,
      max_attempts: 6,
      pass_k: { k: 3, min: 0.9 }
    })
    expect(changes).toEqual([
      { rule: 'tiers.T1.confidence', base: 0.99, pr: 0.9, applied: 'base' },
      { rule: 'tiers.T1.margin', base: 0.05, pr: 0.02, applied: 'pr' },
      { rule: 'tiers.T1.max_attempts', base: 3, pr: 6, applied: 'pr' },
      { rule: 'tiers.T1.pass_k.k', base: 2, pr: 3, applied: 'pr' },
      { rule: 'tiers.T1.pass_k.min', base: 0.9, pr: 0.8, applied: 'base' }
    ])
  })

  it('compares with what the other side resolves to: a PR cannot loosen a setting the base leaves at its default', () => {
    const base = thresholds({ rules: t1({}) })
    const pr = thresholds({
      rules: { ...t1({ confidence: 0.8, margin: 0.2, max_attempts: 1 }), decision: { max_attempts: 1 } }
    })
    const { thresholds: rules } = stricterThresholds(base, pr, ['wf'])
    expect(rules.rules.tiers.T1).toEqual({ min_success: 0.9, confidence: 0.95, margin: 0.03, max_attempts: 5 })
    expect(rules.rules.decision).toEqual({ max_attempts: 5 })
    // The base's own defaults count too.
    const strictBase = thresholds({ rules: { ...t1({}), decision: { confidence: 0.99 } } })
    const looserPr = thresholds({ rules: t1({ confidence: 0.9 }) })
    expect(stricterThresholds(strictBase, looserPr, ['wf']).thresholds.rules.tiers.T1?.confidence).toBe(0.99)
  })

  it('keeps block_high_risk_regressions on unless both sides turn it off', () => {
    const off = thresholds({ rules: { ...tiers(0.9), block_high_risk_regressions: false } })
    const unset = thresholds({ rules: tiers(0.9) })
    const { thresholds: rules, changes } = stricterThresholds(unset, off, ['wf'])
    expect(rules.rules.block_high_risk_regressions).toBe(true)
    expect(changes).toContainEqual({
      rule: 'baseline.block_high_risk_regressions',
      base: null,
      pr: 'false',
      applied: 'base',
      effective: 'true'
    })
    expect(stricterThresholds(off, off, ['wf']).thresholds.rules.block_high_risk_regressions).toBe(false)
  })
})
