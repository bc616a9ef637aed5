// §5 Regression gate: a threshold for every tier, a largest drop against the base branch, and who
// may override a failed gate.
import { plural, points, thresholdPercent } from '../../gate/format.js'
import { tierSettings } from '../../gate/tier-settings.js'
import { TIERS } from '../../model/types.js'
import { check } from '../check.js'
import type { ReadinessSectionModule } from '../section.js'

export const regressionGateSection: ReadinessSectionModule = {
  id: 'regression_gate',
  number: 5,
  title: 'regression gate',
  score({ workflow, gate, thresholds }) {
    const settings = TIERS.map((tier) => ({ tier, ...tierSettings(gate, workflow.name, tier) }))
    const gated = settings.filter((s) => s.rule)
    const ungated = settings.filter((s) => !s.rule).map((s) => s.tier)
    const drops = settings.filter((s) => s.max_drop !== undefined)
    const { approvers, min_permission: minPermission, allow_author: allowAuthor } = thresholds.override
    return {
      checks: [
        check(
          ungated.length === 0,
          `thresholds: ${gated.map((s) => `${s.tier} ≥ ${thresholdPercent(s.rule!.min_success)}`).join(', ')}`,
          `no threshold for ${ungated.join(', ')} (tiers): reported, not gated`
        ),
        check(
          settings[0].max_drop !== undefined,
          `baseline.max_drop: ${drops.map((s) => `${s.tier} ${points(s.max_drop!)} points`).join(', ')}`,
          `no baseline.max_drop for ${TIERS[0]}: a drop against the base branch above the threshold passes`
        ),
        check(
          settings.every((s) => s.block_high_risk_regressions),
          'a high-risk task that regressed against the baseline fails the gate',
          'baseline.block_high_risk_regressions is off: a high-risk regression passes'
        ),
        check(
          approvers.length > 0,
          `override by ${plural(approvers.length, 'approver')} with ${minPermission} permission`,
          'no override approvers (override.approvers): nobody may override a failed gate'
        ),
        check(
          !allowAuthor,
          'a pull request author cannot override their own gate',
          'override.allow_author is true: an author may override their own pull request'
        )
      ]
    }
  }
}
