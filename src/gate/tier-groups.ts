import { TIERS, type TaskResult, type Tier } from '../model/types.js'

export interface TierGroup<T extends Pick<TaskResult, 'workflow' | 'tier'> = TaskResult> {
  workflow: string
  tier: Tier
  tasks: T[]
}

/** Groups in report order: by workflow, then T1..T3. */
export function groupByTier<T extends Pick<TaskResult, 'workflow' | 'tier'>>(tasks: readonly T[]): TierGroup<T>[] {
  const groups = new Map<string, TierGroup<T>>()
  for (const task of tasks) {
    const key = `${task.workflow}\u0000${task.tier}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { workflow: task.workflow, tier: task.tier, tasks: [] }))
    group.tasks.push(task)
  }
  return [...groups.values()].sort(
    (a, b) => compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)
  )
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
