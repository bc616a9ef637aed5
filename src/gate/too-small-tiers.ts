import type { Report, TaskResult } from '../model/types.js'
import { groupByTier } from './tier-groups.js'
import { tierSettings } from './tier-settings.js'
import { tooSmallWarning } from './too-small.js'

/** The too-small sentence of every gated tier that is too small to judge at its max_attempts. */
export function tooSmallTiers(tasks: readonly Pick<TaskResult, 'workflow' | 'tier'>[], gate: Report['gate']): string[] {
  const several = new Set(tasks.map((t) => t.workflow)).size > 1
  return groupByTier(tasks).flatMap(({ workflow, tier, tasks: members }) => {
    const settings = tierSettings(gate, workflow, tier)
    if (!settings.rule) return []
    const warning = tooSmallWarning({
      label: `${several ? `${workflow} ` : ''}${tier}`,
      tasks: members.length,
      threshold: settings.rule.min_success,
      confidence: settings.confidence,
      margin: settings.margin,
      attempts: settings.max_attempts
    })
    return warning ? [warning] : []
  })
}
