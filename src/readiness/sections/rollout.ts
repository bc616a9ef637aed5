// §9 Phased rollout: the phase the agent is trusted at, and the bar it must clear for the next one.
import { thresholdPercent } from '../../gate/format.js'
import { PHASE_RULES } from '../../model/rollout.js'
import { PHASES, TIERS, type Phase } from '../../model/types.js'
import { check, evidence, lacking } from '../check.js'
import type { ReadinessSectionModule } from '../section.js'

export const rolloutSection: ReadinessSectionModule = {
  id: 'phased_rollout',
  number: 9,
  title: 'phased rollout',
  score({ workflow, thresholds }) {
    // The manifest's own phase, also when --phase judged the run at another.
    const declared = workflow.rollout?.declared ?? workflow.rollout?.phase
    const at = declared ?? 'autonomous'
    const next = nextPhase(at)
    const rules = thresholds.phases?.[next]?.tiers ?? {}
    const ruled = TIERS.filter((tier) => rules[tier] !== undefined)
    const which = next === at ? `phase ${next}` : `the next phase, ${next}`
    return {
      checks: [
        declared
          ? evidence(`rollout.phase ${declared} (${headOf(PHASE_RULES[declared].allows)})`)
          : lacking('no rollout.phase: the agent is trusted as autonomous by default'),
        check(
          ruled.length > 0,
          `tier rules for ${which}: ${ruled.map((tier) => `${tier} ≥ ${thresholdPercent(rules[tier]!.min_success)}`).join(', ')} (evalgate run --phase ${next})`,
          `no tier rules for ${which} (thresholds.yml phases.${next}.tiers)`
        )
      ]
    }
  }
}

/** The phase after `phase`; autonomous, the last, is its own. */
function nextPhase(phase: Phase): Phase {
  return PHASES[Math.min(PHASES.indexOf(phase) + 1, PHASES.length - 1)]
}

/** `limited autonomy` of "limited autonomy: it calls tools ...": the phase in two words. */
function headOf(allows: string): string {
  return allows.split(':')[0]
}
