// Builders for TaskResult lists and gate rules, shared by the gate and report tests.
import type { Report, TaskResult, Tier } from '../../src/model/types.js'

export function task(id: string, overrides: Partial<TaskResult> = {}): TaskResult {
  const status = overrides.status ?? 'pass'
  return {
    id,
    workflow: 'refunds',
    tier: 'T1',
    risk: 'low',
    tags: [],
    status,
    reasons: status === 'pass' ? [] : [`${id} went wrong`],
    causes: [],
    attempts: { total: status === 'not_run' ? 0 : 1, passed: status === 'pass' ? 1 : 0 },
    duration_ms: 100,
    model_calls: 2,
    tokens: { input: 1000, output: 100 },
    cost_usd: 0.01,
    tool_calls: 3,
    ...overrides
  }
}

/** `passed` passing and `failed` failing tasks of one tier, ids `<tier>-<n>`. */
export function tier(
  name: Tier,
  passed: number,
  failed: number,
  extra: Partial<TaskResult> & { failStatus?: TaskResult['status'] } = {}
): TaskResult[] {
  const { failStatus = 'fail', ...overrides } = extra
  const prefix = `${overrides.workflow ? `${overrides.workflow}-` : ''}${name.toLowerCase()}`
  return [
    ...Array.from({ length: passed }, (_, i) => task(`${prefix}-p${i}`, { tier: name, ...overrides, status: 'pass' })),
    ...Array.from({ length: failed }, (_, i) =>
      task(`${prefix}-f${i}`, { tier: name, ...overrides, status: failStatus })
    )
  ]
}

export function gate(overrides: Partial<Report['gate']> = {}): Report['gate'] {
  return {
    rules: { tiers: { T1: { min_success: 0.92 }, T2: { min_success: 0.8 } }, max_drop: {} },
    workflows: {},
    max_error_rate: 0.1,
    ...overrides
  }
}
