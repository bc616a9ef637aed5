// Which tasks get one more attempt after a round: those of gated tiers still undecided, those
// a pass^k rule needs k attempts of, and those that differ from the baseline (to tell a
// regression from a flaky task). Each task stops at its tier's max_attempts.
import type { Report, TaskResult } from '../model/types.js'
import { isDiscordant, type BaselineSnapshot } from './paired.js'
import { judgeRate } from './rate-decision.js'
import { taskKey } from './task-attempts.js'
import { groupByTier } from './tier-groups.js'
import { tierSettings } from './tier-settings.js'

export interface RoundInput {
  tasks: readonly TaskResult[]
  gate: Report['gate']
  baseline?: BaselineSnapshot
}

/** `workflow/id` of every task that needs another attempt; empty when every tier is decided. */
export function tasksForAnotherRound(input: RoundInput): Set<string> {
  const next = new Set<string>()
  for (const { workflow, tier, tasks } of groupByTier(input.tasks)) {
    const settings = tierSettings(input.gate, workflow, tier)
    const room = tasks.filter((t) => t.attempts.total < settings.max_attempts)
    const add = (picked: readonly TaskResult[]) => picked.forEach((t) => next.add(taskKey(t)))
    const { rule } = settings
    // A tier short of min_tasks fails whatever its rate: more attempts cannot change that.
    const rateMatters = rule !== undefined && (rule.min_tasks === undefined || tasks.length >= rule.min_tasks)
    if (rateMatters) {
      const judged = judgeRate(
        tasks.map((t) => t.attempts),
        rule.min_success,
        settings,
        settings.max_attempts
      )
      if (judged.outcome === 'undecided') add(room)
    }
    if (settings.pass_k) {
      const k = settings.pass_k.k
      add(tasks.filter((t) => t.attempts.total < k))
    }
    const { baseline } = input
    if (baseline) add(room.filter((t) => isDiscordant(t, baseline)))
  }
  return next
}
