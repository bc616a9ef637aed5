// The rules one tier is judged by, resolved: the tier's own rule (its workflow's override, else
// the repository's), each decision setting from the tier, else its workflow's `decision`, else
// the top-level `decision`, else the defaults.
import { DECISION_DEFAULTS } from '../model/gate-rules-schema.js'
import type { DecisionSettings, PassKRule, Report, Tier, TierRule } from '../model/types.js'

export interface DecisionRule {
  confidence: number
  margin: number
  max_attempts: number
}

export interface TierSettings extends DecisionRule {
  /** Absent: the tier is reported, not gated. */
  rule?: TierRule
  max_drop?: number
  pass_k?: PassKRule
  block_high_risk_regressions: boolean
  /** budgets.max_cost_per_success_usd of the tier (its workflow's, else the repository's). */
  max_cost_per_success_usd?: number
}

export function tierSettings(gate: Report['gate'], workflow: string, tier: Tier): TierSettings {
  const own = gate.workflows[workflow]
  const rule = own?.tiers?.[tier] ?? gate.rules.tiers[tier]
  const setting = <K extends keyof DecisionSettings>(key: K): number =>
    rule?.[key] ?? own?.decision?.[key] ?? gate.rules.decision?.[key] ?? DECISION_DEFAULTS[key]
  const maxDrop = own?.max_drop?.[tier] ?? gate.rules.max_drop[tier]
  const maxCost = own?.max_cost_per_success_usd?.[tier] ?? gate.rules.max_cost_per_success_usd?.[tier]
  return {
    ...(rule ? { rule } : {}),
    ...(maxDrop !== undefined ? { max_drop: maxDrop } : {}),
    ...(maxCost !== undefined ? { max_cost_per_success_usd: maxCost } : {}),
    ...(rule?.pass_k ? { pass_k: rule.pass_k } : {}),
    confidence: setting('confidence'),
    margin: setting('margin'),
    max_attempts: setting('max_attempts'),
    block_high_risk_regressions: own?.block_high_risk_regressions ?? gate.rules.block_high_risk_regressions ?? true
  }
}
