// The gate rules of workflows judged at a rollout phase (thresholds.yml `phases`): at its phase a
// workflow's tier is judged by the stricter of the phase's rule and the rule it has without one,
// so that a phase only ever raises a bar. report.json's `gate.workflows` keeps the result.
import { TIERS, type GateRules, type Phase, type Thresholds } from '../model/types.js'
import { resolvedAs, resolvedDecision, stricterTier } from './stricter-thresholds.js'

/** `phases`: the phase each workflow is judged at. */
export function atPhases(thresholds: Thresholds, phases: ReadonlyMap<string, Phase>): Thresholds {
  if (!thresholds.phases) return thresholds
  const workflows = { ...thresholds.workflows }
  for (const [name, phase] of phases) {
    const phaseTiers = thresholds.phases[phase]?.tiers
    if (!phaseTiers) continue
    const own = workflows[name]
    const tiers: GateRules['tiers'] = { ...own?.tiers }
    for (const tier of TIERS) {
      const phaseRule = phaseTiers[tier]
      if (!phaseRule) continue
      const resolved = {
        base: resolvedDecision(thresholds, name, tier),
        pr: resolvedAs(thresholds, name, tier, phaseRule)
      }
      const current = own?.tiers?.[tier] ?? thresholds.rules.tiers[tier]
      tiers[tier] = stricterTier({ base: current, pr: phaseRule, resolved })
    }
    workflows[name] = { ...own, tiers }
  }
  return { ...thresholds, workflows }
}
