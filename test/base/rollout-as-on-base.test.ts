// Issue 13 on a pull request: the rollout phase, the argument limits and the per-phase tier rules
// are rules that decide, so the base's apply where the PR would loosen them; and a workflow's
// tier rules at its phase are the stricter of the phase's and its own.
import { describe, expect, it } from '@jest/globals'
import { atPhases } from '../../src/base/phase-rules.js'
import { stricterPermissions } from '../../src/base/stricter-permissions.js'
import { stricterThresholds } from '../../src/base/stricter-thresholds.js'
import { workflowAsOnBase } from '../../src/base/workflow-as-on-base.js'
import type { ToolPermission } from '../../src/model/types.js'
import { thresholds, tiers, workflow } from './builders.js'

const refund = (extra: Partial<ToolPermission>): Record<string, ToolPermission> => ({
  refund: { scope: 'write', risk: 'high', approval: 'none', ...extra }
})

describe('limits on a PR', () => {
  it('each bound the stricter of base and PR; a widened or removed limit stays as on the base', () => {
    const { permissions, changes } = stricterPermissions(
      refund({
        limits: { amount: { max: 200, min: 1 }, currency: { one_of: ['USD', 'EUR'] }, note: { pattern: '^ok' } }
      }),
      refund({
        limits: { amount: { max: 500, min: 5 }, currency: { one_of: ['EUR', 'GBP'] }, order: { pattern: '^O-' } }
      })
    )
    expect(permissions.refund.limits).toEqual({
      amount: { max: 200, min: 5 },
      currency: { one_of: ['EUR'] },
      order: { pattern: '^O-' },
      note: { pattern: '^ok' }
    })
    expect(changes.map((c) => c.change)).toEqual([
      'limits.amount.max 200 -> 500 in this PR: stays 200',
      'limits.amount.min 1 -> 5 in this PR: applies',
      'limits.currency.one_of ["USD","EUR"] -> ["EUR","GBP"] in this PR: stays ["EUR"]',
      'limits.order added in this PR (pattern /^O-/)',
      'limits.note removed in this PR: stays pattern /^ok/'
    ])
  })

  it("a PR that drops every limit keeps the base's; bounds that would leave no value keep the base's", () => {
    expect(
      stricterPermissions(refund({ limits: { amount: { max: 200 } } }), refund({})).permissions.refund.limits
    ).toEqual({ amount: { max: 200 } })
    const crossed = stricterPermissions(
      refund({ limits: { amount: { max: 200 } } }),
      refund({ limits: { amount: { min: 300 } } })
    )
    expect(crossed.permissions.refund.limits).toEqual({ amount: { max: 200 } })
  })

  it("the PR's scopes apply (they describe, they do not enforce), and a change is listed", () => {
    const { permissions, changes } = stricterPermissions(
      refund({ scopes: ['payments:refund'] }),
      refund({ scopes: ['payments:*'] })
    )
    expect(permissions.refund.scopes).toEqual(['payments:*'])
    expect(changes.map((c) => c.change)).toEqual(['scopes payments:refund -> payments:* in this PR: applies'])
  })
})

describe('the rollout phase on a PR', () => {
  it("is the base's; the change is said", () => {
    const judged = workflowAsOnBase(
      workflow('wf', { rollout: { phase: 'autonomous' } }),
      workflow('wf', { rollout: { phase: 'draft' } })
    )
    expect(judged.workflow.rollout).toEqual({ phase: 'draft' })
    expect(judged.notes).toEqual([
      "rollout.phase draft -> autonomous in this PR: judged at draft (the base's) until it merges; evalgate run --phase autonomous judges it at autonomous"
    ])
    const unset = workflowAsOnBase(workflow('wf', { rollout: { phase: 'draft' } }), workflow('wf'))
    expect(unset.workflow.rollout).toBeUndefined()
    expect(workflowAsOnBase(workflow('wf'), workflow('wf')).notes).toEqual([])
  })
})

describe('phases in thresholds.yml', () => {
  it('on a PR each phase tier rule is the stricter of base and PR, and the change is listed', () => {
    const base = thresholds({ rules: tiers(0.5), phases: { autonomous: { tiers: { T1: { min_success: 0.95 } } } } })
    const pr = thresholds({ rules: tiers(0.5), phases: { autonomous: { tiers: { T1: { min_success: 0.6 } } } } })
    const { thresholds: rules, changes } = stricterThresholds(base, pr, ['wf'])
    expect(rules.phases).toEqual({ autonomous: { tiers: { T1: { min_success: 0.95 } } } })
    expect(changes).toEqual([{ rule: 'phases.autonomous.tiers.T1.min_success', base: 0.95, pr: 0.6, applied: 'base' }])
    const removed = stricterThresholds(base, thresholds({ rules: tiers(0.5) }), ['wf'])
    expect(removed.thresholds.phases).toEqual({ autonomous: { tiers: { T1: { min_success: 0.95 } } } })
    expect(
      stricterThresholds(thresholds({ rules: tiers(0.5) }), thresholds({ rules: tiers(0.5) }), ['wf']).thresholds.phases
    ).toBeUndefined()
  })

  it("a workflow's tier at its phase: the stricter of the phase's rule and its own, each setting resolved", () => {
    const rules = thresholds({
      rules: { tiers: { T1: { min_success: 0.9 }, T2: { min_success: 0.8 } }, max_drop: {} },
      workflows: { strict: { tiers: { T1: { min_success: 0.99, margin: 0.01 } } } },
      phases: { autonomous: { tiers: { T1: { min_success: 0.95, margin: 0.05, confidence: 0.99 } } } }
    })
    const judged = atPhases(
      rules,
      new Map([
        ['wf', 'autonomous'],
        ['strict', 'autonomous'],
        ['drafty', 'draft']
      ])
    )
    expect(judged.workflows.wf.tiers).toEqual({ T1: { min_success: 0.95, margin: 0.03, confidence: 0.99 } })
    expect(judged.workflows.strict.tiers).toEqual({ T1: { min_success: 0.99, margin: 0.01, confidence: 0.99 } })
    expect(judged.workflows.drafty).toBeUndefined()
    // No phases: the thresholds as they are.
    const plain = thresholds({ rules: tiers(0.5) })
    expect(atPhases(plain, new Map([['wf', 'draft']]))).toBe(plain)
  })
})
