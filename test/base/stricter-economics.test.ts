// Issue 14 item 5 on a pull request: the cost limit and the economics rule are each the stricter
// of the base's and the PR's, and every change is listed.
import { describe, expect, it } from '@jest/globals'
import { stricterThresholds } from '../../src/base/stricter-thresholds.js'
import type { GateRules } from '../../src/model/types.js'
import { thresholds } from './builders.js'

const T1 = { T1: { min_success: 0.9 } }

function withRules(rules: Partial<GateRules>, workflows: Record<string, Partial<GateRules>> = {}) {
  return thresholds({ rules: { tiers: T1, max_drop: {}, ...rules }, workflows })
}

describe('stricterThresholds: cost per success and margin', () => {
  it('a lower cost limit, a higher minimum margin and a lower value per success apply', () => {
    const base = withRules({
      max_cost_per_success_usd: { T1: 0.02, T2: 0.05 },
      economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }
    })
    const pr = withRules({
      max_cost_per_success_usd: { T1: 0.5, T3: 0.1 },
      economics: { value_per_success_usd: 5, min_gross_margin: 0.5 }
    })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf'])
    expect(rules.rules.max_cost_per_success_usd).toEqual({ T1: 0.02, T2: 0.05, T3: 0.1 })
    expect(rules.rules.economics).toEqual({ value_per_success_usd: 1, min_gross_margin: 0.7 })
    expect(changes).toEqual([
      { rule: 'budgets.max_cost_per_success_usd.T1', base: 0.02, pr: 0.5, applied: 'base' },
      { rule: 'budgets.max_cost_per_success_usd.T2', base: 0.05, pr: null, applied: 'base' },
      { rule: 'budgets.max_cost_per_success_usd.T3', base: null, pr: 0.1, applied: 'pr' },
      { rule: 'economics.value_per_success_usd', base: 1, pr: 5, applied: 'base' },
      { rule: 'economics.min_gross_margin', base: 0.7, pr: 0.5, applied: 'base' }
    ])
  })

  it("a PR that removes the rules keeps the base's; one that tightens them applies", () => {
    const base = withRules({ economics: { value_per_success_usd: 1, min_gross_margin: 0.7 } })
    expect(stricterThresholds(base, withRules({}), ['wf']).thresholds.rules.economics).toEqual({
      value_per_success_usd: 1,
      min_gross_margin: 0.7
    })
    const tighter = withRules({ economics: { value_per_success_usd: 1, min_gross_margin: 0.8 } })
    const { thresholds: rules, changes } = stricterThresholds(base, tighter, ['wf'])
    expect(rules.rules.economics).toEqual({ value_per_success_usd: 1, min_gross_margin: 0.8 })
    expect(changes).toEqual([{ rule: 'economics.min_gross_margin', base: 0.7, pr: 0.8, applied: 'pr' }])
  })

  it('max_margin_drop unset is the default 0.05, not the loosest', () => {
    const base = withRules({ economics: { value_per_success_usd: 1 } })
    const pr = withRules({ economics: { value_per_success_usd: 1, max_margin_drop: 0.5 } })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf'])
    expect(rules.rules.economics).toEqual({ value_per_success_usd: 1, max_margin_drop: 0.05 })
    expect(changes).toEqual([
      { rule: 'economics.max_margin_drop', base: null, pr: 0.5, applied: 'base', effective: 0.05 }
    ])
  })

  it("a workflow's rules compare what each side resolves to: a PR cannot loosen its own workflow", () => {
    const base = withRules({
      max_cost_per_success_usd: { T1: 0.02 },
      economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }
    })
    const pr = withRules(
      { max_cost_per_success_usd: { T1: 0.02 }, economics: { value_per_success_usd: 1, min_gross_margin: 0.7 } },
      { wf: { max_cost_per_success_usd: { T1: 1 }, economics: { value_per_success_usd: 10, min_gross_margin: 0.2 } } }
    )
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf'])
    expect(rules.workflows.wf).toEqual({
      max_cost_per_success_usd: { T1: 0.02 },
      economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }
    })
    expect(changes).toEqual([
      { rule: 'workflows.wf.budgets.max_cost_per_success_usd.T1', base: null, pr: 1, applied: 'base', effective: 0.02 },
      { rule: 'workflows.wf.economics.value_per_success_usd', base: null, pr: 10, applied: 'base', effective: 1 },
      { rule: 'workflows.wf.economics.min_gross_margin', base: null, pr: 0.2, applied: 'base', effective: 0.7 }
    ])
  })

  it("a base workflow's own rule holds when the PR drops it, under a renamed workflow's new name", () => {
    const base = withRules({}, { refund_v2: { economics: { value_per_success_usd: 2, min_gross_margin: 0.9 } } })
    const { thresholds: rules, changes } = stricterThresholds(
      base,
      withRules({}),
      ['refund_v3'],
      [{ from: 'refund_v2', to: 'refund_v3' }]
    )
    expect(rules.workflows.refund_v3).toEqual({ economics: { value_per_success_usd: 2, min_gross_margin: 0.9 } })
    expect(changes.map((c) => c.rule)).toEqual([
      'workflows.refund_v3.economics.value_per_success_usd',
      'workflows.refund_v3.economics.min_gross_margin'
    ])
  })

  it('no rule on either side adds nothing', () => {
    const { thresholds: rules, changes } = stricterThresholds(withRules({}), withRules({}), ['wf'])
    expect(rules.rules).not.toHaveProperty('economics')
    expect(rules.rules).not.toHaveProperty('max_cost_per_success_usd')
    expect(rules.workflows).toEqual({})
    expect(changes).toEqual([])
  })
})
